import Analysis
import Testing

/// Numbers in the unit a person would say: the unit switches at its documented thresholds,
/// two significant digits, whole numbers from 10 up, days of 24 clock hours.
@Suite struct HumanUnitsTests {
    @Test func durationsPickTheUnitAPersonWouldSay() {
        #expect(HumanUnits.duration(hours: 0.75) == "45 minutes")
        #expect(HumanUnits.duration(hours: 1.0 / 60) == "1 minute")
        #expect(HumanUnits.duration(hours: 3.26) == "3.3 hours")
        #expect(HumanUnits.duration(hours: 1) == "1 hour")
        #expect(HumanUnits.duration(hours: 47.9) == "48 hours")
        #expect(HumanUnits.duration(hours: 48) == "2 days")             // a day is 24 clock hours, not a working day
        #expect(HumanUnits.duration(hours: 609.1) == "25 days")
        #expect(HumanUnits.duration(hours: 8 * 168 - 1) == "56 days")
        #expect(HumanUnits.duration(hours: 8 * 168) == "8 weeks")
        #expect(HumanUnits.duration(hours: 2000) == "12 weeks")
        #expect(HumanUnits.duration(hours: 609.1, form: .short) == "25 d")
        #expect(HumanUnits.duration(hours: 0) == "0 minutes")
    }

    @Test func intervalsAreInTheMeansUnit() {
        #expect(HumanUnits.duration(hours: 609.1, low: 552, high: 648) == "25 d (23–27)")
        #expect(HumanUnits.duration(hours: 30, low: 20, high: 50) == "30 h (20–50)")   // the high end past 48 h stays in hours
        #expect(HumanUnits.duration(hours: 609.1, low: nil, high: nil) == "25 d")
        #expect(HumanUnits.frequency(perDay: 3.2, low: 2.9, high: 3.55) == "3.2/d (2.9–3.6)")
        #expect(HumanUnits.frequency(perDay: 0.0387, low: 0.0333, high: 0.0435) == "every 26 d (23–30)")
        #expect(HumanUnits.share(0.1234, low: 0.091, high: 0.15) == "12% (9.1–15)")
        // A narrow interval gets the digits it needs for its ends to differ.
        #expect(HumanUnits.duration(hours: 16.1, low: 15.8, high: 16.4) == "16 h (15.8–16.4)")
        #expect(HumanUnits.metric("throughput_per_week", mean: 14.01, low: 13.97, high: 14.05) == "14/wk (14.0–14.1)")
        #expect(HumanUnits.interval(1.398, 1.436) == "(1.40–1.44)")
        #expect(HumanUnits.interval(5, 5) == "(5–5)")
    }

    @Test func frequenciesAsAPersonSaysThem() {
        #expect(HumanUnits.frequency(perDay: 0.0387) == "every 26 days")
        #expect(HumanUnits.frequency(perDay: 3.2) == "3.2 a day")
        #expect(HumanUnits.frequency(perDay: 24) == "24 a day")
        #expect(HumanUnits.frequency(perDay: 1) == "1 a day")
        #expect(HumanUnits.frequency(perDay: 0.5) == "3.5 a week")
        #expect(HumanUnits.frequency(perDay: 1.0 / 7) == "1 a week")
        #expect(HumanUnits.frequency(perDay: 1.0 / 70) == "every 10 weeks")
        #expect(HumanUnits.frequency(perDay: 0) == "none")
    }

    @Test func metricsAreSaidByTheirDefinition() {
        #expect(HumanUnits.metric("lead_time_for_changes_hours", mean: 609.1, low: 552, high: 648) == "25 d (23–27)")
        #expect(HumanUnits.metric("lead_time_hours.p85", mean: 3.26) == "3.3 h")
        #expect(HumanUnits.metric("deployment_frequency_per_day", mean: 0.0387) == "every 26 d")
        #expect(HumanUnits.metric("throughput_per_week", mean: 21) == "21/wk")          // counted per week, said per week
        #expect(HumanUnits.metric("throughput_per_week", mean: 700) == "100/d")
        #expect(HumanUnits.metric("incidents", mean: 0.5) == "every 14 d")
        #expect(HumanUnits.metric("throughput_per_week", mean: 3) == "3/wk")
        #expect(HumanUnits.metric("change_failure_rate", mean: 0.05) == "5%")
        #expect(HumanUnits.metric("wip", mean: 12.34) == "12 items")
        #expect(HumanUnits.metric("no_such_metric", mean: nil) == "—")
    }

    @Test func roundingKeepsTwoSignificantDigits() {
        #expect(HumanUnits.rounded(0.043) == "0.043")
        #expect(HumanUnits.rounded(0.996) == "1")
        #expect(HumanUnits.rounded(2.0) == "2")
        #expect(HumanUnits.rounded(9.94) == "9.9")
        #expect(HumanUnits.rounded(9.96) == "10")
        #expect(HumanUnits.rounded(12345) == "12,345")
        #expect(HumanUnits.rounded(-123) == "-123")
        #expect(HumanUnits.rounded(-0.04) == "-0.04")
    }
}
