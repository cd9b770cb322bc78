import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom

/// A delivery flow calibrated from an issue tracker's export.
///
/// The tracker tells, per item, when it was created, started and done, and its type. The
/// calibrated scenario treats the team as a black box that reproduces what the data shows:
/// arrivals are the created times (a Poisson stream at the observed rate, with the
/// inter-arrival fit reported), the class mix is the share of each type, the wait before work
/// starts (created → started) becomes the stage's handoff, the time in progress (started →
/// done) its work, and the team has as many people as items were ever in progress at once, so
/// that waiting happens where the data shows it. Durations are clock hours (24/7 calendar):
/// the time in progress includes nights and weekends, as the data does.
public struct Calibration: Sendable {
    /// Column names of the export.
    public struct Columns: Sendable {
        public var created = "created"
        public var started = "started"
        public var done = "done"
        public var type = "type"
        public init() {}
    }

    /// One usable row.
    public struct Item: Sendable, Equatable {
        public var line: Int
        public var type: String
        public var created: Double
        public var started: Double
        public var done: Double
        public var waitHours: Double { started - created }
        public var workHours: Double { done - started }
        public var leadTimeHours: Double { done - created }
    }

    public var file: String
    public var items: [Item]
    /// Rows left out, with their line and why.
    public var rejected: [(line: Int, reason: String)]
    /// Items per hour over the observed span.
    public var arrivalRate: Double
    /// Exponential fit of the gaps between consecutive created times.
    public var interarrivalMean: Double
    /// Coefficient of variation of the gaps (1 for a Poisson stream).
    public var interarrivalCV: Double
    /// Share per type, in order of first appearance.
    public var classes: [(name: String, share: Double)]
    /// Most items in progress at once.
    public var peakInProgress: Int
    /// Observed span, hours.
    public var span: Double

    /// Reads and checks `path`. Bad rows are collected, not fatal; fewer than 10 usable rows is.
    public static func read(path: String, columns: Columns = Columns()) throws -> Calibration {
        let table: CSVTable
        do { table = try CSVTable.load(path: path) } catch { throw CalibrationError(error.description) }
        var indices: [String: Int] = [:]
        for (role, name) in [("created", columns.created), ("started", columns.started), ("done", columns.done), ("type", columns.type)] {
            guard let i = table.column(name) else {
                throw CalibrationError(Suggestion.message(
                    "\(path): no column `\(name)` for the \(role) \(role == "type" ? "" : "time ")", for: name, among: table.header,
                    listing: "columns: \(table.header.joined(separator: ", ")); choose with --\(role) NAME"))
            }
            indices[role] = i
        }
        var items: [Item] = []
        var rejected: [(Int, String)] = []
        for row in table.rows {
            func field(_ role: String) -> String {
                let i = indices[role]!
                return i < row.fields.count ? row.fields[i].trimmingCharacters(in: .whitespaces) : ""
            }
            guard let created = Timestamp.hours(field("created")) else { rejected.append((row.line, "created `\(field("created"))` is not a date-time")); continue }
            guard let started = Timestamp.hours(field("started")) else { rejected.append((row.line, "started `\(field("started"))` is not a date-time")); continue }
            guard let done = Timestamp.hours(field("done")) else { rejected.append((row.line, "done `\(field("done"))` is not a date-time")); continue }
            guard created <= started, started <= done else { rejected.append((row.line, "times out of order (created ≤ started ≤ done)")); continue }
            let type = field("type").isEmpty ? "unknown" : field("type")
            items.append(Item(line: row.line, type: type, created: created, started: started, done: done))
        }
        guard items.count >= 10 else {
            throw CalibrationError("\(path): only \(items.count) usable rows (\(rejected.count) rejected); at least 10 are needed")
        }
        items.sort { ($0.created, $0.line) < ($1.created, $1.line) }
        let gaps = zip(items, items.dropFirst()).map { $1.created - $0.created }
        let gapMean = gaps.reduce(0, +) / Double(gaps.count)
        let gapSD = (gaps.reduce(0) { $0 + ($1 - gapMean) * ($1 - gapMean) } / Double(max(1, gaps.count - 1))).squareRoot()
        let span = items.last!.created - items.first!.created
        var order: [String] = []
        var counts: [String: Int] = [:]
        for item in items {
            if counts[item.type] == nil { order.append(item.type) }
            counts[item.type, default: 0] += 1
        }
        // Peak in progress: sweep the start (+1) and done (−1) events in time order.
        let events = items.flatMap { [($0.started, 1), ($0.done, -1)] }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var level = 0, peak = 0
        for (_, delta) in events { level += delta; peak = max(peak, level) }
        return Calibration(
            file: path, items: items, rejected: rejected,
            arrivalRate: Double(items.count - 1) / span, interarrivalMean: gapMean, interarrivalCV: gapSD / gapMean,
            classes: order.map { ($0, Double(counts[$0]!) / Double(items.count)) },
            peakInProgress: max(1, peak), span: span)
    }

    /// A runnable scenario reproducing the data (see the type's documentation). Waits and work
    /// are resampled from `valuesFile` (written next to the scenario by ``write(to:fit:)``), or
    /// fitted when `fit` is given.
    public func scenarioYAML(name: String, valuesFile: String, fit: FitFamily?) throws -> String {
        func distribution(_ column: String, _ values: [Double]) throws -> YAMLValue {
            let positive = values.filter { $0 > 0 }
            if let fit, positive.count >= 2, positive.count == values.count {
                let d = try Distribution.fit(fit, to: values)
                let parameters = d.parameters.compactMap { name, value -> (key: String, value: YAMLValue)? in
                    if case .number(let x) = value { return (name, .plain("\(x)")) }
                    return nil
                }
                return .mapping([(d.family, .mapping(parameters, flow: true))], flow: true)
            }
            return .mapping([("empirical", .mapping([("csv", .plain(valuesFile)), ("column", .plain(column)), ("unit", .plain("h"))], flow: true))],
                            flow: true)
        }
        let shares = classes.enumerated().map { i, c -> (key: String, value: YAMLValue) in
            // Shares printed to 6 decimals; the last absorbs rounding so they sum to 1 exactly.
            let share = i == classes.count - 1 ? 1 - classes.dropLast().reduce(0) { $0 + ($1.share * 1e6).rounded() / 1e6 } : (c.share * 1e6).rounded() / 1e6
            return (c.name, .mapping([("share", .plain("\(share)"))], flow: true))
        }
        let horizonDays = max(30, (span / 24).rounded(.up))
        let fileName = (file as NSString).lastPathComponent
        let document: YAMLValue = .mapping([
            ("name", .string(name)),
            ("description", .string("Calibrated from \(fileName)")),
            ("horizon", .plain("\(Int(horizonDays))d")),
            ("warmup", .plain("\(Int(min(60, horizonDays / 5)))d")),
            ("replications", .plain("30")),
            ("seed", .plain("1")),
            ("demand", .mapping([
                ("arrivals", .mapping([("exponential", .mapping([("mean", .plain("\(interarrivalMean)"))], flow: true))], flow: true)),
                ("classes", .mapping(shares)),
            ])),
            ("teams", .mapping([("team", .mapping([("people", .plain("\(peakInProgress)"))], flow: true))])),
            ("stages", .sequence([.mapping([
                ("name", .plain("delivery")),
                ("team", .plain("team")),
                ("handoff", try distribution("wait_hours", items.map(\.waitHours))),
                ("work", try distribution("work_hours", items.map(\.workHours))),
            ])])),
            ("release", .mapping([("policy", .plain("continuous"))])),
        ])
        return try document.document(comments: [
            "Calibrated by `deliverysim calibrate` from \(fileName): \(items.count) items\(rejected.isEmpty ? "" : ", \(rejected.count) rows rejected").",
            "Arrivals: \(arrivalRate * 24) a day (gaps: mean \(interarrivalMean) h, coefficient of variation \(interarrivalCV); a Poisson stream has 1).",
            "Per type (time in progress, hours): \(perClassSummary())",
        ])
    }

    /// Per type: count, mean and p85 of the time in progress.
    public func perClassSummary() -> String {
        classes.map { c in
            let work = items.filter { $0.type == c.name }.map(\.workHours).sorted()
            let mean = work.reduce(0, +) / Double(work.count)
            let p85 = work[min(work.count - 1, Int((0.85 * Double(work.count)).rounded(.up)) - 1)]
            return "\(c.name) n=\(work.count) mean \((mean * 10).rounded() / 10) p85 \((p85 * 10).rounded() / 10)"
        }.joined(separator: "; ")
    }

    /// The per-item values the scenario resamples: `type,wait_hours,work_hours,lead_time_hours`.
    public func valuesCSV() -> String {
        var out = "type,wait_hours,work_hours,lead_time_hours\r\n"
        for item in items {
            out += "\(CSVText.field(item.type)),\(item.waitHours),\(item.workHours),\(item.leadTimeHours)\r\n"
        }
        return out
    }
}

/// Why a calibration could not be made.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Date-times of tracker exports, as hours since 1970 (UTC unless an offset is given).
enum Timestamp {
    static func hours(_ text: String) -> Double? {
        guard !text.isEmpty else { return nil }
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            iso.formatOptions = options
            if let d = iso.date(from: text) { return d.timeIntervalSince1970 / 3600 }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let d = formatter.date(from: text) { return d.timeIntervalSince1970 / 3600 }
        }
        return nil
    }
}
