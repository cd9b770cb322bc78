/// A probability distribution of a duration, a count or a probability, drawn through GSL.
///
/// Values are created only through the validating factories (``exponential(mean:)``,
/// ``lognormal(median:p90:)`` ...) or ``init(named:parameters:)``, so every instance has
/// parameters GSL accepts. Durations are in hours throughout DeliverySim.
public struct Distribution: Hashable, Sendable {
    /// The family and its canonical parameters.
    @usableFromInline
    internal enum Kind: Hashable, Sendable {
        case constant(Double)
        case uniform(min: Double, max: Double)
        case exponential(mean: Double)
        case normal(mean: Double, sd: Double, truncatedAtZero: Bool)
        case lognormal(mu: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case weibull(scale: Double, shape: Double)
        case triangular(min: Double, mode: Double, max: Double)
        case beta(a: Double, b: Double)
        case pareto(shape: Double, scale: Double)
        case bernoulli(p: Double)
        case poisson(mean: Double)
        case empirical([Double])
    }

    @usableFromInline
    internal let kind: Kind

    /// The family and parameters again, as a trivially copyable value to draw from: a hot loop
    /// that keeps these instead of the distributions copies no `kind` (and retains no empirical
    /// values) per draw. A function of `kind`, so equality is unchanged.
    public let draw: Draw

    @usableFromInline
    internal init(kind: Kind) {
        self.kind = kind
        draw = Draw(kind)
    }

    /// The family's name as scenario files spell it.
    public var family: String {
        switch kind {
        case .constant: return "constant"
        case .uniform: return "uniform"
        case .exponential: return "exponential"
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .gamma: return "gamma"
        case .weibull: return "weibull"
        case .triangular: return "triangular"
        case .beta: return "beta"
        case .pareto: return "pareto"
        case .bernoulli: return "bernoulli"
        case .poisson: return "poisson"
        case .empirical: return "empirical"
        }
    }

    /// True if every draw is the same value.
    public var isDeterministic: Bool {
        switch kind {
        case .constant: return true
        case .empirical(let values): return values.allSatisfy { $0 == values[0] }
        default: return variance == 0
        }
    }

    /// True if no draw can be negative (required of durations).
    public var isNonNegative: Bool {
        switch kind {
        case .constant(let c): return c >= 0
        case .uniform(let a, _): return a >= 0
        case .normal(_, _, let truncated): return truncated
        case .triangular(let a, _, _): return a >= 0
        case .empirical(let values): return values.allSatisfy { $0 >= 0 }
        case .exponential, .lognormal, .gamma, .weibull, .beta, .pareto, .bernoulli, .poisson: return true
        }
    }
}
