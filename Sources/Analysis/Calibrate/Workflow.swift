import Foundation
import ScenarioFile

/// What each status of a board means: a queue (waiting), active work (by a team), blocked, done,
/// or ignored — and the workflow's order. Given by `--workflow` (inline
/// `"Backlog=queue,Development=active:dev,Blocked=blocked,Done=done"` or a YAML file), else
/// guessed from the names: `done`, `closed`, `resolved`, `released` … are done; `blocked`,
/// `flagged`, `on hold` … blocked; `backlog`, `to do`, `ready …`, `… queue`, `waiting`,
/// `awaiting …` … queues; anything else active work, each active status its own team.
public struct Workflow: Sendable {
    public enum Kind: String, Sendable { case queue, active, blocked, done, ignore }

    public struct Status: Sendable {
        public var name: String
        public var kind: Kind
        /// The team working an active status.
        public var team: String?
    }

    /// In workflow order.
    public var statuses: [Status]
    /// True when given by the user (else guessed).
    public var given: Bool

    /// Parses `--workflow`: a YAML file (ending `.yaml`/`.yml`) or inline `name=kind[:team],…`.
    public static func parse(_ text: String) throws(CalibrationError) -> Workflow {
        var entries: [(status: String, spec: String)] = []
        if text.hasSuffix(".yaml") || text.hasSuffix(".yml") {
            guard let data = FileManager.default.contents(atPath: text), let yaml = String(data: data, encoding: .utf8) else {
                throw CalibrationError("--workflow \(text): cannot read the file (missing, or permissions?)")
            }
            do { entries = try WorkflowFile.entries(yaml: yaml, file: text) } catch { throw CalibrationError("--workflow: \(error)") }
        } else {
            for part in text.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { throw CalibrationError("--workflow: `\(part)` is not STATUS=KIND (like Development=active:dev)") }
                entries.append((pair[0].trimmingCharacters(in: .whitespaces), pair[1].trimmingCharacters(in: .whitespaces)))
            }
        }
        guard !entries.isEmpty, entries.count <= StatusHistory.Limits.maxStatuses else {
            throw CalibrationError("--workflow: give between 1 and \(StatusHistory.Limits.maxStatuses) statuses")
        }
        var statuses: [Status] = []
        for (name, spec) in entries {
            let parts = spec.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let kind = Kind(rawValue: parts[0].lowercased()) else {
                throw CalibrationError("--workflow: `\(name)` has kind `\(parts[0])`; kinds are queue, active, blocked, done, ignore (active:TEAM names the team)")
            }
            guard !statuses.contains(where: { $0.name == name }) else { throw CalibrationError("--workflow: `\(name)` is given twice") }
            statuses.append(Status(name: name, kind: kind, team: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil))
        }
        return Workflow(statuses: statuses, given: true)
    }

    /// The kind a status name suggests (see the type's documentation).
    public static func guess(_ name: String) -> Kind {
        let n = name.lowercased().trimmingCharacters(in: .whitespaces)
        let done = ["done", "closed", "resolved", "released", "deployed", "in production", "complete", "completed", "finished", "shipped", "live", "delivered"]
        if done.contains(n) { return .done }
        if ["block", "flag", "on hold", "impeded", "stuck"].contains(where: { n.contains($0) }) { return .blocked }
        let queues = ["backlog", "created", "new", "open", "to do", "todo", "ready", "selected for development", "icebox", "triage", "proposed", "pending", "approved"]
        if queues.contains(n) || n.hasPrefix("ready") || n.hasSuffix("queue") || n.hasSuffix("queued") || n.contains("waiting") || n.contains("awaiting")
            || n.hasPrefix("to ") || n.hasSuffix(" done") && !done.contains(n) {
            return .queue
        }
        return .active
    }

    /// The workflow of `history`: `given` checked against its statuses, or guessed, in the order
    /// of the columns (wide) or of each status's mean position in the items' histories (long).
    public static func resolve(_ given: Workflow?, for history: StatusHistory) throws(CalibrationError) -> Workflow {
        if let given {
            let known = Set(given.statuses.map(\.name))
            let missing = history.statuses.filter { !known.contains($0) }
            guard missing.isEmpty else {
                throw CalibrationError("\(history.file): status\(missing.count == 1 ? "" : "es") \(missing.map { "`\($0)`" }.joined(separator: ", ")) not in --workflow (statuses in the data: \(history.statuses.joined(separator: ", ")))")
            }
            return given
        }
        var order = Array(history.statuses.indices)
        if history.shape == .long {
            // Mean rank of each status's first entry within its items: the usual order of the board.
            var rankSum = Array(repeating: 0.0, count: history.statuses.count), seen = Array(repeating: 0.0, count: history.statuses.count)
            var firstSeen = Array(repeating: -1, count: history.statuses.count)
            for item in 0..<history.itemCount {
                var rank = 0
                let range = history.start[item]..<history.start[item + 1]
                for k in range {
                    let s = Int(history.transitions[k].status)
                    guard firstSeen[s] != item else { continue }
                    firstSeen[s] = item
                    rankSum[s] += Double(rank)
                    seen[s] += 1
                    rank += 1
                }
            }
            let kinds = history.statuses.map(guess)
            // Done last, whatever its rank; blocked statuses keep their rank (they are not stages).
            func key(_ s: Int) -> (Int, Double, Int) { (kinds[s] == .done ? 1 : 0, seen[s] > 0 ? rankSum[s] / seen[s] : .infinity, s) }
            order.sort { key($0) < key($1) }
        }
        var statuses = order.map { Status(name: history.statuses[$0], kind: guess(history.statuses[$0]), team: nil) }
        // `Resolved` before a `Closed` or `Done` (Azure DevOps, Jira with verification) waits to be closed.
        if statuses.filter({ $0.kind == .done }).count > 1 {
            for i in statuses.indices where statuses[i].name.lowercased() == "resolved" { statuses[i].kind = .queue }
        }
        return Workflow(statuses: statuses, given: false)
    }

    /// One line per status: `Backlog: queue`, `Development: active (team Development)` …
    public var description: [String] {
        statuses.map { "\($0.name): \($0.kind.rawValue)" + ($0.kind == .active ? " (team \($0.team ?? $0.name))" : "") }
    }
}
