import Foundation
import ScenarioFile

/// Every item's status changes, read from a tracker export in either shape:
///
/// - **long**: one row per transition — item, (type), status entered (or from/to), date-time —
///   as a Jira changelog, an Azure DevOps revisions export, a Linear or GitHub project history;
///   a `created` column with a `from` column adds the first status at creation;
/// - **wide**: one row per item, one column per status holding the date-time the item entered
///   it (ActionableAgile, jira-to-analytics, jira-agile-metrics), the columns in workflow order.
///
/// Items are numbered densely; transitions are sorted by item then time (ties in file order).
public struct StatusHistory: Sendable {
    /// One status change.
    public struct Transition: Sendable {
        public var status: Int32
        public var at: Double
        public var line: Int32
    }

    public enum Shape: String, Sendable { case long, wide }

    public var file: String
    public var shape: Shape
    /// Distinct statuses: in column order (wide) or order of first appearance (long).
    public var statuses: [String]
    /// Distinct item types, in order of first appearance.
    public var types: [String]
    /// Per item, its type.
    public var itemType: [Int32]
    /// Per item, its name in the export.
    public var itemNames: [String]
    /// All transitions, item by item; item k's are `transitions[start[k] ..< start[k + 1]]`.
    public var transitions: [Transition]
    public var start: [Int]
    /// Rows left out, by line.
    public var rejected: [(line: Int, reason: String)]
    /// What was read from where: `id ← Issue key` …, and any row filter.
    public var mapping: [String]

    public var itemCount: Int { itemType.count }

    /// The limits checked before the analysis (README "Limits").
    public enum Limits {
        public static let maxRows = 20_000_000
        /// About 20 million rows of a typical export; the file is read whole.
        public static let maxBytes = 2_000_000_000
        public static let maxStatuses = 200
        public static let maxTypes = 100
    }

    /// Reads `path` (either shape), keeping one replication of a simulated export (`scenario`,
    /// `replication` columns: the first scenario and `replication`, default 0).
    public static func read(path: String, columns: HistoryColumns = HistoryColumns(), replication: Int = 0) throws(CalibrationError) -> StatusHistory {
        // The size first: a file beyond it is refused before it is read.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Limits.maxBytes {
            throw CalibrationError("\(path): \(size / 1_000_000) MB, above the limit of \(Limits.maxBytes / 1_000_000_000) GB of a status history; calibrate from a shorter period")
        }
        let table: CSVTable
        do { table = try CSVTable.load(path: path) } catch { throw CalibrationError(error.description) }
        guard table.rows.count <= Limits.maxRows else {
            throw CalibrationError("\(path): \(table.rows.count) rows, above the limit of \(Limits.maxRows) rows of a status history; calibrate from a shorter period")
        }
        let roles = try columns.detect(table.header, file: path)
        var mapping = roles.sorted { $0.value < $1.value }.map { "\($0.key.rawValue) ← \(table.header[$0.value])" }
        // One replication of a simulated export.
        var rows = table.rows[...]
        if let sc = roles[.scenario], let rc = roles[.replication] {
            let first = rows.first.map { sc < $0.fields.count ? $0.fields[sc] : "" } ?? ""
            let wanted = String(replication)
            rows = rows.filter { $0.fields.count > max(sc, rc) && $0.fields[sc] == first && $0.fields[rc] == wanted }[...]
            mapping.append("rows of scenario `\(first)`, replication \(wanted) (\(rows.count) rows)")
        }
        guard let idColumn = roles[.id] else {
            throw CalibrationError("\(path): cannot tell which column identifies the item (looked for Key, Issue key, ID, Item …); columns: \(table.header.joined(separator: ", ")); choose with --id-column NAME")
        }
        let sample = rows.prefix(200)
        // One row per item (each id once in the sample) with a current status and an updated
        // time, as Linear's or GitHub's issue lists: the date-time columns are the history.
        var onePerItem = columns.given[.status] == nil && rows.count >= 2
        if onePerItem {
            var seen = Set<String>()  // stops at the first repeated id: at once in a history
            for row in rows where !seen.insert(idColumn < row.fields.count ? row.fields[idColumn] : "").inserted { onePerItem = false; break }
        }
        if let status = roles[.status], let time = roles[.time], !onePerItem {
            return try readLong(path, table.header, rows, id: idColumn, type: roles[.type], status: status, time: time,
                                from: roles[.from], created: roles[.created], mapping: mapping)
        }
        // Wide: the columns (other than the roles) whose values are date-times; the last change
        // of any kind and a due date are not statuses.
        let notStatuses: Set<String> = ["updated", "updatedat", "updateddate", "lastupdated", "changed", "changeddate", "changedat", "duedate", "due", "dueat", "targetdate"]
        let taken = Set(roles.values.filter { $0 != roles[.time] && $0 != roles[.created] })
        let statusColumns = table.header.indices.filter { c in
            guard !taken.contains(c), !notStatuses.contains(HistoryColumns.normalized(table.header[c])) else { return false }
            // Nine in ten of the sampled values date-times: a bad row is reported by line, not a reason to drop the column.
            var dates = 0, other = 0
            for row in sample {
                let text = c < row.fields.count ? CSVTable.trimmed(row.fields[c]) : ""
                if text.isEmpty { continue }
                if Timestamp.hours(text) != nil { dates += 1 } else { other += 1 }
            }
            return dates > 0 && other * 10 <= dates + other
        }
        guard statusColumns.count >= 2 else {
            let missing = [roles[.status] == nil ? "the status (Status, To, State …)" : nil, roles[.time] == nil ? "the time of each change (Changed, Timestamp, Date …)" : nil].compactMap { $0 }
            throw CalibrationError("""
            \(path): neither a status history with one row per change (no column for \(missing.joined(separator: " nor "))) \
            nor one row per item with a date-time column per status (found \(statusColumns.count) date-time column\(statusColumns.count == 1 ? "" : "s")); \
            columns: \(table.header.joined(separator: ", ")); choose with --status-column and --time-column
            """)
        }
        mapping.append("statuses (one column each, in workflow order) ← \(statusColumns.map { table.header[$0] }.joined(separator: ", "))")
        return try readWide(path, table.header, rows, id: idColumn, type: roles[.type], statusColumns: statusColumns, mapping: mapping)
    }

    /// Collects items, types and statuses as they appear.
    struct Builder {
        var items: [String: Int32] = [:]
        var itemNames: [String] = []
        var itemType: [Int32] = []
        var types: [String: Int32] = [:]
        var typeNames: [String] = []
        var statuses: [String: Int32] = [:]
        var statusNames: [String] = []
        var raw: [(item: Int32, t: Transition)] = []
        var rejected: [(line: Int, reason: String)] = []

        mutating func item(_ name: String, type: String) -> Int32 {
            if let k = items[name] { return k }
            let t: Int32
            if let known = types[type] { t = known } else { t = Int32(typeNames.count); types[type] = t; typeNames.append(type) }
            let k = Int32(itemNames.count)
            items[name] = k
            itemNames.append(name)
            itemType.append(t)
            return k
        }

        mutating func status(_ name: String) -> Int32 {
            if let s = statuses[name] { return s }
            let s = Int32(statusNames.count)
            statuses[name] = s
            statusNames.append(name)
            return s
        }

        func finish(_ file: String, _ shape: Shape, mapping: [String]) throws(CalibrationError) -> StatusHistory {
            guard statusNames.count <= Limits.maxStatuses else {
                throw CalibrationError("\(file): \(statusNames.count) distinct statuses, above the limit of \(Limits.maxStatuses); map them to fewer with --workflow or check the status column")
            }
            guard typeNames.count <= Limits.maxTypes else {
                throw CalibrationError("\(file): \(typeNames.count) distinct item types, above the limit of \(Limits.maxTypes) classes; check the type column (--type-column)")
            }
            var sorted = raw
            sorted.sort { ($0.item, $0.t.at, $0.t.line) < ($1.item, $1.t.at, $1.t.line) }
            var transitions: [Transition] = []
            transitions.reserveCapacity(sorted.count)
            var start = Array(repeating: 0, count: itemNames.count + 1)
            var k = 0
            for item in 0..<itemNames.count {
                start[item] = transitions.count
                var last: Int32 = -1
                while k < sorted.count, sorted[k].item == item {
                    // A revision that repeats the status (Azure DevOps) is not a change.
                    if sorted[k].t.status != last { transitions.append(sorted[k].t) }
                    last = sorted[k].t.status
                    k += 1
                }
            }
            start[itemNames.count] = transitions.count
            return StatusHistory(file: file, shape: shape, statuses: statusNames, types: typeNames, itemType: itemType, itemNames: itemNames,
                                 transitions: transitions, start: start, rejected: rejected, mapping: mapping)
        }
    }

    static func cleanName(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    static func readLong(_ file: String, _ header: [String], _ rows: ArraySlice<(line: Int, fields: [String])>, id: Int, type: Int?, status: Int,
                         time: Int, from: Int?, created: Int?, mapping: [String]) throws(CalibrationError) -> StatusHistory {
        var b = Builder()
        b.raw.reserveCapacity(rows.count)
        // Per item: its creation time, and the status its earliest change left (where it was created).
        var createdAt: [Int32: Double] = [:]
        var earliest: [Int32: (at: Double, from: String)] = [:]
        for row in rows {
            func field(_ c: Int?) -> String { guard let c, c < row.fields.count else { return "" }; return CSVTable.trimmed(row.fields[c]) }
            let name = field(id), to = field(status), when = field(time)
            guard !name.isEmpty else { b.rejected.append((row.line, "no item id")); continue }
            guard !to.isEmpty else { b.rejected.append((row.line, "no status")); continue }
            guard let at = Timestamp.hours(when) else { b.rejected.append((row.line, "`\(when)` (\(header[time])) is not a date-time")); continue }
            let kind = type.map { field($0) } ?? ""
            guard cleanName(to), cleanName(kind), cleanName(name) else { b.rejected.append((row.line, "a name holds a control character or a line break")); continue }
            let item = b.item(name, type: kind.isEmpty ? "unknown" : kind)
            b.raw.append((item, Transition(status: b.status(to), at: at, line: Int32(clamping: row.line))))
            if let created, createdAt[item] == nil, let c = Timestamp.hours(field(created)) { createdAt[item] = c }
            if let from, at < (earliest[item]?.at ?? .infinity) { earliest[item] = (at, field(from)) }
        }
        // Created in the status its first change left, at its creation time (first at equal times: line 0).
        for item in 0..<Int32(b.itemNames.count) {  // in item order: statuses are numbered as they come
            guard let c = createdAt[item], let first = earliest[item], !first.from.isEmpty, c <= first.at, cleanName(first.from) else { continue }
            b.raw.append((item, Transition(status: b.status(first.from), at: c, line: 0)))
        }
        return try b.finish(file, .long, mapping: mapping)
    }

    static func readWide(_ file: String, _ header: [String], _ rows: ArraySlice<(line: Int, fields: [String])>, id: Int, type: Int?,
                         statusColumns: [Int], mapping: [String]) throws(CalibrationError) -> StatusHistory {
        var b = Builder()
        for c in statusColumns { _ = b.status(header[c]) }
        for row in rows {
            func field(_ c: Int?) -> String { guard let c, c < row.fields.count else { return "" }; return CSVTable.trimmed(row.fields[c]) }
            let name = field(id), kind = type.map { field($0) } ?? ""
            guard !name.isEmpty else { b.rejected.append((row.line, "no item id")); continue }
            guard cleanName(kind), cleanName(name) else { b.rejected.append((row.line, "a name holds a control character or a line break")); continue }
            var times: [(Int32, Double)] = []
            var bad: String?
            for (s, c) in statusColumns.enumerated() {
                let text = field(c)
                if text.isEmpty { continue }
                guard let at = Timestamp.hours(text) else { bad = "`\(text)` (\(header[c])) is not a date-time"; break }
                times.append((Int32(s), at))
            }
            if let bad { b.rejected.append((row.line, bad)); continue }
            guard !times.isEmpty else { b.rejected.append((row.line, "no status date-time")); continue }
            let item = b.item(name, type: kind.isEmpty ? "unknown" : kind)
            // Column order breaks ties (the line field orders them).
            for (s, at) in times { b.raw.append((item, Transition(status: s, at: at, line: s))) }
        }
        return try b.finish(file, .wide, mapping: mapping)
    }
}
