import CGSL
import Foundation
import Testing
import SimRandom
import SimStats

@Suite struct RunningMomentsTests {
    /// The mean and variance are GSL's, bit for bit: the delivery model's printed results
    /// (byte-identical across this change, Golden/digests.txt) depend on it.
    @Test func equalsGSLRunningStatisticsBitForBit() {
        let s = RandomStream(seed: 7, replication: 0, purpose: "moments")
        for (law, n) in [("lognormal", 10_000), ("exponential", 3), ("mixed", 5_000)] {
            guard let w = gsl_rstat_alloc() else { Issue.record("gsl_rstat_alloc"); return }
            defer { gsl_rstat_free(w) }
            var m = RunningMoments()
            var mean = RunningMean()
            for k in 0..<n {
                let x: Double
                switch law {
                case "lognormal": x = exp(2 + 1.5 * s.exponential(mean: 1)) - 3
                case "exponential": x = s.exponential(mean: 4)
                default: x = k % 3 == 0 ? 1e6 * s.uniform() : s.uniform() - 0.5
                }
                gsl_rstat_add(x, w)
                m.add(x)
                mean.add(x)
                #expect(m.mean!.bitPattern == gsl_rstat_mean(w).bitPattern, "\(law) mean after \(k + 1)")
                #expect(mean.mean!.bitPattern == gsl_rstat_mean(w).bitPattern, "\(law) RunningMean after \(k + 1)")
            }
            #expect(m.count == gsl_rstat_n(w) && mean.count == m.count)
            #expect(m.variance!.bitPattern == gsl_rstat_variance(w).bitPattern, "\(law) variance")
            #expect(m.standardDeviation!.bitPattern == gsl_rstat_sd(w).bitPattern, "\(law) sd")
            #expect(m.min == gsl_rstat_min(w) && m.max == gsl_rstat_max(w), "\(law) min/max")
        }
    }

    @Test func emptyAndResetHaveNoStatistics() {
        var m = RunningMoments()
        #expect(m.mean == nil && m.variance == nil && m.min == nil && m.max == nil)
        m.add(5)
        #expect(m.mean == 5 && m.variance == nil && m.min == 5 && m.max == 5)
        m.add(7)
        #expect(m.variance == 2)
        m.reset()
        #expect(m.count == 0 && m.mean == nil)
    }
}
