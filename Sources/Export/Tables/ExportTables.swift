import Analysis
import DeliveryModel

/// The tidy CSV files of an export, as text: RFC 4180 (``CSVText``), CRLF line ends, `.` as the
/// decimal separator, numbers as Swift's shortest round-trip text (`"\(double)"`, never the
/// locale), an empty cell for a missing value, rows in (scenario, replication, …) order.
public enum ExportTables {
    /// `replications.csv`: one row per scenario and replication, one column per metric (every
    /// metric of any scenario, in order of first appearance, the baseline's first).
    public static func replications(_ run: ExportRun) -> String {
        let names = run.comparison.metricNames
        let column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var out: [UInt8] = []
        CSVText.appendRow(["scenario", "replication"] + names, to: &out)
        for (entry, results) in zip(run.comparison.entries, run.results) {
            let label = Array(CSVText.field(entry.variant.label).utf8)
            // A scenario's replications list their metrics in the same order: the first one's
            // columns serve the others wherever the name at a position is the same.
            var firstNames: [String] = [], firstColumns: [Int?] = []
            for (r, result) in results.enumerated() {
                var values = [Double?](repeating: nil, count: names.count)
                for (k, metric) in result.metrics.enumerated() {
                    let c = r > 0 && k < firstNames.count && firstNames[k] == metric.name ? firstColumns[k] : column[metric.name]
                    if r == 0 {
                        firstNames.append(metric.name)
                        firstColumns.append(c)
                    }
                    // The last value of a name counts, as a dictionary of the values would keep it.
                    if let c, let v = metric.value { values[c] = v }
                }
                out += label
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: String(result.replication).utf8)
                for value in values {
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: CSVText.number(value).utf8)
                }
                out.append(UInt8(ascii: "\r"))
                out.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `summary.csv`: one row per scenario and metric, the same text as `compare --format csv`.
    public static func summary(_ run: ExportRun) -> String {
        ComparisonReport(run.comparison, heading: run.command).csv()
    }

    /// The pseudo-stage before the first stage in `flow.csv`: arrived, not yet pulled.
    public static let backlogStage = "backlog"
    /// The pseudo-stage after the last stage in `flow.csv`: finished, waiting for a release, in
    /// approval or being deployed.
    public static let awaitingReleaseStage = "awaiting_release"

    /// `flow.csv`: per scenario, replication and day (days since the start, warm-up included),
    /// one row per stage — `backlog` (stage_index 0), the scenario's stages in order (1 … n),
    /// `awaiting_release` (n + 1) — with the cumulative arrivals and done of that day repeated
    /// on each of its rows.
    public static func flow(_ run: ExportRun) -> String {
        var out = CSVText.row(["scenario", "replication", "day", "stage_index", "stage", "arrivals", "in_stage", "done"])
        for (entry, results) in zip(run.comparison.entries, run.results) {
            let label = CSVText.field(entry.variant.label)
            let stages = [backlogStage] + entry.variant.scenario.stages.map(\.name) + [awaitingReleaseStage]
            let stageFields = stages.enumerated().map { "\($0.offset)," + CSVText.field($0.element) }
            for result in results {
                let prefix = label + "," + String(result.replication) + ","
                for snapshot in result.flow {
                    let counts = [snapshot.backlog] + snapshot.inStage + [snapshot.awaitingRelease]
                    precondition(counts.count == stages.count, "a flow snapshot has one count per stage")
                    let tail = "," + String(snapshot.arrivals) + ","
                    let done = "," + String(snapshot.done) + "\r\n"
                    for (i, count) in counts.enumerated() {
                        out += prefix + String(snapshot.day) + "," + stageFields[i] + tail + String(count) + done
                    }
                }
            }
        }
        return out
    }

    /// `items.csv`: one row per change that reached production, per scenario and replication
    /// in the order they reached it. Times are hours since the start of the replication.
    public static func items(_ run: ExportRun) -> String {
        var out = CSVText.row(["scenario", "replication", "id", "class", "arrival", "start", "development_done", "released", "deployed",
                               "lead_time_hours", "cycle_time_hours", "lead_time_for_changes_hours", "rework_count",
                               "escaped_defect", "incident", "after_warmup"])
        for (entry, results) in zip(run.comparison.entries, run.results) {
            let label = CSVText.field(entry.variant.label)
            let warmup = entry.variant.scenario.warmup
            for result in results {
                let prefix = label + "," + String(result.replication) + ","
                for item in result.items {
                    let fields = [
                        String(item.id), CSVText.field(item.workClass), CSVText.number(item.arrival), CSVText.number(item.start),
                        CSVText.number(item.developmentDone), CSVText.number(item.released), CSVText.number(item.deployed),
                        CSVText.number(item.leadTime), CSVText.number(item.cycleTime), CSVText.number(item.leadTimeForChanges),
                        String(item.reworks), bool(item.escapedDefect), bool(item.incident), bool(item.deployed >= warmup),
                    ]
                    out += prefix + fields.joined(separator: ",") + "\r\n"
                }
            }
        }
        return out
    }

    /// `true` or `false`: read as booleans by pandas, R and spreadsheets.
    static func bool(_ b: Bool) -> String { b ? "true" : "false" }
}
