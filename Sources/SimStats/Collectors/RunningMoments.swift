/// Count, mean, variance, minimum and maximum of observations, updated in constant time and
/// memory: a plain value, for statistics that report no quantile.
///
/// The update is GSL's `gsl_rstat_add` (Welford's recurrence) operation for operation, so the
/// mean and variance are bit for bit those of `gsl_rstat` on the same observations (a test
/// holds them equal): `delta = x − mean; n += 1; delta_n = delta / n; mean += delta_n;
/// M2 += delta · delta_n · (n − 1)`. What it leaves out is what `gsl_rstat_add` also does on
/// every call and nothing here reads: the third and fourth moments and a P² running median.
public struct RunningMoments: Sendable {
    /// Count and mean (``RunningMean``'s recurrence, the first half of GSL's update).
    @usableFromInline internal var first = RunningMean()
    @usableFromInline internal var m2: Double = 0
    @usableFromInline internal var _min: Double = 0
    @usableFromInline internal var _max: Double = 0
    @inlinable internal var n: Int { first.count }
    @inlinable internal var _mean: Double { first._mean }

    /// No observations.
    @inlinable public init() {}

    /// Records one observation (must be finite).
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        if n == 0 {
            _min = x
            _max = x
        } else {
            if x < _min { _min = x }
            if x > _max { _max = x }
        }
        let (delta, deltaN) = first.add(x)
        m2 += delta * deltaN * (Double(n) - 1.0)
    }

    /// Discards all observations.
    @inlinable
    public mutating func reset() { self = RunningMoments() }

    /// The number of observations.
    @inlinable public var count: Int { n }
    /// The sample mean, or nil with no observations.
    @inlinable public var mean: Double? { n > 0 ? _mean : nil }
    /// The sample variance (divisor n − 1), or nil with fewer than two observations.
    @inlinable public var variance: Double? { n > 1 ? m2 / (Double(n) - 1.0) : nil }
    /// The sample standard deviation, or nil with fewer than two observations.
    @inlinable public var standardDeviation: Double? { variance.map { $0.squareRoot() } }
    /// The smallest observation, or nil.
    @inlinable public var min: Double? { n > 0 ? _min : nil }
    /// The largest observation, or nil.
    @inlinable public var max: Double? { n > 0 ? _max : nil }
}
