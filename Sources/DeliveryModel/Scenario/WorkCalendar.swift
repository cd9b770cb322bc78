/// When people work: some weekdays, between two times of day, except holidays. Time 0 is
/// midnight at the start of ``start`` (a Monday when no start date is given).
///
/// A person's task of `w` working hours started at `t` ends at ``finish(start:work:)``, which
/// skips nights, weekends and holidays. ``always`` is the 24/7 calendar of automation.
///
/// Holidays cost O(log h) per call (a binary search over the h holiday days that fall on
/// working weekdays, at most ``Limits/maxHolidayDays``); without holidays the calls are the
/// plain calendar's, unchanged.
public struct WorkCalendar: Sendable, Equatable {
    /// Working weekdays, 0 = Monday … 6 = Sunday.
    public var workdays: Set<Int> { didSet { mask = WorkCalendar.mask(workdays); placeHolidays() } }
    /// Bit d set: weekday d is a working day (the hot path's form of `workdays`).
    private var mask: UInt8
    /// Start of the working day, hours after midnight.
    public var dayStart: Double { didSet { dayLength = dayEnd - dayStart } }
    /// End of the working day, hours after midnight (≤ 24).
    public var dayEnd: Double { didSet { dayLength = dayEnd - dayStart } }
    private var dayLength: Double
    /// The date of time 0; nil: an undated calendar whose time 0 is a Monday.
    public private(set) var start: CalendarDate?
    /// Days off as given (dates and ranges); placed on the calendar from ``start``.
    public private(set) var holidays: [Holiday]
    /// Weekday of time 0 (0 = Monday), from ``start``.
    private var offset: Double
    /// Days since time 0 of the holidays that fall on working weekdays, ascending, unique.
    private var holidayDays: [Double] = []

    /// A calendar; `holidays` need a `start` date to be placed (a precondition: the scenario
    /// reader asks for one).
    public init(workdays: Set<Int>, dayStart: Double, dayEnd: Double, start: CalendarDate? = nil, holidays: [Holiday] = []) {
        precondition(!workdays.isEmpty && workdays.allSatisfy { (0...6).contains($0) })
        precondition(0 <= dayStart && dayStart < dayEnd && dayEnd <= 24)
        precondition(holidays.isEmpty || start != nil, "holidays need a start date")
        self.workdays = workdays
        self.mask = WorkCalendar.mask(workdays)
        self.dayStart = dayStart
        self.dayEnd = dayEnd
        self.dayLength = dayEnd - dayStart
        self.start = start
        self.holidays = holidays
        self.offset = Double(start?.weekday ?? 0)
        placeHolidays()
    }

    /// The same calendar with time 0 at midnight of `date` (weekdays and holidays placed from it).
    public func starting(at date: CalendarDate) -> WorkCalendar {
        var copy = self
        copy.start = date
        copy.offset = Double(date.weekday)
        copy.placeHolidays()
        return copy
    }

    private mutating func placeHolidays() {
        guard let start else { holidayDays = []; return }
        var days = Set<Int>()
        for h in holidays where h.to.day >= start.day {
            for d in max(h.from.day, start.day)...h.to.day where mask & UInt8(1 << CalendarDate(day: d).weekday) != 0 {
                days.insert(d - start.day)
            }
        }
        holidayDays = days.sorted().map(Double.init)
    }

    private static func mask(_ days: Set<Int>) -> UInt8 { days.reduce(0) { $0 | UInt8(1 << $1) } }

    /// True if day `day` (days since time 0) falls on a working weekday.
    /// (Integer remainder where the day fits exactly, which is always within a run: the same
    /// weekday as `truncatingRemainder`, without glibc's `fmod`, which cost a tenth of a
    /// working-hours scenario's run.)
    @inline(__always) private func works(onDay day: Double) -> Bool {
        let d = day + offset
        let weekday = d >= 0 && d < 0x1p52 ? Int(d) % 7 : Int(d.truncatingRemainder(dividingBy: 7))
        return mask & UInt8(1 << weekday) != 0
    }

    /// Every day, all day.
    public static let always = WorkCalendar(workdays: Set(0...6), dayStart: 0, dayEnd: 24)

    /// True for the 24/7 calendar (no holidays).
    public var isAlways: Bool { isRoundTheClock && holidayDays.isEmpty }
    /// Every weekday, all day (holidays aside).
    private var isRoundTheClock: Bool { mask == 0x7F && dayStart == 0 && dayEnd == 24 }
    /// Holiday days on working weekdays from time 0 on.
    public var holidayCount: Int { holidayDays.count }

    /// Working hours in a week.
    public var hoursPerWeek: Double { Double(workdays.count) * (dayEnd - dayStart) }

    /// The share of clock time that is working time.
    public var workingShare: Double { hoursPerWeek / 168 }

    /// The clock time at which `work` working hours, started at `start`, are done.
    public func finish(start: Double, work: Double) -> Double {
        holidayDays.isEmpty ? plainFinish(start: start, work: work) : finishSkippingHolidays(start: start, work: work)
    }

    /// ``finish(start:work:)`` of the calendar without its holidays.
    private func plainFinish(start: Double, work: Double) -> Double {
        let isAlways = isRoundTheClock
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
        holidayDays.isEmpty ? plainWorkingHours(from: from, to: to) : plainWorkingHours(from: from, to: to) - holidayHours(from: from, to: to)
    }

    /// ``workingHours(from:to:)`` of the calendar without its holidays.
    private func plainWorkingHours(from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        if isRoundTheClock { return to - from }
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

extension WorkCalendar {
    /// Index of the first holiday day ≥ `day` (binary search).
    private func firstHoliday(atOrAfter day: Double) -> Int {
        var low = 0, high = holidayDays.count
        while low < high {
            let mid = (low + high) / 2
            if holidayDays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Working hours of the plain calendar that holidays take away in [from, to]: the holidays
    /// on the first and last day of the span in part, those between in full (O(log h)).
    private func holidayHours(from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        let low = firstHoliday(atOrAfter: (from / 24).rounded(.down))
        let high = firstHoliday(atOrAfter: (to / 24).rounded(.down) + 1)
        guard low < high else { return 0 }
        func overlap(_ day: Double) -> Double { max(0, min(to, day * 24 + dayEnd) - max(from, day * 24 + dayStart)) }
        if high - low == 1 { return overlap(holidayDays[low]) }
        return overlap(holidayDays[low]) + overlap(holidayDays[high - 1]) + Double(high - low - 2) * dayLength
    }

    /// ``finish(start:work:)`` with holidays. With W(t) the working hours in [0, t], the work ends
    /// at the first t where W(t) reaches T = W(start) + work. The m holidays wholly before that
    /// instant are those whose end e_k has W(e_k) < T — monotone in k, so a binary search finds
    /// m — and the plain calendar then finishes the work plus the holiday hours after `start`.
    private func finishSkippingHolidays(start: Double, work: Double) -> Double {
        guard work > 0 else { return start }
        guard start < 0x1p52 else { return .infinity }
        let before = holidayHours(from: 0, to: start)
        let target = plainWorkingHours(from: 0, to: start) - before + work
        var low = 0, high = holidayDays.count
        while low < high {
            let k = (low + high) / 2
            let end = (holidayDays[k] + 1) * 24
            if plainWorkingHours(from: 0, to: end) - Double(k + 1) * dayLength < target { low = k + 1 } else { high = k }
        }
        return plainFinish(start: start, work: work + Double(low) * dayLength - before)
    }
}
