import Foundation
import ScenarioFile

/// Deployments and incidents, from a deployment log and an incident log (CSV, header row):
///
/// - deployments: a date-time (`deployed_at`, `date`, `finished` …), optionally the result
///   (`result`, `status`, `outcome`: succeeded/success/ok or failed/failure/error/rolled back)
///   and the number of changes (`changes`, `items`, `commits`), and an id (`deployment_id`, `id`);
/// - incidents: opened and restored date-times (`opened`/`created`/`started`,
///   `restored`/`resolved`/`closed`/`ended`), optionally the deployment that caused it.
public struct DeliveryLog: Sendable {
    public struct Deployment: Sendable { public var at: Double; public var failed: Bool; public var changes: Int?; public var id: String }
    public struct Incident: Sendable { public var opened: Double; public var restored: Double; public var deployment: String? }

    public var deployments: [Deployment] = []
    public var incidents: [Incident] = []
    public var rejected: [(file: String, line: Int, reason: String)] = []
    public var mapping: [String] = []
    public init() {}

    static func find(_ header: [String], _ aliases: [String]) -> Int? {
        let names = header.map(HistoryColumns.normalized)
        for alias in aliases { if let i = names.firstIndex(of: alias) { return i } }
        return nil
    }

    /// Rows of one replication of a simulated export (`scenario`, `replication` columns).
    static func rows(_ table: CSVTable, replication: Int) -> ArraySlice<(line: Int, fields: [String])> {
        guard let sc = find(table.header, ["scenario"]), let rc = find(table.header, ["replication"]) else { return table.rows[...] }
        let first = table.rows.first.map { sc < $0.fields.count ? $0.fields[sc] : "" } ?? ""
        return table.rows.filter { $0.fields.count > max(sc, rc) && $0.fields[sc] == first && $0.fields[rc] == String(replication) }[...]
    }

    public mutating func readDeployments(path: String, replication: Int = 0) throws(CalibrationError) {
        let table: CSVTable
        do { table = try CSVTable.load(path: path) } catch { throw CalibrationError(error.description) }
        guard table.rows.count <= StatusHistory.Limits.maxRows else { throw CalibrationError("\(path): above the limit of \(StatusHistory.Limits.maxRows) rows") }
        guard let time = Self.find(table.header, ["deployedat", "deployed", "deploymentdate", "finished", "finishedat", "date", "datetime", "timestamp", "time", "at", "createdat", "created"]) else {
            throw CalibrationError("\(path): no date-time column for the deployments (deployed_at, date, finished, timestamp …); columns: \(table.header.joined(separator: ", "))")
        }
        let result = Self.find(table.header, ["result", "status", "outcome", "state", "conclusion"])
        let changes = Self.find(table.header, ["changes", "changecount", "items", "itemcount", "commits"])
        let id = Self.find(table.header, ["deploymentid", "id", "deployment", "key"])
        mapping.append("deployments: time ← \(table.header[time])" + (result.map { ", result ← \(table.header[$0])" } ?? " (no result column: all succeeded)")
                       + (changes.map { ", changes ← \(table.header[$0])" } ?? "") + (id.map { ", id ← \(table.header[$0])" } ?? ""))
        for row in Self.rows(table, replication: replication) {
            func field(_ c: Int?) -> String { guard let c, c < row.fields.count else { return "" }; return CSVTable.trimmed(row.fields[c]) }
            guard let at = Timestamp.hours(field(time)) else { rejected.append((path, row.line, "`\(field(time))` is not a date-time")); continue }
            var failed = false
            if result != nil {
                switch field(result).lowercased() {
                case "succeeded", "success", "successful", "ok", "passed", "deployed", "done", "": failed = false
                case "failed", "failure", "error", "rolled back", "rolledback", "rollback", "broken": failed = true
                default: rejected.append((path, row.line, "result `\(field(result))` is neither succeeded nor failed")); continue
                }
            }
            var count: Int?
            if changes != nil, !field(changes).isEmpty {
                let text = field(changes)
                // A number, or a list of item ids separated by spaces, `;` or `|`.
                count = Int(text) ?? text.split(whereSeparator: { " ;|".contains($0) }).count
            }
            deployments.append(Deployment(at: at, failed: failed, changes: count, id: id.map { field($0) } ?? String(deployments.count + 1)))
        }
        deployments.sort { $0.at < $1.at }
    }

    public mutating func readIncidents(path: String, replication: Int = 0) throws(CalibrationError) {
        let table: CSVTable
        do { table = try CSVTable.load(path: path) } catch { throw CalibrationError(error.description) }
        guard table.rows.count <= StatusHistory.Limits.maxRows else { throw CalibrationError("\(path): above the limit of \(StatusHistory.Limits.maxRows) rows") }
        guard let opened = Self.find(table.header, ["opened", "openedat", "created", "createdat", "started", "startedat", "began", "start", "detected"]),
              let restored = Self.find(table.header, ["restored", "restoredat", "resolved", "resolvedat", "closed", "closedat", "ended", "end", "mitigated"]) else {
            throw CalibrationError("\(path): needs an opened column (opened, created, started …) and a restored column (restored, resolved, closed …); columns: \(table.header.joined(separator: ", "))")
        }
        let deployment = Self.find(table.header, ["deploymentid", "deployment", "causeddeployment", "causingdeployment", "cause"])
        mapping.append("incidents: opened ← \(table.header[opened]), restored ← \(table.header[restored])" + (deployment.map { ", deployment ← \(table.header[$0])" } ?? ""))
        for row in Self.rows(table, replication: replication) {
            func field(_ c: Int?) -> String { guard let c, c < row.fields.count else { return "" }; return CSVTable.trimmed(row.fields[c]) }
            guard let o = Timestamp.hours(field(opened)) else { rejected.append((path, row.line, "opened `\(field(opened))` is not a date-time")); continue }
            guard let r = Timestamp.hours(field(restored)) else { rejected.append((path, row.line, "restored `\(field(restored))` is not a date-time")); continue }
            guard r >= o else { rejected.append((path, row.line, "restored before it was opened")); continue }
            incidents.append(Incident(opened: o, restored: r, deployment: deployment.map { field($0) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
    }

    /// Deployments that failed on their own or caused an incident (the change failure rate's numerator).
    public var failedOrCausing: Int {
        let causing = Set(incidents.compactMap(\.deployment))
        return deployments.filter { $0.failed || causing.contains($0.id) }.count + (incidents.isEmpty ? 0 : incidents.filter { $0.deployment == nil }.count)
    }

    /// Deployments that failed on their own.
    public var failedOnTheirOwn: Int { deployments.filter(\.failed).count }

    public var restoreHours: [Double] { incidents.map { $0.restored - $0.opened } }

    /// The release policy the deployments show: continuous (about one change each), a schedule
    /// (regular gaps: coefficient of variation below 0.5), or batches of the mean size.
    public var cadence: (policy: String, every: Double?, size: Int?, gapMean: Double, gapCV: Double, changesMean: Double?) {
        // Between deployments that start anew: after a failed deployment or one that caused an
        // incident, the next is the same changes (or the rest of them) again, off the cadence.
        let causing = Set(incidents.compactMap(\.deployment))
        var starts: [Deployment] = []
        for (k, d) in deployments.enumerated() where k == 0 || !(deployments[k - 1].failed || causing.contains(deployments[k - 1].id)) { starts.append(d) }
        let gaps = zip(starts, starts.dropFirst()).map { $1.at - $0.at }.filter { $0 > 0 }
        let mean = gaps.isEmpty ? 0 : gaps.reduce(0, +) / Double(gaps.count)
        let sd = gaps.count > 1 ? (gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)).squareRoot() : 0
        let cv = mean > 0 ? sd / mean : 0
        let known = deployments.compactMap(\.changes)
        let changes = known.isEmpty ? nil : Double(known.reduce(0, +)) / Double(known.count)
        if let changes, changes <= 1.2 { return ("continuous", nil, nil, mean, cv, changes) }
        if gaps.count >= 3, cv < 0.5 {
            let sorted = gaps.sorted()
            return ("scheduled", sorted[sorted.count / 2], nil, mean, cv, changes)
        }
        if let changes { return ("batch", nil, max(1, Int(changes.rounded())), mean, cv, changes) }
        return ("continuous", nil, nil, mean, cv, changes)
    }
}
