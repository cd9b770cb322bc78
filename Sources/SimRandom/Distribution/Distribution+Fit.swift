import CGSL
import Foundation

/// A family that ``Distribution/fit(_:to:)`` can fit to observations.
public enum FitFamily: String, CaseIterable, Sendable {
    case lognormal, gamma, weibull
}

extension Distribution {
    /// The maximum-likelihood fit of `family` to `values` (all > 0, at least two distinct).
    ///
    /// - lognormal: μ and σ are the mean and the (divisor n) standard deviation of ln x.
    /// - gamma: the shape k solves ln k − ψ(k) = ln x̄ − mean(ln x) (Newton from Minka's
    ///   starting point, with GSL's digamma and trigamma); the scale is x̄/k.
    /// - Weibull: the shape k solves Σxᵏ ln x / Σxᵏ − 1/k = mean(ln x) (bisection on
    ///   [0.02, 200]); the scale is (Σxᵏ/n)^(1/k).
    public static func fit(_ family: FitFamily, to values: [Double]) throws -> Distribution {
        GSLRuntime.configure()
        guard values.count >= 2 else { throw DistributionError(family: family.rawValue, message: "needs at least two observations to fit (got \(values.count))") }
        if let bad = values.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw DistributionError(family: family.rawValue, message: "fits positive values only; value #\(bad + 1) is \(values[bad])")
        }
        guard values.contains(where: { $0 != values[0] }) else {
            throw DistributionError(family: family.rawValue, message: "cannot fit \(values.count) identical values; use a constant")
        }
        let n = Double(values.count)
        let logs = values.map { Foundation.log($0) }
        let meanLog = logs.reduce(0, +) / n
        let mean = values.reduce(0, +) / n
        switch family {
        case .lognormal:
            let variance = logs.reduce(0) { $0 + ($1 - meanLog) * ($1 - meanLog) } / n
            return try .lognormal(mu: meanLog, sigma: variance.squareRoot())
        case .gamma:
            let s = Foundation.log(mean) - meanLog
            var k = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
            for _ in 0..<100 {
                let f = Foundation.log(k) - gsl_sf_psi(k) - s
                let step = f / (1 / k - gsl_sf_psi_1(k))
                let next = k - step
                k = next > 0 ? next : k / 2
                if abs(step) < 1e-12 * k { break }
            }
            return try .gamma(shape: k, scale: mean / k)
        case .weibull:
            func g(_ k: Double) -> Double {
                // Scaled by the largest value so that xᵏ cannot overflow.
                let top = values.max()!
                var sumPow = 0.0, sumPowLog = 0.0
                for x in values {
                    let p = Foundation.pow(x / top, k)
                    sumPow += p
                    sumPowLog += p * Foundation.log(x)
                }
                return sumPowLog / sumPow - 1 / k - meanLog
            }
            var low = 0.02, high = 200.0
            guard g(low) < 0, g(high) > 0 else {
                throw DistributionError(family: "weibull", message: "no maximum-likelihood shape in [0.02, 200] for these values")
            }
            for _ in 0..<200 {
                let mid = (low + high) / 2
                if g(mid) < 0 { low = mid } else { high = mid }
            }
            let k = (low + high) / 2
            let top = values.max()!
            let scale = top * Foundation.pow(values.reduce(0) { $0 + Foundation.pow($1 / top, k) } / n, 1 / k)
            return try .weibull(scale: scale, shape: k)
        }
    }

    /// The distribution's parameters as scenario files name them, in that order: for a
    /// lognormal `[(mu, 2.1), (sigma, 0.7)]`.
    public var parameters: [(name: String, value: DistributionParameter)] {
        switch kind {
        case .constant(let c): return [("value", .number(c))]
        case .uniform(let a, let b): return [("min", .number(a)), ("max", .number(b))]
        case .exponential(let m): return [("mean", .number(m))]
        case .normal(let m, let s, _): return [("mean", .number(m)), ("sd", .number(s))]
        case .lognormal(let mu, let sigma): return [("mu", .number(mu)), ("sigma", .number(sigma))]
        case .gamma(let k, let theta): return [("shape", .number(k)), ("scale", .number(theta))]
        case .weibull(let scale, let k): return [("scale", .number(scale)), ("shape", .number(k))]
        case .triangular(let a, let c, let b): return [("min", .number(a)), ("mode", .number(c)), ("max", .number(b))]
        case .beta(let a, let b): return [("a", .number(a)), ("b", .number(b))]
        case .pareto(let k, let xm): return [("shape", .number(k)), ("scale", .number(xm))]
        case .bernoulli(let p): return [("p", .number(p))]
        case .poisson(let m): return [("mean", .number(m))]
        case .empirical(let values): return [("values", .list(values))]
        }
    }

    /// The distribution's parameters as scenario files write them, e.g. `lognormal: {mu: 2.1, sigma: 0.7}`.
    public var parameterText: String {
        let fields = parameters.map { name, value in
            switch value {
            case .number(let x): return "\(name): \(x)"
            case .list(let xs): return "\(name): [\(xs.map { "\($0)" }.joined(separator: ", "))]"
            }
        }
        return "\(family): {\(fields.joined(separator: ", "))}"
    }
}
