import CGSL
import Foundation

extension Distribution {
    /// Draws one value from `stream` through GSL.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        let r = stream.rng
        switch kind {
        case .constant(let c):
            return c
        case .uniform(let a, let b):
            return gsl_ran_flat(r, a, b)
        case .exponential(let mean):
            return stream.exponential(mean: mean)
        case .normal(let mu, let sd, let truncated):
            if !truncated { return mu + gsl_ran_gaussian(r, sd) }
            if sd == 0 { return mu }
            // The upper tail x > −mu of N(0, sd²), shifted by mu: exactly N(mu, sd²) given x > 0.
            return mu + gsl_ran_gaussian_tail(r, -mu, sd)
        case .lognormal(let mu, let sigma):
            return gsl_ran_lognormal(r, mu, sigma)
        case .gamma(let shape, let scale):
            return gsl_ran_gamma(r, shape, scale)
        case .weibull(let scale, let shape):
            return gsl_ran_weibull(r, scale, shape)
        case .triangular(let a, let c, let b):
            // Inverse CDF: F(c) = (c − a)/(b − a) splits the two branches.
            let u = gsl_rng_uniform(r)
            let split = (c - a) / (b - a)
            if u < split { return a + ((b - a) * (c - a) * u).squareRoot() }
            return b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        case .beta(let a, let b):
            return gsl_ran_beta(r, a, b)
        case .pareto(let shape, let scale):
            return gsl_ran_pareto(r, shape, scale)
        case .bernoulli(let p):
            return Double(gsl_ran_bernoulli(r, p))
        case .poisson(let mean):
            return Double(gsl_ran_poisson(r, mean))
        case .empirical(let values):
            return values[Int(gsl_rng_uniform_int(r, UInt(values.count)))]
        }
    }
}
