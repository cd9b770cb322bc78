import DeliveryModel
import ScenarioFile
import Testing

/// Reading `calendar.start`, `calendar.holidays`, `demand.split` and `demand.added_scope`, and
/// their errors (file, key path, what is wrong).
@Suite struct DatesAndScopeGrowthTests {
    @Test func datesAndGrowthAreRead() throws {
        let yaml = smallScenario + """

        calendar: {workdays: Mon-Fri, start: 2027-01-06, holidays: [2027-01-07, {from: 2027-12-24, to: 2028-01-02}]}
        """
        let s = try ScenarioLoader.load(yaml: yaml, overrides: ["demand.split={probability: 0.25, into: 3}", "demand.added_scope=3d",
                                                                "demand.backlog=10"]).scenario
        #expect(s.calendar.start == CalendarDate("2027-01-06"))
        #expect(s.calendar.holidays == [Holiday(CalendarDate("2027-01-07")!), Holiday(from: CalendarDate("2027-12-24")!, to: CalendarDate("2028-01-02")!)])
        // 2027-01-07 and the working days of the range: Fri 24, Mon 27 … Fri 31 Dec: 1 + 6.
        #expect(s.calendar.holidayCount == 7)
        #expect(s.demand.split?.pieces == 3...3)
        #expect(s.demand.addedScope?.mean == 72)
        let defaults = try ScenarioLoader.load(yaml: smallScenario, overrides: ["demand.split={probability: 0.1}"]).scenario
        #expect(defaults.demand.split?.pieces == 2...3 && defaults.calendar.start == nil && defaults.demand.addedScope == nil)
    }

    @Test func badDatesAndGrowthAreRefusedWithTheirKey() {
        let noStart = loadErrors(smallScenario + "\ncalendar: {holidays: [2027-01-07]}")
        #expect(noStart.map(\.keyPath) == ["calendar.holidays"])
        #expect(noStart.first?.message.hasPrefix("needs `calendar.start`") == true)

        let badDate = loadErrors(smallScenario + "\ncalendar: {start: 2027-02-30}")
        #expect(badDate.map(\.keyPath) == ["calendar.start"])
        #expect(badDate.first?.message.hasPrefix("must be a date like 2027-01-04") == true)

        let badRange = loadErrors(smallScenario + "\ncalendar: {start: 2027-01-04, holidays: [{from: 2027-02-10, to: 2027-02-01}]}")
        #expect(badRange.map(\.keyPath) == ["calendar.holidays[0]"])

        let tooMany = loadErrors(smallScenario + "\ncalendar: {start: 2027-01-04, holidays: [{from: 1900-01-01, to: 2999-12-31}]}")
        #expect(tooMany.first?.message.contains("more than 40000 days") == true)

        let pieces = loadErrors(smallScenario, overrides: ["demand.split={probability: 0.2, into: 1-3}"])
        #expect(pieces.map(\.keyPath) == ["demand.split.into"])

        let probability = loadErrors(smallScenario, overrides: ["demand.split={into: 2}"])
        #expect(probability.first?.keyPath.hasPrefix("demand.split") == true)

        let added = loadErrors(smallScenario, overrides: ["demand.added_scope=0h"])
        #expect(added.map(\.keyPath) == ["demand.added_scope"])
    }
}
