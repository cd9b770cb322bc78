import Analysis
import DeliveryModel

/// The history of a run with `--items` in the shapes `deliverysim calibrate` reads, so a simulated
/// organization can be calibrated back (a round trip): every item's status changes (long and
/// wide), the deployments and the incidents. Each row starts with `scenario,replication`;
/// `calibrate` keeps one replication (`--replication`, default the first). Times are ISO 8601
/// in UTC, time 0 of the simulation being ``epoch`` (a Monday, as the model's calendar).
public enum HistoryTables {
    /// Time 0 of the simulation as a date: Monday 2026-01-05 00:00 UTC, in hours since 1970.
    public static let epoch = 20_458.0 * 24

    /// The name a status has in the exports: `Backlog`, `<stage> queue`, `<stage>`, `Blocked`,
    /// `Awaiting release`, `Done` (names `calibrate` maps to queues, work, blocked and done
    /// without a `--workflow`).
    public static func name(_ status: History.Status, stages: [String]) -> String {
        switch status {
        case .backlog: "Backlog"
        case .queue(let s): "\(stages[s]) queue"
        case .work(let s): stages[s]
        case .blocked: "Blocked"
        case .awaitingRelease: "Awaiting release"
        case .done: "Done"
        }
    }

    /// `status_history.csv`: one row per status change, in time order per replication.
    public static func long(_ run: ExportRun) -> String {
        var out = CSVText.row(["scenario", "replication", "id", "type", "status", "timestamp"])
        forEachReplication(run) { prefix, scenario, result in
            let stages = scenario.stages.map(\.name)
            let names = scenario.demand.classes.map { CSVText.field($0.name) }
            for change in result.history.statusChanges {
                out += prefix + String(change.item) + "," + className(change.workClass, names) + ","
                    + CSVText.field(name(change.status, stages: stages)) + "," + timestamp(change.at) + "\r\n"
            }
        }
        return out
    }

    /// `status_wide.csv`: one row per item, one column per board status in workflow order
    /// holding the first time the item entered it (empty if never), and for `Done` the last (its
    /// delivery for good): the ActionableAgile shape. Blocked time is not a column (a flag in that
    /// shape), so it shows in the stage it blocked; rework loops show as longer times in the
    /// stages they passed (the shape cannot tell them apart).
    public static func wide(_ run: ExportRun) -> String {
        let stages = run.comparison.entries.first?.variant.scenario.stages.map(\.name) ?? []
        let columns: [History.Status] = [.backlog] + stages.indices.flatMap { [History.Status.queue($0), .work($0)] } + [.awaitingRelease, .done]
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element, $0.offset) })
        var out = CSVText.row(["scenario", "replication", "ID", "Name"] + columns.map { name($0, stages: stages) } + ["Type"])
        forEachReplication(run) { prefix, scenario, result in
            guard scenario.stages.map(\.name) == stages else { return }  // one board: the first scenario's stages
            let names = scenario.demand.classes.map { CSVText.field($0.name) }
            var rows: [Int: (workClass: Int, times: [Double?])] = [:]
            var order: [Int] = []
            for change in result.history.statusChanges {
                guard let k = columnIndex[change.status] else { continue }
                if rows[change.item] == nil {
                    rows[change.item] = (change.workClass, Array(repeating: nil, count: columns.count))
                    order.append(change.item)
                }
                // First entry of each status; the last of done (its delivery for good).
                if rows[change.item]!.times[k] == nil || change.status == .done { rows[change.item]!.times[k] = change.at }
            }
            for id in order {
                let row = rows[id]!
                out += prefix + String(id) + ",Item " + String(id) + ","
                    + row.times.map { $0.map(timestamp) ?? "" }.joined(separator: ",") + "," + className(row.workClass, names) + "\r\n"
            }
        }
        return out
    }

    /// `deployments.csv`: one row per deployment — when it finished, `succeeded` or `failed`
    /// (failed on its own and rolled back), the changes it carried.
    public static func deployments(_ run: ExportRun) -> String {
        var out = CSVText.row(["scenario", "replication", "deployment_id", "deployed_at", "result", "changes"])
        forEachReplication(run) { prefix, _, result in
            for d in result.history.deployments {
                out += prefix + String(d.id) + "," + timestamp(d.at) + "," + (d.failed ? "failed" : "succeeded") + "," + String(d.changes) + "\r\n"
            }
        }
        return out
    }

    /// `incidents.csv`: one row per incident — opened (the deployment that caused it), restored,
    /// and that deployment's id.
    public static func incidents(_ run: ExportRun) -> String {
        var out = CSVText.row(["scenario", "replication", "opened", "restored", "deployment_id"])
        forEachReplication(run) { prefix, _, result in
            for i in result.history.incidents {
                out += prefix + timestamp(i.opened) + "," + timestamp(i.restored) + "," + String(i.deployment) + "\r\n"
            }
        }
        return out
    }

    static func forEachReplication(_ run: ExportRun, _ body: (String, Scenario, ReplicationResult) -> Void) {
        for (entry, results) in zip(run.comparison.entries, run.results) {
            let label = CSVText.field(entry.variant.label)
            for result in results { body(label + "," + String(result.replication) + ",", entry.variant.scenario, result) }
        }
    }

    static func className(_ c: Int, _ names: [String]) -> String { c < names.count ? names[c] : "fix" }

    /// The civil date `days` after 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` of simulation time `hours`, to the nearest second.
    public static func timestamp(_ hours: Double) -> String {
        let total = Int(((epoch + hours) * 3600).rounded())
        let days = total / 86_400, second = total % 86_400
        let (year, month, day) = civil(days: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
}
