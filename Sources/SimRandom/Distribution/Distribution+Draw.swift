extension Distribution {
    /// A distribution's family and up to three parameters, trivially copyable (no array). An
    /// empirical distribution is only tagged (``needsValues``): its values stay in the distribution.
    public struct Draw: Hashable, Sendable {
        @usableFromInline
        internal enum Family: UInt8, Sendable {
            case constant, uniform, exponential, normal, truncatedNormal, lognormal, gamma, weibull
            case triangular, beta, pareto, bernoulli, poisson, empirical
        }

        @usableFromInline internal let family: Family
        @usableFromInline internal let a: Double
        @usableFromInline internal let b: Double
        @usableFromInline internal let c: Double

        /// True for an empirical distribution, drawn only through ``Distribution/sample(_:)``.
        @inlinable public var needsValues: Bool { family == .empirical }
        /// The value of a constant, which a draw returns without a random number; nil for
        /// any other law.
        @inlinable @inline(__always) public var constant: Double? { family == .constant ? a : nil }

        init(_ family: Family, _ a: Double = 0, _ b: Double = 0, _ c: Double = 0) {
            self.family = family
            self.a = a
            self.b = b
            self.c = c
        }

        init(_ kind: Kind) {
            switch kind {
            case .constant(let x): self.init(.constant, x)
            case .uniform(let lo, let hi): self.init(.uniform, lo, hi)
            case .exponential(let mean): self.init(.exponential, mean)
            case .normal(let mu, let sd, let truncated): self.init(truncated ? .truncatedNormal : .normal, mu, sd)
            case .lognormal(let mu, let sigma): self.init(.lognormal, mu, sigma)
            case .gamma(let shape, let scale): self.init(.gamma, shape, scale)
            case .weibull(let scale, let shape): self.init(.weibull, scale, shape)
            case .triangular(let lo, let mode, let hi): self.init(.triangular, lo, mode, hi)
            case .beta(let a, let b): self.init(.beta, a, b)
            case .pareto(let shape, let scale): self.init(.pareto, shape, scale)
            case .bernoulli(let p): self.init(.bernoulli, p)
            case .poisson(let mean): self.init(.poisson, mean)
            case .empirical: self.init(.empirical)
            }
        }
    }
}
