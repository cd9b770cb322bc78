import CGSL
import SimRandom

/// Observations of a quantity that occurs at instants: waits, lead times, restore times.
///
/// Count, mean, variance, minimum and maximum come from GSL's running statistics
/// (`gsl_rstat`, Welford's update); quantiles from GSL's P² estimators
/// (`gsl_rstat_quantile`), which use constant memory whatever the number of observations.
/// ``reset()`` discards everything, for the end of a warm-up period.
public final class Tally {
    @usableFromInline
    internal let workspace: UnsafeMutablePointer<gsl_rstat_workspace>
    @usableFromInline
    internal let quantileWorkspaces: [UnsafeMutablePointer<gsl_rstat_quantile_workspace>]
    /// The probabilities whose quantiles are estimated.
    public let probabilities: [Double]

    /// A tally estimating the quantiles at `probabilities` (each in (0, 1)).
    public init(quantiles probabilities: [Double] = []) {
        precondition(probabilities.allSatisfy { $0 > 0 && $0 < 1 }, "quantile probabilities must be in (0, 1)")
        GSLRuntime.configure()
        guard let workspace = gsl_rstat_alloc() else { fatalError("gsl_rstat_alloc: out of memory") }
        self.workspace = workspace
        self.quantileWorkspaces = probabilities.map { p in
            guard let w = gsl_rstat_quantile_alloc(p) else { fatalError("gsl_rstat_quantile_alloc: out of memory") }
            return w
        }
        self.probabilities = probabilities
    }

    deinit {
        gsl_rstat_free(workspace)
        quantileWorkspaces.forEach { gsl_rstat_quantile_free($0) }
    }

    /// Records one observation (must be finite).
    @inlinable
    public func add(_ x: Double) {
        precondition(x.isFinite, "a tally observation must be finite")
        gsl_rstat_add(x, workspace)
        for w in quantileWorkspaces { gsl_rstat_quantile_add(x, w) }
    }

    /// Discards all observations.
    public func reset() {
        gsl_rstat_reset(workspace)
        quantileWorkspaces.forEach { gsl_rstat_quantile_reset($0) }
    }

    /// The number of observations.
    public var count: Int { gsl_rstat_n(workspace) }
    /// The sample mean, or nil with no observations.
    public var mean: Double? { count > 0 ? gsl_rstat_mean(workspace) : nil }
    /// The sample variance (divisor n − 1), or nil with fewer than two observations.
    public var variance: Double? { count > 1 ? gsl_rstat_variance(workspace) : nil }
    /// The sample standard deviation, or nil with fewer than two observations.
    public var standardDeviation: Double? { count > 1 ? gsl_rstat_sd(workspace) : nil }
    /// The smallest observation, or nil.
    public var min: Double? { count > 0 ? gsl_rstat_min(workspace) : nil }
    /// The largest observation, or nil.
    public var max: Double? { count > 0 ? gsl_rstat_max(workspace) : nil }

    /// The P² estimate of the quantile at `p`, which must be one of ``probabilities``; nil with
    /// no observations. Exact for up to five observations, an estimate beyond.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        guard let index = probabilities.firstIndex(of: p) else {
            preconditionFailure("quantile \(p) was not requested when the tally was made")
        }
        return gsl_rstat_quantile_get(quantileWorkspaces[index])
    }
}
