import DeliveryModel
import Foundation
import ScenarioFile

/// What the HTML report shows, read back from an export folder: `run.json`, `summary.csv`,
/// `flow.csv`, `replications.csv`, `items.csv` (if there) and the scenario copies. The report
/// depends only on these files, so `deliverysim report DIR` redraws it from any export.
public struct ReportData: Sendable {
    /// One scenario as `run.json` lists it.
    public struct ScenarioInfo: Sendable {
        public var name: String
        public var file: String
        public var overrides: [String]
        public var stages: [String]
        public var warmupHours: Double
        public var horizonHours: Double
        /// The overall DORA cluster (`elite` … `low`), if classified.
        public var cluster: String?
        /// The resolved scenario (the `scenario-*.yaml` copy), if there.
        public var yaml: String?
    }

    /// One row of `summary.csv`.
    public struct SummaryRow: Sendable {
        public var scenario: String
        public var metric: String
        public var mean: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var n: Int
        public var diff: Double?
        public var diffLow: Double?
        public var diffHigh: Double?
        public var diffPercent: Double?
        public var doraBucket: String
        public var doraCluster: String
        public var note: String
    }

    /// One scenario's cumulative flow: the mean over replications, day by day.
    public struct Flow: Sendable {
        public var days: [Int]
        /// Stage names by stage index: `backlog`, the stages, `awaiting_release`.
        public var stages: [String]
        /// `inStage[i][d]`: mean items in stage index i on day `days[d]`.
        public var inStage: [[Double]]
        /// Mean changes in production (cumulative) per day.
        public var done: [Double]
    }

    /// One scenario's lead times: every measured change's (from `items.csv`) or the mean
    /// per-replication quantiles (from `replications.csv`).
    public enum LeadTimes: Sendable {
        case changes([Double])
        case quantiles(p50: Double?, p85: Double?, p95: Double?)
    }

    /// One part of a scenario's value stream map: a `value_stream_hours.<segment>` row.
    public struct Segment: Sendable {
        /// The metric suffix: `backlog`, `<stage>.queue` …, `release_wait` …
        public var segment: String
        /// Mean hours per change reaching production.
        public var hours: Double
    }

    public var command: String
    public var commandLine: String
    /// The largest significant change in plain words, as the export wrote it in `run.json`.
    public var headline: String?
    public var seed: String
    public var replications: Int
    public var doraYear: Int
    public var version: String
    public var timestamp: String
    public var scenarios: [ScenarioInfo]
    public var summary: [SummaryRow]
    /// By scenario name.
    public var flow: [String: Flow]
    public var leadTimes: [String: LeadTimes]
    /// Whether lead times come from `items.csv`.
    public var fromItems: Bool

    /// The summary row of `metric` for `scenario`.
    public func row(_ scenario: String, _ metric: String) -> SummaryRow? {
        summaryIndex[scenario + "\u{0}" + metric].map { summary[$0] }
    }

    private var summaryIndex: [String: Int] = [:]

    /// The prefix of the value stream's metrics in `summary.csv`.
    public static let segmentPrefix = MetricDefinition.valueStream.name + "."

    /// `scenario`'s value stream, segment by segment in stream order (`summary.csv` order):
    /// the means add up to its mean `lead_time_hours`.
    public func segments(_ scenario: String) -> [Segment] {
        summary.compactMap { row in
            guard row.scenario == scenario, row.metric.hasPrefix(Self.segmentPrefix), let mean = row.mean else { return nil }
            return Segment(segment: String(row.metric.dropFirst(Self.segmentPrefix.count)), hours: mean)
        }
    }

    /// The keys the scenarios vary (`key=value` overrides of a what-if or a sweep whose values
    /// differ between scenarios), in order of first appearance, with each scenario's value.
    public var varied: [(key: String, values: [String])] {
        let pairs: [[(String, String)]] = scenarios.map { s in
            s.overrides.compactMap { o in o.firstIndex(of: "=").map { (String(o[..<$0]), String(o[o.index(after: $0)...])) } }
        }
        var keys: [String] = []
        for list in pairs { for (k, _) in list where !keys.contains(k) { keys.append(k) } }
        return keys.compactMap { key in
            let values = pairs.map { list in list.last { $0.0 == key }?.1 ?? "" }
            return Set(values).count > 1 ? (key, values) : nil
        }
    }

    /// Reads the export folder at `folder`.
    public static func load(folder: String) throws(ExportError) -> ReportData {
        func path(_ name: String) -> String { folder + "/" + name }
        func data(_ name: String) throws(ExportError) -> Data {
            do { return try Data(contentsOf: URL(fileURLWithPath: path(name))) } catch {
                throw ExportError("\(path(name)): cannot read it (\(error.localizedDescription)); is \(folder) an export folder (deliverysim … --out DIR)?")
            }
        }
        let manifestData = try data("run.json")
        guard let manifest = (try? JSONSerialization.jsonObject(with: manifestData)) as? [String: Any],
              let scenarioList = manifest["scenarios"] as? [[String: Any]] else {
            throw ExportError("\(path("run.json")): not a DeliverySim run manifest")
        }
        var report = ReportData(
            command: manifest["command"] as? String ?? "",
            commandLine: manifest["command_line"] as? String ?? "", headline: manifest["headline"] as? String,
            seed: manifest["seed"] as? String ?? "",
            replications: (manifest["replications"] as? NSNumber)?.intValue ?? 0,
            doraYear: (manifest["dora_year"] as? NSNumber)?.intValue ?? 0,
            version: manifest["version"] as? String ?? "",
            timestamp: manifest["timestamp"] as? String ?? "",
            scenarios: [], summary: [], flow: [:], leadTimes: [:], fromItems: false)
        for s in scenarioList {
            let yamlFile = s["yaml"] as? String
            let yaml = yamlFile.flatMap { name in
                name.contains("/") ? nil : (try? Data(contentsOf: URL(fileURLWithPath: path(name)))).map { String(decoding: $0, as: UTF8.self) }
            }
            report.scenarios.append(ScenarioInfo(
                name: s["name"] as? String ?? "", file: s["file"] as? String ?? "", overrides: s["overrides"] as? [String] ?? [],
                stages: s["stages"] as? [String] ?? [], warmupHours: (s["warmup_hours"] as? NSNumber)?.doubleValue ?? 0,
                horizonHours: (s["horizon_hours"] as? NSNumber)?.doubleValue ?? 0, cluster: s["dora_cluster"] as? String, yaml: yaml))
        }
        report.summary = try readSummary(data("summary.csv"), file: path("summary.csv"))
        for (i, row) in report.summary.enumerated() { report.summaryIndex[row.scenario + "\u{0}" + row.metric] = i }
        report.flow = try readFlow(data("flow.csv"), file: path("flow.csv"))
        if FileManager.default.fileExists(atPath: path("items.csv")) {
            report.leadTimes = try readItems(data("items.csv"), file: path("items.csv"))
            report.fromItems = true
        } else {
            report.leadTimes = try readQuantiles(data("replications.csv"), file: path("replications.csv"))
        }
        return report
    }

    /// The CSV `data` of an export file, through ScenarioFile's reader.
    static func table(_ data: Data, file: String) throws(ExportError) -> CSVTable {
        do { return try CSVTable.parse(String(decoding: data, as: UTF8.self), file: file) } catch { throw ExportError(error.description) }
    }

    /// The rows with as many fields as the header.
    static func records(_ table: CSVTable) -> [[String]] {
        table.rows.map(\.fields).filter { $0.count == table.header.count }
    }

    static func columns(_ table: CSVTable, _ names: [String], file: String) throws(ExportError) -> [Int] {
        var out: [Int] = []
        for name in names {
            guard let i = table.column(name) else { throw ExportError("\(file): no column `\(name)`") }
            out.append(i)
        }
        return out
    }

    static func readSummary(_ data: Data, file: String) throws(ExportError) -> [SummaryRow] {
        let csv = try table(data, file: file)
        let c = try columns(csv, ["scenario", "metric", "mean", "ci_low", "ci_high", "n", "baseline_diff", "baseline_diff_low",
                                     "baseline_diff_high", "dora_bucket"], file: file)
        let cluster = csv.column("dora_cluster"), percent = csv.column("baseline_diff_percent"), note = csv.column("note")
        var rows: [SummaryRow] = []
        for r in records(csv) {
            rows.append(SummaryRow(
                scenario: r[c[0]], metric: r[c[1]], mean: Double(r[c[2]]), ciLow: Double(r[c[3]]), ciHigh: Double(r[c[4]]),
                n: Int(r[c[5]]) ?? 0, diff: Double(r[c[6]]), diffLow: Double(r[c[7]]), diffHigh: Double(r[c[8]]),
                diffPercent: percent.flatMap { Double(r[$0]) }, doraBucket: r[c[9]], doraCluster: cluster.map { r[$0] } ?? "",
                note: note.map { r[$0] } ?? ""))
        }
        return rows
    }

    /// Sums each (scenario, day, stage) over the replications and divides by their number.
    static func readFlow(_ data: Data, file: String) throws(ExportError) -> [String: Flow] {
        let csv = try table(data, file: file)
        let c = try columns(csv, ["scenario", "replication", "day", "stage_index", "stage", "in_stage", "done"], file: file)
        struct Sums { var stages: [String] = []; var inStage: [[Double]] = []; var done: [Double] = []; var reps = Set<Int>(); var days = 0 }
        var sums: [String: Sums] = [:]
        for r in records(csv) {
            guard let day = Int(r[c[2]]), let index = Int(r[c[3]]), day >= 0, index >= 0,
                  let count = Double(r[c[5]]), let done = Double(r[c[6]]) else { continue }
            var s = sums[r[c[0]], default: Sums()]
            sums[r[c[0]]] = nil
            s.reps.insert(Int(r[c[1]]) ?? 0)
            while s.stages.count <= index { s.stages.append(""); s.inStage.append(Array(repeating: 0, count: s.days)) }
            s.stages[index] = r[c[4]]
            if day >= s.days {
                s.days = day + 1
                for i in s.inStage.indices { s.inStage[i] += Array(repeating: 0, count: s.days - s.inStage[i].count) }
                s.done += Array(repeating: 0, count: s.days - s.done.count)
            }
            s.inStage[index][day] += count
            if index == 0 { s.done[day] += done }
            sums[r[c[0]]] = s
        }
        return sums.mapValues { s in
            let n = Double(max(1, s.reps.count))
            return Flow(days: Array(0..<s.days), stages: s.stages, inStage: s.inStage.map { $0.map { $0 / n } }, done: s.done.map { $0 / n })
        }
    }

    static func readItems(_ data: Data, file: String) throws(ExportError) -> [String: LeadTimes] {
        let csv = try table(data, file: file)
        let c = try columns(csv, ["scenario", "lead_time_hours", "after_warmup"], file: file)
        var hours: [String: [Double]] = [:]
        for r in records(csv) {
            guard r[c[2]] == "true", let h = Double(r[c[1]]) else { continue }
            hours[r[c[0]], default: []].append(h)
        }
        return hours.mapValues { .changes($0.sorted()) }
    }

    static func readQuantiles(_ data: Data, file: String) throws(ExportError) -> [String: LeadTimes] {
        let csv = try table(data, file: file)
        let s = try columns(csv, ["scenario"], file: file)[0]
        let q = ["p50", "p85", "p95"].map { csv.column("lead_time_hours.\($0)") }
        var sums: [String: [(Double, Int)]] = [:]
        for r in records(csv) {
            var acc = sums[r[s], default: Array(repeating: (0, 0), count: 3)]
            for (k, column) in q.enumerated() {
                if let column, let v = Double(r[column]) { acc[k] = (acc[k].0 + v, acc[k].1 + 1) }
            }
            sums[r[s]] = acc
        }
        return sums.mapValues { acc in
            let m = acc.map { $0.1 > 0 ? $0.0 / Double($0.1) : nil }
            return .quantiles(p50: m[0], p85: m[1], p95: m[2])
        }
    }
}
