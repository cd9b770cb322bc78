import Testing
import DeliveryModel

@Suite struct WorkCalendarTests {
    let office = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17)

    @Test func workSkipsNightsAndWeekends() {
        // Monday 10:00 + 4 h → Monday 14:00.
        #expect(office.finish(start: 10, work: 4) == 14)
        // Monday 15:00 + 4 h → 2 h Monday, 2 h Tuesday from 09:00 → Tuesday 11:00 (35 h).
        #expect(office.finish(start: 15, work: 4) == 24 + 11)
        // Friday 16:00 + 2 h → Monday 10:00 of the next week.
        #expect(office.finish(start: 4 * 24 + 16, work: 2) == 168 + 10)
        // Saturday noon + 1 h → Monday 10:00.
        #expect(office.finish(start: 5 * 24 + 12, work: 1) == 168 + 10)
        // A 40-hour week of work from Monday 09:00 ends Friday 17:00.
        #expect(office.finish(start: 9, work: 40) == 4 * 24 + 17)
        // 100 hours from Monday 09:00: two full weeks (80 h) then 20 h → Wednesday 13:00 of week 3.
        #expect(office.finish(start: 9, work: 100) == 2 * 168 + 2 * 24 + 13)
    }

    @Test func workingHoursCountTheWindows() {
        #expect(office.workingHours(from: 0, to: 168) == 40)
        #expect(office.workingHours(from: 12, to: 24 + 10) == 6)
        #expect(WorkCalendar.always.workingHours(from: 3, to: 10) == 7)
        #expect(WorkCalendar.always.finish(start: 3, work: 2) == 5)
    }
}
