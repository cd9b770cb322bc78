import CGSL
import SimRandom

/// Observations of a quantity that occurs at instants: waits, lead times, restore times.
///
/// What it reports is what it costs: the count and mean come from ``RunningMean`` (the mean of
/// GSL's `gsl_rstat` update, bit for bit; a statistic that needs the variance, minimum or
/// maximum holds a ``RunningMoments``). Quantiles, only
/// those asked for, are exact: the tally keeps its observations, up to ``exactLimit`` of them,
/// and a quantile is GSL's interpolation between order statistics
/// (`gsl_stats_quantile_from_sorted_data`, bit for bit), the order statistics found by GSL's
/// selection (`gsl_stats_select`) instead of a sort. Past ``exactLimit`` observations the tally
/// turns to ``P2Quantile`` estimators (GSL's P², in constant memory) for the rest of its life:
/// they are given the kept observations in order, then every later one, a buffer of
/// ``exactLimit`` at a time; memory stays bounded whatever the number of observations. (An exact
/// ``quantile(_:)`` reorders the kept observations; estimators made after such a query see them
/// in that order. The model asks for quantiles only at the end of a replication.)
///
/// A tally that reports no quantile costs no more than its mean. ``reset()`` discards everything, for the end
/// of a warm-up period.
public final class Tally {
    /// Observations kept for exact quantiles (2 MB of them): past this many, the quantiles are
    /// P² estimates.
    public static let exactLimit = 262_144
    /// The room first reserved for observations; it doubles as they come, up to ``exactLimit``.
    public static let initialCapacity = 1_024

    /// Without the runtime's dynamic exclusivity check on every `add` (only `add` and `reset`
    /// change it, never during another access).
    @exclusivity(unchecked) @usableFromInline
    internal var moments = RunningMean()
    /// The probabilities whose quantiles are reported.
    public let probabilities: [Double]
    /// The number of probabilities, read without the array.
    @usableFromInline internal let quantileCount: Int
    /// The kept observations (exact mode) or those not yet given to the estimators (P² mode).
    @exclusivity(unchecked) @usableFromInline internal var sample: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) @usableFromInline internal var sampleCount = 0
    @exclusivity(unchecked) @usableFromInline internal var sampleCapacity = 0
    /// One P² estimator per probability, made when the observations pass ``exactLimit``.
    internal var estimators: UnsafeMutablePointer<P2Quantile>?
    /// The exact quantiles (by probability index) as of `exactAtCount` kept observations.
    internal let exact: UnsafeMutablePointer<Double>
    internal var exactAtCount = -1

    /// A tally reporting the quantiles at `probabilities` (each in (0, 1)).
    public init(quantiles probabilities: [Double] = []) {
        precondition(probabilities.allSatisfy { $0 > 0 && $0 < 1 }, "quantile probabilities must be in (0, 1)")
        GSLRuntime.configure()
        self.probabilities = probabilities
        quantileCount = probabilities.count
        exact = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(probabilities.count, 1))
        sampleCapacity = probabilities.isEmpty ? 0 : Self.initialCapacity
        sample = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(sampleCapacity, 1))
    }

    deinit {
        sample.deallocate()
        exact.deallocate()
        if let estimators {
            estimators.deinitialize(count: quantileCount)
            estimators.deallocate()
        }
    }

    /// Records one observation (must be finite). Inlined where called: the model adds several
    /// per delivered item, and a call cost as much as the work.
    @inlinable @inline(__always)
    public func add(_ x: Double) {
        moments.add(x)  // (which checks that x is finite)
        guard quantileCount > 0 else { return }
        if sampleCount == sampleCapacity { makeRoom() }
        sample[sampleCount] = x
        sampleCount &+= 1
    }

    /// Makes room for one more observation: doubles the kept sample up to ``exactLimit``; at
    /// the limit, turns to (or goes on with) the P² estimators, giving them the buffer in order.
    @usableFromInline
    internal func makeRoom() {
        if estimators == nil && sampleCapacity < Self.exactLimit {
            let capacity = Swift.min(sampleCapacity * 2, Self.exactLimit)
            let grown = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
            grown.moveInitialize(from: sample, count: sampleCount)
            sample.deallocate()
            sample = grown
            sampleCapacity = capacity
            return
        }
        if estimators == nil {
            let made = UnsafeMutablePointer<P2Quantile>.allocate(capacity: quantileCount)
            made.initialize(from: probabilities.map { P2Quantile(p: $0) }, count: quantileCount)
            estimators = made
        }
        feedEstimators()
    }

    /// Gives the buffered observations to every P² estimator, in order, and empties the buffer.
    private func feedEstimators() {
        guard let estimators else { return }
        let batch = UnsafeBufferPointer(start: sample, count: sampleCount)
        for k in 0..<quantileCount { estimators[k].add(contentsOf: batch) }
        sampleCount = 0
    }

    /// Discards all observations (the room kept for them stays).
    public func reset() {
        moments = RunningMean()
        sampleCount = 0
        exactAtCount = -1
        if let estimators {
            estimators.deinitialize(count: quantileCount)
            estimators.deallocate()
            self.estimators = nil
        }
    }

    /// The number of observations.
    public var count: Int { moments.count }
    /// The sample mean, or nil with no observations.
    public var mean: Double? { moments.mean }
    /// Whether ``quantile(_:)`` is exact: at most ``exactLimit`` observations since the last reset.
    public var quantilesAreExact: Bool { estimators == nil }

    /// The quantile at `p`, which must be one of ``probabilities``; nil with no observations.
    /// Exact (GSL's sample quantile) up to ``exactLimit`` observations, a P² estimate beyond.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        guard let index = probabilities.firstIndex(of: p) else {
            preconditionFailure("quantile \(p) was not requested when the tally was made")
        }
        if let estimators {
            if sampleCount > 0 { feedEstimators() }
            return estimators[index].value
        }
        if exactAtCount != sampleCount { selectQuantiles() }
        return exact[index]
    }

    /// Computes every exact quantile of the kept sample, in increasing order of probability:
    /// each needs the order statistics at ⌊p(n − 1)⌋ and the one after, and each selection
    /// leaves the sample partitioned there, so the next one searches only what lies above.
    private func selectQuantiles() {
        var order = OrderStatistics(sample, count: sampleCount)
        for k in probabilities.indices.sorted(by: { probabilities[$0] < probabilities[$1] }) {
            exact[k] = order.quantile(probabilities[k])
        }
        exactAtCount = sampleCount
    }
}
