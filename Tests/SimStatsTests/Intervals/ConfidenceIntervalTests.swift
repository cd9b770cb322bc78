import CGSL
import Testing
import SimRandom
import SimStats

@Suite struct ConfidenceIntervalTests {
    @Test func studentTIntervalOfAKnownSample() {
        // mean 3, s = √2.5, t(0.975, 4) = 2.776445: half-width 2.776445·√2.5/√5 = 1.963243.
        let ci = ConfidenceInterval([1, 2, 3, 4, 5])!
        #expect(ci.mean == 3)
        #expect(abs(ci.halfWidth - 1.963_243) < 1e-6)
        #expect(ci.count == 5 && ci.contains(1.1) && !ci.contains(5))
    }

    @Test func noIntervalFromFewerThanTwoValues() {
        #expect(ConfidenceInterval([]) == nil)
        #expect(ConfidenceInterval([4]) == nil)
        #expect(ConfidenceInterval([1, .nan]) == nil)
    }

    @Test func coverageIsNominal() {
        // 2 000 intervals from samples of 10 normal values: the count that covers the true mean
        // is Binomial(2 000, 0.95), standard deviation 9.7; allow 4 of them (±39).
        let s = RandomStream(seed: 9, replication: 0, purpose: "coverage")
        let normal = try! Distribution.normal(mean: 10, sd: 3, truncatedAtZero: false)
        var covered = 0
        for _ in 0..<2000 {
            let ci = ConfidenceInterval((0..<10).map { _ in normal.sample(s) })!
            if ci.contains(10) { covered += 1 }
        }
        #expect(abs(covered - 1900) <= 39)
    }

    @Test func pairingUnderCommonRandomNumbersNarrowsTheInterval() {
        // Two "scenarios" that share their noise: b = a + 0.5 + small independent noise.
        let shared = RandomStream(seed: 1, replication: 0, purpose: "shared")
        let own = RandomStream(seed: 1, replication: 0, purpose: "own")
        let a = (0..<30).map { _ in 10 + 3 * shared.uniform() }
        let b = a.map { $0 + 0.5 + 0.1 * own.uniform() }
        let paired = ConfidenceInterval.paired(a, b)!
        let unpairedHalfWidth = (ConfidenceInterval(a)!.halfWidth * ConfidenceInterval(a)!.halfWidth
            + ConfidenceInterval(b)!.halfWidth * ConfidenceInterval(b)!.halfWidth).squareRoot()
        #expect(paired.halfWidth < unpairedHalfWidth / 10)
        #expect(paired.contains(0.55))
    }

    @Test func batchMeansOfASeries() {
        let series = (0..<1000).map { Double($0 % 10) }
        let ci = ConfidenceInterval.batchMeans(series, batches: 20)!
        #expect(ci.mean == 4.5 && ci.halfWidth == 0)
        #expect(ConfidenceInterval.batchMeans([1, 2, 3], batches: 20) == nil)
    }

    @Test func sampleStatisticsThroughGSL() {
        #expect(SampleStatistics.quantile([5, 1, 3], 0.5) == 3)
        #expect(SampleStatistics.quantile([], 0.5) == nil)
        #expect(SampleStatistics.mean([1, 2, 3, 6]) == 3)
        #expect(abs(SampleStatistics.variance([1, 2, 3, 6])! - 14.0 / 3) < 1e-12)
        #expect(abs(SampleStatistics.correlation([1, 2, 3], [2, 4, 6])! - 1) < 1e-12)
    }

    @Test func tQuantilesFromTheTableAreGSLsBitForBit() {
        // The first interval of a (level, n) computes GSL's t quantile, later ones read it back:
        // both must give GSL's half-width exactly, for several levels and sample sizes.
        for level in [0.8, 0.9, 0.95, 0.99] {
            for n in [2, 3, 5, 30, 31, 1000] {
                let values = (0..<n).map { Double($0 % 7) * 1.5 + Double($0) / 10 }
                let se = values.withUnsafeBufferPointer { b in
                    gsl_stats_sd(b.baseAddress, 1, n) / Double(n).squareRoot()
                }
                let expected = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, Double(n - 1)) * se
                for _ in 0..<2 {
                    let ci = ConfidenceInterval(values, level: level)!
                    #expect(ci.halfWidth.bitPattern == expected.bitPattern, "level \(level), n \(n)")
                }
            }
        }
    }
}
