import Testing
import SimStats

@Suite struct TimeAverageTests {
    @Test func averagesPiecewiseConstantLevels() {
        var wip = TimeAverage(level: 0, at: 0)
        wip.record(2, at: 1)   // 0 on [0,1)
        wip.record(5, at: 3)   // 2 on [1,3)
        wip.add(-5, at: 4)     // 5 on [3,4), then 0
        // ∫ = 0 + 4 + 5 + 0·(10 − 4) = 9 over 10
        #expect(wip.mean(at: 10) == 0.9)
        #expect(wip.integral(at: 10) == 9)
    }

    @Test func resetStartsANewWindowKeepingTheLevel() {
        var wip = TimeAverage(level: 10, at: 0)
        wip.record(4, at: 50)
        wip.reset(at: 60)
        #expect(wip.level == 4)
        #expect(wip.mean(at: 60) == nil)
        wip.record(0, at: 70)
        #expect(wip.mean(at: 80) == 2)
    }
}
