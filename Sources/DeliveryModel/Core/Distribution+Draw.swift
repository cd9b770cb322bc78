import SimRandom

extension Distribution {
    /// The longest duration the model schedules: about 114 000 years, beyond any horizon.
    /// Heavy-tailed laws (Pareto with a small shape, a lognormal with a huge σ) can draw values
    /// that overflow to infinity; those become "never within the run" instead of an infinite
    /// clock or a NaN.
    static let longestDuration = 1e9

    /// A draw used as a duration: finite, non-negative, at most ``longestDuration`` hours.
    @inline(__always)
    func duration(_ stream: RandomStream) -> Double {
        Distribution.asDuration(sample(stream))
    }

    /// A draw used as a probability: in [0, 1] (the reader accepts only distributions whose
    /// draws lie there; the clamp keeps a NaN or rounding from leaving the range).
    @inline(__always)
    func probability(_ stream: RandomStream) -> Double {
        Distribution.asProbability(sample(stream))
    }

    /// `x` as a duration: non-negative, at most ``longestDuration`` (0 for a NaN).
    @inline(__always)
    static func asDuration(_ x: Double) -> Double { x >= 0 ? (x < longestDuration ? x : longestDuration) : 0 }

    /// `x` as a probability: in [0, 1] (0 for a NaN).
    @inline(__always)
    static func asProbability(_ x: Double) -> Double { x >= 0 ? (x <= 1 ? x : 1) : 0 }
}
