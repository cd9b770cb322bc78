import CGSL
import Foundation

extension Distribution {
    /// Draws one value from `stream` through GSL.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        guard draw.needsValues else { return draw.sample(stream) }
        guard case .empirical(let values) = kind else { preconditionFailure("an empirical draw without values") }
        return values[Int(gsl_rng_uniform_int(stream.rng, UInt(values.count)))]
    }
}

extension Distribution.Draw {
    /// Draws one value from `stream` through GSL, exactly as ``Distribution/sample(_:)`` does;
    /// not for an empirical distribution (``needsValues``), whose values it does not hold.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        let r = stream.rng
        let d = self
        switch d.family {
        case .constant:
            return d.a
        case .uniform:
            return gsl_ran_flat(r, d.a, d.b)
        case .exponential:
            return stream.exponential(mean: d.a)
        case .normal:
            return d.a + gsl_ran_gaussian(r, d.b)
        case .truncatedNormal:
            let mu = d.a, sd = d.b
            if sd == 0 { return mu }
            // The upper tail x > −mu of N(0, sd²), shifted by mu: exactly N(mu, sd²) given x > 0.
            return mu + gsl_ran_gaussian_tail(r, -mu, sd)
        case .lognormal:
            return gsl_ran_lognormal(r, d.a, d.b)
        case .gamma:
            return gsl_ran_gamma(r, d.a, d.b)
        case .weibull:
            return gsl_ran_weibull(r, d.a, d.b)
        case .triangular:
            // Inverse CDF: F(c) = (c − a)/(b − a) splits the two branches.
            let a = d.a, c = d.b, b = d.c
            let u = gsl_rng_uniform(r)
            let split = (c - a) / (b - a)
            if u < split { return a + ((b - a) * (c - a) * u).squareRoot() }
            return b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        case .beta:
            return gsl_ran_beta(r, d.a, d.b)
        case .pareto:
            return gsl_ran_pareto(r, d.a, d.b)
        case .bernoulli:
            return Double(gsl_ran_bernoulli(r, d.a))
        case .poisson:
            return Double(gsl_ran_poisson(r, d.a))
        case .empirical:
            preconditionFailure("an empirical distribution is drawn through Distribution.sample(_:)")
        }
    }
}
