import CGSL
import SimRandom

/// A Student-t confidence interval for a mean, from independent observations.
///
/// For n independent, identically distributed values with sample mean x̄ and sample standard
/// deviation s, the interval is x̄ ± t(1 − α/2, n − 1) · s/√n, where the quantile t comes from
/// GSL's `gsl_cdf_tdist_Pinv`, and x̄ and s from `gsl_stats_mean` and `gsl_stats_sd`.
/// Independent replications (or nearly independent batch means) satisfy the assumption; the
/// interval is exact for normal values and asymptotically right otherwise.
public struct ConfidenceInterval: Hashable, Sendable, CustomStringConvertible {
    /// The sample mean.
    public let mean: Double
    /// Half the interval's width.
    public let halfWidth: Double
    /// The standard error of the mean, s/√n.
    public let standardError: Double
    /// The number of observations.
    public let count: Int
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// The lower end.
    public var low: Double { mean - halfWidth }
    /// The upper end.
    public var high: Double { mean + halfWidth }

    /// True if `value` lies in the interval.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// How many standard errors `value` lies from the mean (0 if the standard error is 0 and
    /// the value equals the mean, infinite if it does not).
    public func standardErrors(from value: Double) -> Double {
        let gap = abs(mean - value)
        if standardError == 0 { return gap == 0 ? 0 : .infinity }
        return gap / standardError
    }

    /// The interval for the mean of `values`, or nil with fewer than two values (no spread
    /// can be estimated) or any non-finite value.
    public init?(_ values: [Double], level: Double = 0.95) {
        precondition(level > 0 && level < 1, "confidence level must be in (0, 1)")
        guard values.count >= 2, values.allSatisfy(\.isFinite) else { return nil }
        GSLRuntime.configure()
        let (m, sd) = values.withUnsafeBufferPointer { b -> (Double, Double) in
            let m = gsl_stats_mean(b.baseAddress, 1, b.count)
            return (m, gsl_stats_sd_m(b.baseAddress, 1, b.count, m))
        }
        let se = sd / Double(values.count).squareRoot()
        let t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, Double(values.count - 1))
        self.mean = m
        self.standardError = se
        self.halfWidth = t * se
        self.count = values.count
        self.level = level
    }

    /// The paired interval for the mean difference `b[i] − a[i]` (common random numbers make
    /// the pairs positively correlated and the interval narrower than an unpaired one).
    public static func paired(_ a: [Double], _ b: [Double], level: Double = 0.95) -> ConfidenceInterval? {
        precondition(a.count == b.count, "paired samples must have the same length")
        return ConfidenceInterval(zip(a, b).map { $1 - $0 }, level: level)
    }

    /// The interval from batch means: `series` (an autocorrelated output of one long run) is
    /// cut into `batches` consecutive batches of equal size, whose means are treated as
    /// independent. Nil if there are fewer values than batches or fewer than two batches.
    public static func batchMeans(_ series: [Double], batches: Int = 20, level: Double = 0.95) -> ConfidenceInterval? {
        guard batches >= 2 else { return nil }
        let size = series.count / batches
        guard size > 0 else { return nil }
        let means = (0..<batches).map { k in
            series[(k * size)..<((k + 1) * size)].reduce(0, +) / Double(size)
        }
        return ConfidenceInterval(means, level: level)
    }

    public var description: String {
        "\(mean) ± \(halfWidth) (\(Int((level * 100).rounded()))%, n=\(count))"
    }
}
