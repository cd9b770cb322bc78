import Testing
import SimRandom
import SimStats

@Suite struct TallyTests {
    @Test func momentsMatchDirectComputation() {
        let values = [3.0, 1, 4, 1, 5, 9, 2, 6]
        let tally = Tally()
        values.forEach(tally.add)
        let mean = values.reduce(0, +) / 8
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 7
        #expect(tally.count == 8)
        #expect(abs(tally.mean! - mean) < 1e-12)
        #expect(abs(tally.variance! - variance) < 1e-12)
        #expect(tally.min == 1 && tally.max == 9)
    }

    @Test func emptyTallyHasNoStatisticsRatherThanNaN() {
        let tally = Tally(quantiles: [0.5])
        #expect(tally.mean == nil && tally.variance == nil && tally.min == nil && tally.quantile(0.5) == nil)
        tally.add(2)
        #expect(tally.mean == 2 && tally.variance == nil)
    }

    @Test func resetDiscardsWarmUp() {
        let tally = Tally(quantiles: [0.5])
        for x in 0..<100 { tally.add(Double(x) + 1000) }
        tally.reset()
        [1.0, 2, 3].forEach(tally.add)
        #expect(tally.count == 3 && tally.mean == 2 && tally.max == 3 && tally.quantile(0.5) == 2)
    }

    @Test func p2QuantilesTrackExactOnes() {
        // P² is an estimator, not an exact order statistic: on 100 000 exponential(1) draws its
        // error against the exact sample quantile is well under 1%; a wrong p (0.5 read for
        // 0.85, say) would be off by a factor of 2.7.
        let tally = Tally(quantiles: [0.5, 0.85, 0.95])
        let s = RandomStream(seed: 1, replication: 0, purpose: "p2")
        let xs = (0..<100_000).map { _ in s.exponential(mean: 1) }
        xs.forEach(tally.add)
        for p in [0.5, 0.85, 0.95] {
            let exact = SampleStatistics.quantile(xs, p)!
            #expect(abs(tally.quantile(p)! / exact - 1) < 0.01, "p=\(p)")
        }
    }
}
