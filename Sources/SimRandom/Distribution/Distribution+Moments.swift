import CGSL
import Foundation

extension Distribution {
    /// The distribution's mean (`.infinity` for a Pareto law with shape ≤ 1).
    public var mean: Double {
        switch kind {
        case .constant(let c): return c
        case .uniform(let a, let b): return (a + b) / 2
        case .exponential(let m): return m
        case .normal(let mu, let sd, let truncated):
            guard truncated, sd > 0 else { return mu }
            return mu + sd * Distribution.truncation(mu: mu, sd: sd).lambda
        case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
        case .gamma(let k, let theta): return k * theta
        case .weibull(let lambda, let k): return lambda * exp(gsl_sf_lngamma(1 + 1 / k))
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .beta(let a, let b): return a / (a + b)
        case .pareto(let alpha, let xm): return alpha <= 1 ? .infinity : alpha * xm / (alpha - 1)
        case .bernoulli(let p): return p
        case .poisson(let m): return m
        case .empirical(let values):
            return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
        }
    }

    /// The distribution's variance (`.infinity` for a Pareto law with shape ≤ 2).
    public var variance: Double {
        switch kind {
        case .constant: return 0
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .exponential(let m): return m * m
        case .normal(let mu, let sd, let truncated):
            guard truncated, sd > 0 else { return sd * sd }
            let (alpha, lambda, _) = Distribution.truncation(mu: mu, sd: sd)
            return sd * sd * (1 + alpha * lambda - lambda * lambda)
        case .lognormal(let mu, let sigma):
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case .gamma(let k, let theta): return k * theta * theta
        case .weibull(let lambda, let k):
            let g1 = exp(gsl_sf_lngamma(1 + 1 / k)), g2 = exp(gsl_sf_lngamma(1 + 2 / k))
            return lambda * lambda * max(0, g2 - g1 * g1)
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .beta(let a, let b): return a * b / ((a + b) * (a + b) * (a + b + 1))
        case .pareto(let alpha, let xm):
            return alpha <= 2 ? .infinity : xm * xm * alpha / ((alpha - 1) * (alpha - 1) * (alpha - 2))
        case .bernoulli(let p): return p * (1 - p)
        case .poisson(let m): return m
        case .empirical(let values):
            // Resampling gives each value weight 1/n: the population variance (divisor n).
            return values.withUnsafeBufferPointer { buffer in
                let m = gsl_stats_mean(buffer.baseAddress, 1, buffer.count)
                return gsl_stats_variance_with_fixed_mean(buffer.baseAddress, 1, buffer.count, m)
            }
        }
    }

    /// The standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// E[X²] = variance + mean², the second moment Pollaczek–Khinchine needs.
    public var secondMoment: Double { variance + mean * mean }

    /// The squared coefficient of variation, variance / mean² (Kingman's cs²).
    public var squaredCoefficientOfVariation: Double { variance / (mean * mean) }

    /// For N(mu, sd²) truncated to x > 0: α = −mu/sd, λ = φ(α)/(1 − Φ(α)), and 1 − Φ(α).
    static func truncation(mu: Double, sd: Double) -> (alpha: Double, lambda: Double, kept: Double) {
        GSLRuntime.configure()
        let alpha = -mu / sd
        let kept = gsl_cdf_ugaussian_Q(alpha)
        let lambda = gsl_ran_ugaussian_pdf(alpha) / kept
        return (alpha, lambda, kept)
    }
}
