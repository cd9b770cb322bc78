import Testing
import SimRandom

/// `Distribution.Draw`, the trivially copyable form the model's draw tables sample from.
@Suite struct DistributionDrawTests {
    static func all() throws -> [Distribution] {
        [try .constant(2), try .uniform(min: 1, max: 3), try .exponential(mean: 4),
         try .normal(mean: 5, sd: 2, truncatedAtZero: false), try .normal(mean: 1, sd: 2, truncatedAtZero: true),
         try .lognormal(mu: 0.5, sigma: 0.6), try .gamma(shape: 2, scale: 3), try .weibull(scale: 2, shape: 1.5),
         try .triangular(min: 1, mode: 2, max: 5), try .beta(a: 2, b: 3), try .pareto(shape: 3, scale: 1),
         try .bernoulli(p: 0.3), try .poisson(mean: 4)]
    }

    /// Same seed, same stream position: the draw form gives the distribution's values bit for
    /// bit (a swapped parameter or a wrong family would differ on the first draw).
    @Test func drawsWhatTheDistributionDraws() throws {
        for d in try Self.all() {
            #expect(!d.draw.needsValues, "\(d.family)")
            let a = RandomStream(seed: 21, replication: 0, purpose: d.family)
            let b = RandomStream(seed: 21, replication: 0, purpose: d.family)
            let viaDistribution = (0..<1000).map { _ in d.sample(a) }
            let viaDraw = (0..<1000).map { _ in d.draw.sample(b) }
            #expect(viaDistribution == viaDraw, "\(d.family)")
        }
    }

    @Test func empiricalNeedsItsValues() throws {
        let d = try Distribution.empirical([1, 4, 9])
        #expect(d.draw.needsValues)
        let s = RandomStream(seed: 22, replication: 0, purpose: "empirical")
        #expect((0..<1000).allSatisfy { _ in [1.0, 4, 9].contains(d.sample(s)) })
    }

    /// Different parameters give different draw forms, equal ones equal forms.
    @Test func followsEquality() throws {
        #expect(try Distribution.gamma(shape: 2, scale: 3).draw == Distribution.gamma(shape: 2, scale: 3).draw)
        #expect(try Distribution.gamma(shape: 2, scale: 3).draw != Distribution.gamma(shape: 3, scale: 2).draw)
        #expect(try Distribution.normal(mean: 1, sd: 2, truncatedAtZero: true).draw
                != Distribution.normal(mean: 1, sd: 2, truncatedAtZero: false).draw)
    }
}
