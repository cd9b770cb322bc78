/// The count and mean of observations, for statistics that report only a mean: the mean part
/// of ``RunningMoments``' update (GSL's `gsl_rstat_add`, Welford's recurrence) operation for
/// operation, so the mean is bit for bit that of ``RunningMoments`` and of `gsl_rstat` on the
/// same observations (a test holds them equal), without the second moment, minimum and maximum
/// nothing reads.
public struct RunningMean: Sendable {
    @usableFromInline internal var n: Int = 0
    @usableFromInline internal var _mean: Double = 0

    /// No observations.
    @inlinable public init() {}

    /// Records one observation (must be finite); returns the step's `delta = x − old mean` and
    /// `delta / n`, from which ``RunningMoments`` updates its second moment.
    @inlinable @inline(__always) @discardableResult
    public mutating func add(_ x: Double) -> (delta: Double, deltaN: Double) {
        precondition(x.isFinite, "an observation must be finite")
        let delta = x - _mean
        n &+= 1
        let deltaN = delta / Double(n)
        _mean += deltaN
        return (delta, deltaN)
    }

    /// The number of observations.
    @inlinable public var count: Int { n }
    /// The sample mean, or nil with no observations.
    @inlinable public var mean: Double? { n > 0 ? _mean : nil }
}
