/// A date of the proleptic Gregorian calendar, as a day number (days since 1970-01-01).
///
/// No time zone and no clock: a scenario's time 0 is midnight at the start of its calendar's
/// start date, and hours from it fall on dates by plain day arithmetic.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var day: Int

    public init(day: Int) { self.day = day }

    /// The dates this program accepts: years 1900 to 2999 (keeps day arithmetic far from overflow).
    public static let years = 1900...2999

    /// The date written `YYYY-MM-DD`, or nil for anything else (an impossible day included).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              CalendarDate.years.contains(y), (1...12).contains(m), (1...CalendarDate.daysIn(month: m, year: y)).contains(d) else { return nil }
        self.day = CalendarDate.days(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) of this date (H. Hinnant's `civil_from_days`).
    public var civil: (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((day + 3) % 7 + 7) % 7 }

    /// The date `n` days later.
    public func adding(days n: Int) -> CalendarDate { CalendarDate(day: day + n) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = civil
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// Three-letter weekday name.
    public var weekdayName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday] }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.day < b.day }

    /// The date on which an instant `hours` after midnight of `self` ends a piece of work: the
    /// day holding the moment just before it (work done at 24:00 is done on that day, not the
    /// next); `self` for 0.
    public func date(endingAt hours: Double) -> CalendarDate {
        guard hours > 0 else { return self }
        return adding(days: Int((hours / 24).rounded(.up)) - 1)
    }
}

/// Days off: single dates and ranges of dates (both ends included).
public struct Holiday: Sendable, Hashable {
    public var from: CalendarDate
    public var to: CalendarDate
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }
    public init(_ date: CalendarDate) { self.init(from: date, to: date) }
    /// Days it covers.
    public var days: Int { to.day - from.day + 1 }
}
