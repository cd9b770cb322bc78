import CGSL
import Foundation
import SimRandom

/// On which scale a mean's Student-t interval is built, so that it stays in the range the
/// quantity can take.
///
/// The transform is applied to the *mean*, not to each value (delta method): with g the
/// transform, the interval is g⁻¹(g(x̄) ± t · g′(x̄) · s/√n). It therefore estimates the mean
/// itself (a transform of each value would estimate a geometric or logit mean instead), it
/// accepts values on the boundary (a replication with 0 incidents, or a failure rate of 1), and
/// it leans the interval away from the boundary the way the skewed sampling distribution of a
/// mean near it does. Coverage is checked by simulation in `ConfidenceIntervalCoverageTests`.
public enum IntervalScale: String, Sendable, CaseIterable {
    /// x̄ ± t·s/√n: any real value (differences, scores).
    case natural
    /// Log scale, x̄ · exp(±t · (s/√n)/x̄): quantities ≥ 0 (durations, counts, rates, levels).
    /// A mean of 0 (every value 0) gives the point interval [0, 0].
    case log
    /// Logit scale, logit⁻¹(logit(x̄) ± t · (s/√n)/(x̄(1 − x̄))): shares in [0, 1]. A mean of 0
    /// or 1 (every value on that boundary) gives the point interval there.
    case logit

    /// The range of values the scale is for.
    public var range: ClosedRange<Double> {
        switch self {
        case .natural: return -Double.infinity...Double.infinity
        case .log: return 0...Double.infinity
        case .logit: return 0...1
        }
    }
}

/// A Student-t confidence interval for a mean, from independent observations.
///
/// On the ``IntervalScale/natural`` scale (the default), the interval is symmetric;
/// on the log and logit scales it is built around the transformed mean and stays in [0, ∞) or
/// [0, 1]. Values outside the scale's range fall back to the natural scale (the data, not the
/// method, are then out of range).
///
/// For n independent, identically distributed values with sample mean x̄ and sample standard
/// deviation s, the interval is x̄ ± t(1 − α/2, n − 1) · s/√n, where the quantile t comes from
/// GSL's `gsl_cdf_tdist_Pinv`, and x̄ and s from `gsl_stats_mean` and `gsl_stats_sd`.
/// Independent replications (or nearly independent batch means) satisfy the assumption; the
/// interval is exact for normal values and asymptotically right otherwise.
public struct ConfidenceInterval: Hashable, Sendable, CustomStringConvertible {
    /// The sample mean.
    public let mean: Double
    /// t · s/√n: half the width of the interval on the natural scale.
    public let halfWidth: Double
    /// The standard error of the mean, s/√n.
    public let standardError: Double
    /// The number of observations.
    public let count: Int
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// The lower end.
    public let low: Double
    /// The upper end.
    public let high: Double
    /// The scale the interval was built on (natural when the values left the scale's range).
    public let scale: IntervalScale

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
    public init?(_ values: [Double], level: Double = 0.95, scale: IntervalScale = .natural) {
        precondition(level > 0 && level < 1, "confidence level must be in (0, 1)")
        guard values.count >= 2, values.allSatisfy(\.isFinite) else { return nil }
        GSLRuntime.configure()
        let (m, sd) = values.withUnsafeBufferPointer { b -> (Double, Double) in
            let m = gsl_stats_mean(b.baseAddress, 1, b.count)
            return (m, gsl_stats_sd_m(b.baseAddress, 1, b.count, m))
        }
        let se = sd / Double(values.count).squareRoot()
        let t = StudentQuantiles.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(values.count - 1))
        self.mean = m
        self.standardError = se
        self.halfWidth = t * se
        self.count = values.count
        self.level = level
        let used = values.allSatisfy { scale.range.contains($0) } ? scale : .natural
        self.scale = used
        switch used {
        case .log where m > 0:
            let factor = exp(t * se / m)
            (low, high) = (m / factor, m * factor)
        case .logit where m > 0 && m < 1:
            let center = log(m / (1 - m)), spread = t * se / (m * (1 - m))
            (low, high) = (1 / (1 + exp(-(center - spread))), 1 / (1 + exp(-(center + spread))))
        case .log, .logit:
            // Every value on the boundary (all zero, or all one): no spread to estimate.
            (low, high) = (m, m)
        case .natural:
            (low, high) = (m - t * se, m + t * se)
        }
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
        scale != .natural ? "\(mean) [\(low), \(high)] (\(Int((level * 100).rounded()))%, n=\(count), \(scale) scale)" : "\(mean) ± \(halfWidth) (\(Int((level * 100).rounded()))%, n=\(count))"
    }
}
