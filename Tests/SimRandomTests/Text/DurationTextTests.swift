import Testing
import SimRandom

@Suite struct DurationTextTests {
    @Test func unitsConvertToHours() throws {
        #expect(try DurationText.hours("30s") == 30.0 / 3600)
        #expect(try DurationText.hours("15m") == 0.25)
        #expect(try DurationText.hours("4h") == 4)
        #expect(try DurationText.hours("2d") == 48)
        #expect(try DurationText.hours("1w") == 168)
        #expect(try DurationText.hours(" 1.5h ") == 1.5)
        #expect(try DurationText.hours("3") == 3)
    }

    @Test func badTextIsExplained() {
        #expect(throws: DurationError.self) { try DurationText.hours("") }
        #expect(throws: DurationError.self) { try DurationText.hours("-2d") }
        #expect(throws: DurationError.self) { try DurationText.hours("2y") }
        #expect(throws: DurationError.self) { try DurationText.hours("abc") }
        #expect(throws: DurationError.self) { try DurationText.hours("nanh") }
    }

    @Test func formatPicksTheLargestWholeUnit() {
        #expect(DurationText.format(48) == "2d")
        #expect(DurationText.format(4) == "4h")
        #expect(DurationText.format(0.25) == "15m")
        #expect(DurationText.format(336) == "2w")
    }

    @Test func suggestionsFindTypos() {
        #expect(Suggestion.closest(to: "wip_limt", among: ["wip_limit", "work", "team"]) == "wip_limit")
        #expect(Suggestion.closest(to: "zzzzzz", among: ["wip_limit", "work"]) == nil)
        #expect(Suggestion.distance("ab", "ba") == 1)
    }
}
