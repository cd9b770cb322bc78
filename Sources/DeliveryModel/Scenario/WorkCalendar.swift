/// When people work: some weekdays, between two times of day. Time 0 is Monday 00:00.
///
/// A person's task of `w` working hours started at `t` ends at ``finish(start:work:)``, which
/// skips nights and weekends. ``always`` is the 24/7 calendar of automation.
public struct WorkCalendar: Sendable, Equatable {
    /// Working weekdays, 0 = Monday … 6 = Sunday.
    public var workdays: Set<Int> { didSet { mask = WorkCalendar.mask(workdays) } }
    /// Bit d set: weekday d is a working day (the hot path's form of `workdays`).
    private var mask: UInt8
    /// Start of the working day, hours after midnight.
    public var dayStart: Double
    /// End of the working day, hours after midnight (≤ 24).
    public var dayEnd: Double

    public init(workdays: Set<Int>, dayStart: Double, dayEnd: Double) {
        precondition(!workdays.isEmpty && workdays.allSatisfy { (0...6).contains($0) })
        precondition(0 <= dayStart && dayStart < dayEnd && dayEnd <= 24)
        self.workdays = workdays
        self.mask = WorkCalendar.mask(workdays)
        self.dayStart = dayStart
        self.dayEnd = dayEnd
    }

    private static func mask(_ days: Set<Int>) -> UInt8 { days.reduce(0) { $0 | UInt8(1 << $1) } }

    /// True if weekday `day` (days since time 0, a Monday) is a working day.
    @inline(__always) private func works(onDay day: Double) -> Bool {
        mask & UInt8(1 << Int(day.truncatingRemainder(dividingBy: 7))) != 0
    }

    /// Every day, all day.
    public static let always = WorkCalendar(workdays: Set(0...6), dayStart: 0, dayEnd: 24)

    /// True for the 24/7 calendar.
    public var isAlways: Bool { mask == 0x7F && dayStart == 0 && dayEnd == 24 }

    /// Working hours in a week.
    public var hoursPerWeek: Double { Double(workdays.count) * (dayEnd - dayStart) }

    /// The share of clock time that is working time.
    public var workingShare: Double { hoursPerWeek / 168 }

    /// The clock time at which `work` working hours, started at `start`, are done.
    public func finish(start: Double, work: Double) -> Double {
        if isAlways || work <= 0 { return start + (isAlways ? work : 0) }
        var remaining = work
        // Whole weeks first.
        let weeks = (remaining / hoursPerWeek).rounded(.down)
        var t = start
        if weeks >= 1 {
            // Keep at least a sliver for the day loop so the end lands inside a working window.
            let skip = remaining == weeks * hoursPerWeek ? weeks - 1 : weeks
            t += skip * 168
            remaining -= skip * hoursPerWeek
        }
        // Beyond any horizon (2^52 h): never, rather than a day count that does not fit an Int.
        guard t < 0x1p52 else { return .infinity }
        while true {
            let dayIndex = (t / 24).rounded(.down)
            let dayOrigin = dayIndex * 24
            if works(onDay: dayIndex) {
                let open = dayOrigin + dayStart, close = dayOrigin + dayEnd
                let from = max(t, open)
                if from < close {
                    let available = close - from
                    if remaining <= available { return from + remaining }
                    remaining -= available
                }
            }
            t = dayOrigin + 24
        }
    }
}

extension WorkCalendar {
    /// Working hours between clock times `from` and `to`, in time independent of the span: the
    /// first day and the days up to the next Monday one by one, then whole weeks at once
    /// (`hoursPerWeek` each), then the last days one by one.
    public func workingHours(from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        if isAlways { return to - from }
        guard to.isFinite else { return .infinity }
        var total = 0.0
        func add(_ day: Double) {
            if works(onDay: day) {
                let open = max(from, day * 24 + dayStart), close = min(to, day * 24 + dayEnd)
                if close > open { total += close - open }
            }
        }
        var day = (from / 24).rounded(.down)
        add(day)
        day += 1
        while day * 24 < to && day.truncatingRemainder(dividingBy: 7) != 0 {
            add(day)
            day += 1
        }
        // Days before the one holding `to` lie wholly inside [from, to].
        let lastDay = (to / 24).rounded(.down)
        if lastDay - day >= 7 {
            let weeks = ((lastDay - day) / 7).rounded(.down)
            total += weeks * hoursPerWeek
            day += weeks * 7
        }
        while day * 24 < to {
            add(day)
            day += 1
        }
        return total
    }
}
