import CGSL
import SimRandom

/// Observations of a quantity that occurs at instants: waits, lead times, restore times.
///
/// Count, mean, variance, minimum and maximum come from ``RunningMoments`` (GSL's `gsl_rstat`
/// update, bit for bit, without the running median `gsl_rstat_add` also keeps); quantiles,
/// only those asked for, from ``P2Quantile`` (GSL's P² estimator `gsl_rstat_quantile`, bit for
/// bit, in Swift), which uses constant memory whatever the number of observations. A tally that reports no quantile costs no more
/// than its moments (hot paths that need no quantile can hold a ``RunningMoments`` directly).
/// ``reset()`` discards everything, for the end of a warm-up period.
///
/// Observations for the quantiles are held in a buffer of ``batch`` values and fed to the
/// estimators a batch at a time, one estimator over the whole batch before the next: each
/// estimator sees the same observations in the same order as one update per observation would
/// give it (so the estimates are the same, bit for bit), but its five markers stay in registers
/// across the batch instead of being loaded and stored for every observation.
public final class Tally {
    /// Observations buffered before the quantile estimators are updated.
    public static let batch = 128
    /// Without the runtime's dynamic exclusivity check on every `add` (only `add` and `reset`
    /// change it, never during another access).
    @exclusivity(unchecked) @usableFromInline
    internal var moments = RunningMoments()
    /// One estimator per probability, in one allocation (changed in place, no array check).
    @usableFromInline
    internal let estimators: UnsafeMutablePointer<P2Quantile>
    /// The probabilities whose quantiles are estimated.
    public let probabilities: [Double]
    /// The number of estimators (`probabilities.count`), read without the array.
    @usableFromInline internal let estimatorCount: Int
    /// Observations not yet given to the estimators (``batch`` places).
    @usableFromInline internal let pending: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) @usableFromInline internal var pendingCount = 0

    /// A tally estimating the quantiles at `probabilities` (each in (0, 1)).
    public init(quantiles probabilities: [Double] = []) {
        precondition(probabilities.allSatisfy { $0 > 0 && $0 < 1 }, "quantile probabilities must be in (0, 1)")
        GSLRuntime.configure()
        estimators = UnsafeMutablePointer<P2Quantile>.allocate(capacity: Swift.max(probabilities.count, 1))
        estimators.initialize(from: probabilities.map { P2Quantile(p: $0) }, count: probabilities.count)
        self.probabilities = probabilities
        estimatorCount = probabilities.count
        pending = UnsafeMutablePointer<Double>.allocate(capacity: Self.batch)
    }

    deinit {
        estimators.deinitialize(count: probabilities.count)
        estimators.deallocate()
        pending.deallocate()
    }

    /// Records one observation (must be finite).
    @inlinable
    public func add(_ x: Double) {
        precondition(x.isFinite, "a tally observation must be finite")
        moments.add(x)
        guard estimatorCount > 0 else { return }
        pending[pendingCount] = x
        pendingCount &+= 1
        if pendingCount == Self.batch { flush() }
    }

    /// Gives the buffered observations to every estimator, in order.
    @usableFromInline
    internal func flush() {
        let batch = UnsafeBufferPointer(start: pending, count: pendingCount)
        for k in 0..<estimatorCount { estimators[k].add(contentsOf: batch) }
        pendingCount = 0
    }

    /// Discards all observations.
    public func reset() {
        moments.reset()
        pendingCount = 0
        for k in 0..<probabilities.count { estimators[k].reset() }
    }

    /// The number of observations.
    public var count: Int { moments.count }
    /// The sample mean, or nil with no observations.
    public var mean: Double? { moments.mean }
    /// The sample variance (divisor n − 1), or nil with fewer than two observations.
    public var variance: Double? { moments.variance }
    /// The sample standard deviation, or nil with fewer than two observations.
    public var standardDeviation: Double? { moments.standardDeviation }
    /// The smallest observation, or nil.
    public var min: Double? { moments.min }
    /// The largest observation, or nil.
    public var max: Double? { moments.max }

    /// The P² estimate of the quantile at `p`, which must be one of ``probabilities``; nil with
    /// no observations. Exact for up to five observations, an estimate beyond.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        guard let index = probabilities.firstIndex(of: p) else {
            preconditionFailure("quantile \(p) was not requested when the tally was made")
        }
        if pendingCount > 0 { flush() }
        return estimators[index].value
    }
}
