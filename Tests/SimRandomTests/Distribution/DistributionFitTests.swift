import Testing
import SimRandom

/// Maximum-likelihood fits recover the parameters of the law that drew the data.
///
/// With n = 20 000 draws the estimators' standard errors are about σ/√n relative (under 1%
/// for these parameters); the checks allow 4% on shape parameters and 3% on means, several
/// standard errors, while a fit of the wrong quantity (moments of ln x for gamma, say) misses
/// by far more.
@Suite struct DistributionFitTests {
    func draws(_ d: Distribution, _ n: Int = 20_000) -> [Double] {
        let s = RandomStream(seed: 8, replication: 0, purpose: "fit.\(d.family)")
        return (0..<n).map { _ in d.sample(s) }
    }

    @Test func lognormalRecoversMuAndSigma() throws {
        let truth = try Distribution.lognormal(mu: 2, sigma: 0.7)
        let fit = try Distribution.fit(.lognormal, to: draws(truth))
        #expect(abs(fit.mean / truth.mean - 1) < 0.03)
        #expect(abs(fit.standardDeviation / truth.standardDeviation - 1) < 0.04)
    }

    @Test func gammaRecoversShapeAndScale() throws {
        let truth = try Distribution.gamma(shape: 2.5, scale: 3)
        let fit = try Distribution.fit(.gamma, to: draws(truth))
        #expect(abs(fit.mean / truth.mean - 1) < 0.03)
        // Shape = mean² / variance.
        let shape = fit.mean * fit.mean / fit.variance
        #expect(abs(shape / 2.5 - 1) < 0.04, "fitted shape \(shape)")
    }

    @Test func weibullRecoversShapeAndScale() throws {
        let truth = try Distribution.weibull(scale: 10, shape: 1.7)
        let fit = try Distribution.fit(.weibull, to: draws(truth))
        #expect(abs(fit.mean / truth.mean - 1) < 0.03)
        #expect(fit.parameterText.hasPrefix("weibull: {scale: "))
        #expect(abs(fit.standardDeviation / truth.standardDeviation - 1) < 0.04)
    }

    @Test func badDataIsRefused() {
        #expect(throws: DistributionError.self) { try Distribution.fit(.gamma, to: [1]) }
        #expect(throws: DistributionError.self) { try Distribution.fit(.lognormal, to: [1, -2, 3]) }
        #expect(throws: DistributionError.self) { try Distribution.fit(.weibull, to: [4, 4, 4]) }
    }
}
