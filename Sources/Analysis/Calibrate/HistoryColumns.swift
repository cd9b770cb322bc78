import ScenarioFile
import SimRandom

/// Which column of a tracker export plays which role, detected from the header (Jira, Azure
/// DevOps, Linear, GitHub projects, ActionableAgile's wide shape; case, spaces, `_`, `-` and `.`
/// do not matter) or given by option.
public struct HistoryColumns: Sendable {
    /// A role and the names it is known by, most specific first.
    public enum Role: String, Sendable, CaseIterable {
        case id, type, status, from, time, created, scenario, replication

        /// Header names (normalized) that play this role.
        var aliases: [String] {
            switch self {
            case .id: ["id", "key", "issuekey", "issueid", "identifier", "itemid", "workitemid", "item", "number", "ticket", "issue", "cardid"]
            case .type: ["type", "issuetype", "workitemtype", "itemtype", "class", "kind", "tickettype", "cardtype", "labels", "label"]
            case .status: ["tostatus", "to", "tostate", "newstatus", "newstate", "newvalue", "status", "state", "column", "boardcolumn"]
            case .from: ["fromstatus", "from", "fromstate", "oldstatus", "oldstate", "oldvalue"]
            case .time: ["changed", "changeddate", "changedat", "changedon", "timestamp", "transitiondate", "transitionedat", "enteredat", "movedat",
                         "date", "datetime", "at", "time", "updated", "updatedat", "updateddate"]
            case .created: ["created", "createddate", "createdat", "createdon", "opened"]
            case .scenario: ["scenario"]
            case .replication: ["replication"]
            }
        }
    }

    /// Roles given by option (`--id-column` …): header name per role.
    public var given: [Role: String] = [:]
    public init(given: [Role: String] = [:]) { self.given = given }

    /// A header name without case, spaces, `_`, `-` or `.`.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// The column index per role found in `header` (given names first, then aliases in order; a
    /// column serves one role). Throws when a given name is not in the header.
    func detect(_ header: [String], file: String) throws(CalibrationError) -> [Role: Int] {
        let names = header.map(Self.normalized)
        var found: [Role: Int] = [:]
        var used = Set<Int>()
        for role in Role.allCases {
            guard let name = given[role] else { continue }
            guard let i = header.firstIndex(of: name) ?? names.firstIndex(of: Self.normalized(name)) else {
                throw CalibrationError(Suggestion.message("\(file): no column `\(name)` (given for the \(role.rawValue))", for: name, among: header,
                                                          listing: "columns: \(header.joined(separator: ", "))"))
            }
            found[role] = i
            used.insert(i)
        }
        for role in Role.allCases where found[role] == nil {
            for alias in role.aliases {
                if let i = names.indices.first(where: { names[$0] == alias && !used.contains($0) }) {
                    found[role] = i
                    used.insert(i)
                    break
                }
            }
        }
        return found
    }
}
