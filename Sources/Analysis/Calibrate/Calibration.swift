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
                return i < row.fields.count ? CSVTable.trimmed(row.fields[i]) : ""
            }
            guard let created = Timestamp.hours(field("created")) else { rejected.append((row.line, "created `\(field("created"))` is not a date-time")); continue }
            guard let started = Timestamp.hours(field("started")) else { rejected.append((row.line, "started `\(field("started"))` is not a date-time")); continue }
            guard let done = Timestamp.hours(field("done")) else { rejected.append((row.line, "done `\(field("done"))` is not a date-time")); continue }
            guard created <= started, started <= done else { rejected.append((row.line, "times out of order (created ≤ started ≤ done)")); continue }
            let type = field("type").isEmpty ? "unknown" : field("type")
            guard !type.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
                rejected.append((row.line, "the type holds a control character or a line break")); continue
            }
            items.append(Item(line: row.line, type: type, created: created, started: started, done: done))
        }
        guard items.count >= 10 else {
            throw CalibrationError("\(path): only \(items.count) usable rows (\(rejected.count) rejected); at least 10 are needed"
                + rejectionSummary(rejected, file: path).map { "\n" + $0 }.joined())
        }
        items.sort { ($0.created, $0.line) < ($1.created, $1.line) }
        let gaps = zip(items, items.dropFirst()).map { $1.created - $0.created }
        let gapMean = gaps.reduce(0, +) / Double(gaps.count)
        let gapSD = (gaps.reduce(0) { $0 + ($1 - gapMean) * ($1 - gapMean) } / Double(max(1, gaps.count - 1))).squareRoot()
        let span = items.last!.created - items.first!.created
        guard span > 0 else {
            throw CalibrationError("\(path): every item was created at the same instant; the arrival rate cannot be estimated")
        }
        guard span <= Limits.maxHorizonHours else {
            throw CalibrationError("\(path): the items were created over \(Int(span / 8766)) years, above the horizon limit of 100 years; calibrate from a shorter period")
        }
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
        let document: YAMLValue = .mapping(Self.header(name: name, file: fileName, horizonDays: Int(horizonDays), warmupDays: Int(min(60, horizonDays / 5))) + [
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

    /// The keys a calibrated scenario starts with: name, description, horizon, warm-up, 30
    /// replications, seed 1.
    static func header(name: String, file: String, horizonDays: Int, warmupDays: Int) -> [(key: String, value: YAMLValue)] {
        [("name", .string(name)), ("description", .string("Calibrated from \(file)")), ("horizon", .plain("\(horizonDays)d")),
         ("warmup", .plain("\(warmupDays)d")), ("replications", .plain("30")), ("seed", .plain("1"))]
    }

    /// The first `shown` rejected rows with their reasons, then how many rows each kind of
    /// reason left out (the value in backquotes set aside).
    public static func rejectionSummary(_ rejected: [(line: Int, reason: String)], file: String, shown: Int = 5) -> [String] {
        guard !rejected.isEmpty else { return [] }
        var lines = rejected.prefix(shown).map { "\(file):\($0.line): left out: \($0.reason)" }
        if rejected.count > shown { lines.append("… and \(rejected.count - shown) more rows left out") }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for r in rejected {
            let parts = r.reason.split(separator: "`", omittingEmptySubsequences: false)
            let kind = parts.enumerated().map { $0.offset % 2 == 1 ? "…" : String($0.element) }.joined()
            if counts[kind] == nil { order.append(kind) }
            counts[kind, default: 0] += 1
        }
        lines.append("rows left out by reason: " + order.map { "\(counts[$0]!) \($0)" }.joined(separator: "; "))
        return lines
    }

    /// Per type: count, mean and p85 of the time in progress.
    public func perClassSummary() -> String {
        var byType: [String: [Double]] = [:]
        for item in items { byType[item.type, default: []].append(item.workHours) }
        return classes.map { c in
            let work = (byType[c.name] ?? []).sorted()
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
///
/// Read by hand, without a formatter per value (a million rows in seconds): ISO 8601
/// (`2025-01-06T09:57:12Z`, `2025-01-06 09:57`, fractions, offsets `+01:00`), a date alone,
/// Jira's default (`06/Jan/25 9:57 AM`) and Azure DevOps' (`1/6/2025 9:57:12 AM`, month first).
enum Timestamp {
    static func hours(_ text: String) -> Double? {
        var s = Scanner(Array(text.utf8))
        return s.iso() ?? { s = Scanner(Array(text.utf8)); return s.slashed() }()
    }

    /// Days from 1970-01-01 to the civil date (proleptic Gregorian), or nil if it does not exist.
    static func days(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    struct Scanner {
        let b: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { b = bytes }
        var atEnd: Bool { i == b.count }
        mutating func eat(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        /// 1…`most` digits (exactly `least`…`most`).
        mutating func number(_ least: Int, _ most: Int) -> Int? {
            var n = 0, k = 0
            while i < b.count, k < most, (48...57).contains(b[i]) { n = n * 10 + Int(b[i] - 48); i += 1; k += 1 }
            return k >= least ? n : nil
        }
        mutating func spaces() { while i < b.count, b[i] == 32 { i += 1 } }

        /// `hh:mm[:ss[.fff]]` → hours.
        mutating func clock(twelveHour: Bool) -> Double? {
            guard let h = number(1, 2), eat(":"), let m = number(2, 2), m < 60 else { return nil }
            var seconds = 0.0
            if eat(":") {
                guard let sec = number(2, 2), sec < 61 else { return nil }
                seconds = Double(sec)
                if eat(".") || eat(",") {
                    var scale = 0.1
                    guard i < b.count, (48...57).contains(b[i]) else { return nil }
                    while i < b.count, (48...57).contains(b[i]) { seconds += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
                }
            }
            var hour = h
            if twelveHour {
                spaces()
                let upper = i + 1 < b.count ? (b[i] & 0xDF, b[i + 1] & 0xDF) : (0, 0)
                guard upper.1 == 77, upper.0 == 65 || upper.0 == 80, (1...12).contains(h) else { return nil }  // AM / PM
                i += 2
                hour = h % 12 + (upper.0 == 80 ? 12 : 0)
            } else {
                guard h < 24 else { return nil }
            }
            return Double(hour) + Double(m) / 60 + seconds / 3600
        }

        /// ISO 8601: `yyyy-MM-dd`, then optionally `T` or a space, a clock and a zone.
        mutating func iso() -> Double? {
            guard let y = number(4, 4), eat("-"), let mo = number(2, 2), eat("-"), let d = number(2, 2),
                  let day = Timestamp.days(year: y, month: mo, day: d) else { return nil }
            var hours = Double(day) * 24
            if atEnd { return hours }
            guard eat("T") || eat(" "), let time = clock(twelveHour: false) else { return nil }
            hours += time
            if atEnd || eat("Z") { return atEnd ? hours : nil }
            let sign: Double
            if eat("+") { sign = 1 } else if eat("-") { sign = -1 } else { return nil }
            guard let oh = number(2, 2) else { return nil }
            _ = eat(":")
            guard let om = number(2, 2), atEnd else { return nil }
            return hours - sign * (Double(oh) + Double(om) / 60)
        }

        /// Jira `dd/MMM/yy h:mm AM` or Azure DevOps `M/d/yyyy h:mm[:ss] AM`.
        mutating func slashed() -> Double? {
            guard let first = number(1, 2), eat("/") else { return nil }
            var month: Int, day: Int
            if let m = number(1, 2) {
                (month, day) = (first, m)  // Azure DevOps: month first
            } else {
                let names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
                guard i + 3 <= b.count, let m = names.firstIndex(of: String(decoding: b[i..<(i + 3)].map { $0 & 0xDF }, as: UTF8.self)) else { return nil }
                i += 3
                (month, day) = (m + 1, first)
            }
            guard eat("/"), let yearDigits = Optional(i), let y = number(2, 4) else { return nil }
            let year = i - yearDigits == 2 ? 2000 + y : y
            guard i - yearDigits != 3, let days = Timestamp.days(year: year, month: month, day: day) else { return nil }
            var hours = Double(days) * 24
            if atEnd { return hours }
            spaces()
            guard let time = clock(twelveHour: true) else { return nil }
            hours += time
            spaces()
            return atEnd ? hours : nil
        }
    }
}
