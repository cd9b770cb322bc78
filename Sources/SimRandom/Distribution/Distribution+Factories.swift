import CGSL
import Foundation

extension Distribution {
    /// Always `value`.
    public static func constant(_ value: Double) throws -> Distribution {
        try check(value, "constant", "value", finite: true)
        return Distribution(kind: .constant(value))
    }

    /// Uniform on [`min`, `max`].
    public static func uniform(min: Double, max: Double) throws -> Distribution {
        try check(min, "uniform", "min", finite: true)
        try check(max, "uniform", "max", finite: true)
        guard min <= max else { throw DistributionError(family: "uniform", parameter: "max", message: "must be ≥ min (got min \(min), max \(max))") }
        return Distribution(kind: .uniform(min: min, max: max))
    }

    /// Exponential with the given mean.
    public static func exponential(mean: Double) throws -> Distribution {
        try positive(mean, "exponential", "mean")
        return Distribution(kind: .exponential(mean: mean))
    }

    /// Normal; where it models a duration, truncated at zero (draws below zero are excluded,
    /// not clamped, so the reported mean and variance are those of the truncated law).
    public static func normal(mean: Double, sd: Double, truncatedAtZero: Bool) throws -> Distribution {
        try check(mean, "normal", "mean", finite: true)
        try check(sd, "normal", "sd", finite: true)
        guard sd >= 0 else { throw DistributionError(family: "normal", parameter: "sd", message: "must be ≥ 0 (got \(sd))") }
        if truncatedAtZero {
            if sd == 0 && mean < 0 {
                throw DistributionError(family: "normal", parameter: "mean", message: "a duration cannot be always negative (mean \(mean), sd 0)")
            }
            if sd > 0 && mean / sd < -30 {
                throw DistributionError(family: "normal", parameter: "mean", message: "is more than 30 sd below zero; truncated at zero nothing is left of it")
            }
        }
        return Distribution(kind: .normal(mean: mean, sd: sd, truncatedAtZero: truncatedAtZero))
    }

    /// Lognormal with parameters of the underlying normal, `mu` and `sigma`.
    public static func lognormal(mu: Double, sigma: Double) throws -> Distribution {
        try check(mu, "lognormal", "mu", finite: true)
        try check(sigma, "lognormal", "sigma", finite: true)
        guard sigma >= 0 else { throw DistributionError(family: "lognormal", parameter: "sigma", message: "must be ≥ 0 (got \(sigma))") }
        guard abs(mu) < 300, sigma < 20 else { throw DistributionError(family: "lognormal", message: "mu \(mu), sigma \(sigma) overflow a double") }
        return Distribution(kind: .lognormal(mu: mu, sigma: sigma))
    }

    /// Lognormal given its median and 90th percentile, the way people estimate durations
    /// ("usually two days, one in ten takes more than six").
    public static func lognormal(median: Double, p90: Double) throws -> Distribution {
        try positive(median, "lognormal", "median")
        try positive(p90, "lognormal", "p90")
        guard p90 > median else { throw DistributionError(family: "lognormal", parameter: "p90", message: "must exceed the median (got median \(median), p90 \(p90))") }
        GSLRuntime.configure()
        let z90 = gsl_cdf_ugaussian_Pinv(0.9)
        return try lognormal(mu: log(median), sigma: log(p90 / median) / z90)
    }

    /// Lognormal given its mean and standard deviation.
    public static func lognormal(mean: Double, sd: Double) throws -> Distribution {
        try positive(mean, "lognormal", "mean")
        try check(sd, "lognormal", "sd", finite: true)
        guard sd >= 0 else { throw DistributionError(family: "lognormal", parameter: "sd", message: "must be ≥ 0 (got \(sd))") }
        let sigma2 = log1p((sd / mean) * (sd / mean))
        return try lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
    }

    /// Gamma with `shape` and `scale` (GSL's order: shape, then scale).
    public static func gamma(shape: Double, scale: Double) throws -> Distribution {
        try positive(shape, "gamma", "shape")
        guard shape >= minimumGammaShape else {
            throw DistributionError(family: "gamma", parameter: "shape", message: "must be ≥ \(minimumGammaShape); smaller shapes draw zero (or nearly) almost every time (got \(shape))")
        }
        try positive(scale, "gamma", "scale")
        return Distribution(kind: .gamma(shape: shape, scale: scale))
    }

    /// The smallest gamma shape accepted (README "Limits"): below it nearly every draw is zero,
    /// and a stream of arrivals would bring every item at once.
    public static let minimumGammaShape = 0.01

    /// Gamma with `shape` and the given mean (scale = mean / shape).
    public static func gamma(shape: Double, mean: Double) throws -> Distribution {
        try positive(shape, "gamma", "shape")
        guard shape >= minimumGammaShape else { return try gamma(shape: shape, scale: 1) }
        try positive(mean, "gamma", "mean")
        return try gamma(shape: shape, scale: mean / shape)
    }

    /// Weibull with `scale` λ and `shape` k (GSL's order: scale, then shape).
    public static func weibull(scale: Double, shape: Double) throws -> Distribution {
        try positive(scale, "weibull", "scale")
        try positive(shape, "weibull", "shape")
        guard shape >= 0.02 else { throw DistributionError(family: "weibull", parameter: "shape", message: "must be ≥ 0.02; smaller shapes overflow the moments (got \(shape))") }
        return Distribution(kind: .weibull(scale: scale, shape: shape))
    }

    /// Triangular on [`min`, `max`] with the given mode, drawn by inverse CDF.
    public static func triangular(min: Double, mode: Double, max: Double) throws -> Distribution {
        try check(min, "triangular", "min", finite: true)
        try check(mode, "triangular", "mode", finite: true)
        try check(max, "triangular", "max", finite: true)
        guard min <= mode, mode <= max, min < max else {
            throw DistributionError(family: "triangular", message: "needs min ≤ mode ≤ max and min < max (got \(min), \(mode), \(max))")
        }
        return Distribution(kind: .triangular(min: min, mode: mode, max: max))
    }

    /// Beta with shape parameters `a` and `b`, on [0, 1].
    public static func beta(a: Double, b: Double) throws -> Distribution {
        try positive(a, "beta", "a")
        try positive(b, "beta", "b")
        return Distribution(kind: .beta(a: a, b: b))
    }

    /// Pareto with `shape` α and `scale` xₘ (the minimum). The mean is infinite for α ≤ 1 and
    /// the variance for α ≤ 2; both are reported as `.infinity`, never NaN.
    public static func pareto(shape: Double, scale: Double) throws -> Distribution {
        try positive(shape, "pareto", "shape")
        try positive(scale, "pareto", "scale")
        return Distribution(kind: .pareto(shape: shape, scale: scale))
    }

    /// 1 with probability `p`, else 0.
    public static func bernoulli(p: Double) throws -> Distribution {
        try probability(p, "bernoulli", "p")
        return Distribution(kind: .bernoulli(p: p))
    }

    /// Poisson with the given mean.
    public static func poisson(mean: Double) throws -> Distribution {
        try check(mean, "poisson", "mean", finite: true)
        guard mean >= 0, mean < 1e9 else { throw DistributionError(family: "poisson", parameter: "mean", message: "must be in [0, 1e9) (got \(mean))") }
        return Distribution(kind: .poisson(mean: mean))
    }

    /// Resamples the observed `values` with equal weight (e.g. historical cycle times).
    public static func empirical(_ values: [Double]) throws -> Distribution {
        guard !values.isEmpty else { throw DistributionError(family: "empirical", parameter: "values", message: "needs at least one observed value") }
        guard values.count <= Int(UInt32.max) else { throw DistributionError(family: "empirical", parameter: "values", message: "has too many values") }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw DistributionError(family: "empirical", parameter: "values", message: "value #\(bad + 1) is not a finite number")
        }
        return Distribution(kind: .empirical(values))
    }

    // MARK: Validation

    static func check(_ value: Double, _ family: String, _ parameter: String, finite: Bool) throws {
        if finite && !value.isFinite {
            throw DistributionError(family: family, parameter: parameter, message: "must be a finite number (got \(value))")
        }
    }

    static func positive(_ value: Double, _ family: String, _ parameter: String) throws {
        try check(value, family, parameter, finite: true)
        guard value > 0 else { throw DistributionError(family: family, parameter: parameter, message: "must be > 0 (got \(value))") }
    }

    static func probability(_ value: Double, _ family: String, _ parameter: String) throws {
        try check(value, family, parameter, finite: true)
        guard (0...1).contains(value) else { throw DistributionError(family: family, parameter: parameter, message: "must be a probability in [0, 1] (got \(value))") }
    }

    /// Why draws of this distribution, as times between events, would bring (nearly) every
    /// event at once, or nil: more than 99.9% of 10 000 draws from a fixed stream fall below a
    /// millionth of the mean (a gamma shape of 1e-300, a lognormal of astronomical spread, an
    /// empirical sample of zeros and one huge value). Deterministic and cheap: it stops at the
    /// tenth draw that is not tiny (then at most 99.9% can be), after about ten for a sane law.
    public func almostSurelyZeroGaps() -> String? {
        let mean = self.mean
        guard mean.isFinite, mean > 0 else { return nil }
        let stream = RandomStream(seed: 1, replication: 0, purpose: "almost-surely-zero check")
        let draws = 10_000
        let allowed = draws / 1000  // draws that are not tiny: this many, and the answer is nil
        var tiny = 0
        for n in 0..<draws {
            if sample(stream) < mean * 1e-6 { tiny += 1 } else if n + 1 - tiny >= allowed { return nil }
        }
        guard tiny * 1000 > draws * 999 else { return nil }
        return "\(tiny) of \(draws) draws are below a millionth of the mean: almost every time between arrivals is zero, so every item would arrive at once"
    }
}
