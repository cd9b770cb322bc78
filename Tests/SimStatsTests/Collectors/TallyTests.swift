import CGSL
import Testing
import SimRandom
import SimStats

@Suite struct TallyTests {
    @Test func meanIsRunningMomentsMeanBitForBit() {
        let values = [3.0, 1, 4, 1, 5, 9, 2, 6, 0.1, 1e6, 3.3]
        let tally = Tally(quantiles: [0.5])
        var moments = RunningMoments()
        for x in values { tally.add(x); moments.add(x) }
        #expect(tally.count == values.count)
        #expect(tally.mean!.bitPattern == moments.mean!.bitPattern)
        #expect(abs(tally.mean! - values.reduce(0, +) / Double(values.count)) < 1e-9)
    }

    @Test func emptyTallyHasNoStatisticsRatherThanNaN() {
        let tally = Tally(quantiles: [0.5])
        #expect(tally.mean == nil && tally.quantile(0.5) == nil)
        tally.add(2)
        #expect(tally.mean == 2 && tally.quantile(0.5) == 2)
    }

    @Test func resetDiscardsWarmUp() {
        let tally = Tally(quantiles: [0.5])
        for x in 0..<100 { tally.add(Double(x) + 1000) }
        tally.reset()
        [1.0, 2, 3].forEach(tally.add)
        #expect(tally.count == 3 && tally.mean == 2 && tally.quantile(0.5) == 2)
    }

    /// GSL's quantile of the sorted sample, the definition the tally must reproduce bit for bit.
    static func gslQuantile(_ xs: [Double], _ p: Double) -> Double {
        var sorted = xs
        return sorted.withUnsafeMutableBufferPointer { b in
            gsl_sort(b.baseAddress, 1, b.count)
            return gsl_stats_quantile_from_sorted_data(b.baseAddress, 1, b.count, p)
        }
    }

    @Test func quantilesAreGSLsExactSampleQuantilesBitForBit() {
        // Sizes around every growth of the kept sample, ties (rounded draws), probabilities
        // asked in any order and close together (the same or adjacent order statistics), and
        // queries between additions (the sample is reordered by a query, then added to).
        let s = RandomStream(seed: 7, replication: 0, purpose: "exact-quantiles")
        let probabilities = [0.95, 0.5, 0.85, 0.5000001, 0.01, 0.99]
        let lognormal = try! Distribution.lognormal(mu: 1, sigma: 1)
        for n in [1, 2, 3, 5, 6, 7, 10, 64, 1_023, 1_024, 1_025, 1_757, 4_097] {
            for rounded in [false, true] {
                let tally = Tally(quantiles: probabilities)
                var xs: [Double] = []
                for i in 0..<n {
                    let x = rounded ? (s.exponential(mean: 3)).rounded() : lognormal.sample(s)
                    xs.append(x)
                    tally.add(x)
                    if i == n / 2 {
                        for p in probabilities { #expect(tally.quantile(p)!.bitPattern == Self.gslQuantile(xs, p).bitPattern) }
                    }
                }
                #expect(tally.quantilesAreExact)
                for p in probabilities.reversed() {
                    #expect(tally.quantile(p)!.bitPattern == Self.gslQuantile(xs, p).bitPattern, "n=\(n) p=\(p) rounded=\(rounded)")
                }
            }
        }
    }

    @Test func pastTheLimitQuantilesAreP2OverEveryObservationInOrder() {
        // Past `exactLimit` the tally is GSL's P² over all observations in arrival order: the
        // same, bit for bit, as estimators fed one observation at a time.
        let n = Tally.exactLimit * 2 + 77
        let tally = Tally(quantiles: [0.5, 0.85])
        var direct = [P2Quantile(p: 0.5), P2Quantile(p: 0.85)]
        let s = RandomStream(seed: 3, replication: 0, purpose: "past-limit")
        for _ in 0..<n {
            let x = s.exponential(mean: 2)
            tally.add(x)
            direct[0].add(x)
            direct[1].add(x)
        }
        #expect(!tally.quantilesAreExact)
        #expect(tally.quantile(0.5)!.bitPattern == direct[0].value!.bitPattern)
        #expect(tally.quantile(0.85)!.bitPattern == direct[1].value!.bitPattern)
        // A reset (the warm-up's end) makes the quantiles exact again.
        tally.reset()
        [4.0, 1, 3, 2].forEach(tally.add)
        #expect(tally.quantilesAreExact && tally.quantile(0.5) == 2.5)
    }

    @Test func p2QuantilesTrackExactOnes() {
        // Past the limit the quantiles are P² estimates: on 300 000 exponential(1) draws their
        // error against the exact sample quantile is well under 1%; a wrong p (0.5 read for
        // 0.85, say) would be off by a factor of 2.7.
        let tally = Tally(quantiles: [0.5, 0.85, 0.95])
        let s = RandomStream(seed: 1, replication: 0, purpose: "p2")
        let xs = (0..<300_000).map { _ in s.exponential(mean: 1) }
        #expect(xs.count > Tally.exactLimit)
        xs.forEach(tally.add)
        #expect(!tally.quantilesAreExact)
        for p in [0.5, 0.85, 0.95] {
            let exact = SampleStatistics.quantile(xs, p)!
            #expect(abs(tally.quantile(p)! / exact - 1) < 0.01, "p=\(p)")
        }
    }
}
