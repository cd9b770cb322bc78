import SimRandom
import SimStats
import Testing

/// The intervals metrics are reported with (logit scale for shares, log scale for quantities
/// ≥ 0) cover the true mean at their nominal 95%, and stay in range.
///
/// Each case runs 2 000 synthetic experiments of n replications. If the true coverage is 95%,
/// the number of covering intervals is Binomial(2 000, 0.95): standard deviation
/// √(2 000 · 0.95 · 0.05) = 9.75 intervals (0.49 percentage points). The band 93–97%
/// (1 860–1 940 intervals) is ±40 intervals: ±4.1 standard errors of the coverage estimate, so a
/// correct method fails it with probability below 1e-4, while a method off by 2 points or
/// more fails it about half the time or more.
@Suite struct ConfidenceIntervalCoverageTests {
    static let experiments = 2000

    /// Coverage of the true mean by intervals of `n` draws from `distribution` on `scale`;
    /// every interval must stay in the scale's range.
    static func coverage(_ distribution: Distribution, mean: Double, n: Int, scale: IntervalScale, seed: UInt64) -> Int {
        let stream = RandomStream(seed: seed, replication: n, purpose: "coverage")
        var covered = 0
        for _ in 0..<experiments {
            let ci = ConfidenceInterval((0..<n).map { _ in distribution.sample(stream) }, scale: scale)!
            #expect(scale.range.contains(ci.low) && scale.range.contains(ci.high), "\(ci) leaves \(scale.range)")
            if ci.contains(mean) { covered += 1 }
        }
        return covered
    }

    /// A share near 0.9 (a change failure rate of a poor organization): Beta(18, 2), mean 0.9,
    /// sd 0.065, skewed towards 0.
    @Test(arguments: [5, 30])
    func shareNearNinetyPercent(n: Int) throws {
        let covered = Self.coverage(try .beta(a: 18, b: 2), mean: 0.9, n: n, scale: .logit, seed: 13)
        print("coverage, share near 0.9 (Beta(18, 2)), logit scale, n = \(n): \(covered) of \(Self.experiments)")
        #expect((1860...1940).contains(covered), "\(covered) of 2 000 intervals covered 0.9")
    }

    /// A skewed positive metric (a time to restore per replication, say): Gamma(shape 2),
    /// mean 2, coefficient of variation 0.71, skewness 1.41.
    @Test(arguments: [5, 30])
    func skewedPositive(n: Int) throws {
        let covered = Self.coverage(try .gamma(shape: 2, scale: 1), mean: 2, n: n, scale: .log, seed: 13)
        print("coverage, skewed positive (Gamma(2, 1)), log scale, n = \(n): \(covered) of \(Self.experiments)")
        #expect((1860...1940).contains(covered), "\(covered) of 2 000 intervals covered 2")
    }

    @Test func boundaryValuesAndRanges() {
        // A replication at 0 or 1 is used as it is; only a mean on the boundary is a point.
        let share = ConfidenceInterval([1, 1, 0.8, 1, 0.9], scale: .logit)!
        #expect(share.low > 0 && share.high < 1 && share.high > share.mean)
        #expect(ConfidenceInterval([1, 1, 1], scale: .logit).map { [$0.low, $0.high] } == [1, 1])
        #expect(ConfidenceInterval([0, 0, 0], scale: .log).map { [$0.low, $0.high] } == [0, 0])
        let counts = ConfidenceInterval([0, 0, 3, 0, 1], scale: .log)!
        #expect(counts.low > 0 && counts.high > counts.mean)
        // Values outside the scale's range: the natural scale (the data, not the method, are out of range).
        #expect(ConfidenceInterval([-1, 2, 3], scale: .log)!.scale == .natural)
    }
}
