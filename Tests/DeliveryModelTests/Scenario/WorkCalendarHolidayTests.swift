import Testing
import DeliveryModel
import SimRandom

/// Start dates and holidays on the working calendar, against a day-by-day reference.
@Suite struct WorkCalendarHolidayTests {
    /// 2027-01-04 is a Monday, 2026-12-30 a Wednesday.
    let monday = CalendarDate("2027-01-04")!
    let wednesday = CalendarDate("2026-12-30")!

    @Test func datesRoundTripAndKnowTheirWeekday() {
        #expect(CalendarDate("1970-01-01")?.day == 0)
        #expect(monday.weekday == 0 && monday.description == "2027-01-04")
        #expect(wednesday.weekday == 2)
        #expect(CalendarDate("2028-02-29") != nil && CalendarDate("2027-02-29") == nil && CalendarDate("2027-13-01") == nil)
        #expect(CalendarDate("2027-1-4") == nil && CalendarDate("20270104") == nil)
        for day in stride(from: -30000, through: 400000, by: 997) {
            let d = CalendarDate(day: day)
            if CalendarDate.years.contains(d.civil.year) { #expect(CalendarDate(d.description) == d) }
        }
        // Work done at 17:00 of day 0 is done that day; at 24:00 too; a moment later the next day.
        #expect(monday.date(endingAt: 17) == monday)
        #expect(monday.date(endingAt: 24) == monday)
        #expect(monday.date(endingAt: 24.5) == monday.adding(days: 1))
    }

    @Test func aStartDateMovesTheWeekdays() {
        // From a Wednesday, days 3 and 4 (Saturday and Sunday) are off.
        let office = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17, start: wednesday)
        #expect(office.workingHours(from: 0, to: 7 * 24) == 40)
        #expect(office.workingHours(from: 3 * 24, to: 5 * 24) == 0)
        // Friday 16:00 (day 2) + 2 h → Monday 10:00 (day 5).
        #expect(office.finish(start: 2 * 24 + 16, work: 2) == 5 * 24 + 10)
    }

    @Test func aHolidayMovesWorkByADay() {
        let plain = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17, start: monday)
        // Tuesday 2027-01-05 off.
        let holiday = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17, start: monday,
                                   holidays: [Holiday(CalendarDate("2027-01-05")!)])
        #expect(plain.finish(start: 9, work: 12) == 24 + 13)
        #expect(holiday.finish(start: 9, work: 12) == 2 * 24 + 13)
        #expect(holiday.workingHours(from: 0, to: 168) == 32)
        // A holiday on a Saturday changes nothing.
        let saturday = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17, start: monday, holidays: [Holiday(CalendarDate("2027-01-09")!)])
        #expect(saturday.holidayCount == 0 && saturday.finish(start: 9, work: 100) == plain.finish(start: 9, work: 100))
        // A range before the start counts only from the start; the same calendar restarted later places them again.
        let range = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17, start: monday,
                                 holidays: [Holiday(from: CalendarDate("2026-12-24")!, to: CalendarDate("2027-01-06")!)])
        #expect(range.holidayCount == 3)
        #expect(range.starting(at: CalendarDate("2026-12-21")!).holidayCount == 10)
        #expect(range.finish(start: 0, work: 1) == 3 * 24 + 10)
    }

    /// The reference: walk the calendar an hour-slice at a time (day windows minus holidays).
    func referenceHours(_ workdays: Set<Int>, _ open: Double, _ close: Double, startWeekday: Int, holidays: Set<Int>, from: Double, to: Double) -> Double {
        var total = 0.0
        var day = Int((from / 24).rounded(.down))
        while Double(day) * 24 < to {
            if workdays.contains((day + startWeekday) % 7) && !holidays.contains(day) {
                let a = max(from, Double(day) * 24 + open), b = min(to, Double(day) * 24 + close)
                if b > a { total += b - a }
            }
            day += 1
        }
        return total
    }

    @Test func holidaysAgreeWithADayByDayReference() throws {
        let stream = RandomStream(seed: 7, replication: 0, purpose: "calendar-test")
        let start = CalendarDate("2027-01-06")!  // a Wednesday
        var holidays: [Holiday] = []
        for _ in 0..<60 {
            let d = start.adding(days: Int(stream.uniform() * 400) - 10)
            holidays.append(Holiday(from: d, to: d.adding(days: Int(stream.uniform() * 3))))
        }
        for (workdays, open, close) in [(Set(0...4), 9.0, 17.0), (Set([0, 2, 5]), 22.0, 24.0), (Set(0...6), 0.0, 24.0)] {
            let calendar = WorkCalendar(workdays: workdays, dayStart: open, dayEnd: close, start: start, holidays: holidays)
            var off = Set<Int>()
            for h in holidays { for d in h.from.day...h.to.day where d >= start.day { off.insert(d - start.day) } }
            for _ in 0..<400 {
                let from = stream.uniform() * 24 * 380, work = stream.uniform() * 200
                let to = from + stream.uniform() * 24 * 60
                let expected = referenceHours(workdays, open, close, startWeekday: 2, holidays: off, from: from, to: to)
                #expect(abs(calendar.workingHours(from: from, to: to) - expected) < 1e-6)
                // The finish lies in working time, `work` working hours after the start, and at the earliest such instant.
                let end = calendar.finish(start: from, work: work)
                #expect(abs(referenceHours(workdays, open, close, startWeekday: 2, holidays: off, from: from, to: end) - work) < 1e-6)
                if work > 0.01 {
                    #expect(referenceHours(workdays, open, close, startWeekday: 2, holidays: off, from: from, to: end - 0.01) < work)
                }
            }
        }
    }

    @Test func withoutHolidaysTheCalendarIsUnchanged() {
        let undated = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17)
        let dated = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17, start: monday)
        for start in stride(from: 0.0, to: 2000, by: 13.7) {
            #expect(undated.finish(start: start, work: 37.3) == dated.finish(start: start, work: 37.3))
            #expect(undated.workingHours(from: start, to: start * 2 + 5) == dated.workingHours(from: start, to: start * 2 + 5))
        }
        #expect(WorkCalendar.always.starting(at: monday).isAlways)
    }
}
