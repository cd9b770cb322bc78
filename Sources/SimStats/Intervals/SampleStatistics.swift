import CGSL
import SimRandom

/// Exact statistics of a stored sample, through GSL.
public enum SampleStatistics {
    /// The quantile at `p` (in [0, 1]) of `values`, by GSL's linear interpolation between order
    /// statistics (`gsl_stats_quantile_from_sorted_data`); nil for an empty sample.
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        precondition((0...1).contains(p), "quantile probability must be in [0, 1]")
        guard !values.isEmpty else { return nil }
        GSLRuntime.configure()
        var sorted = values
        return sorted.withUnsafeMutableBufferPointer { b in
            gsl_sort(b.baseAddress, 1, b.count)
            return gsl_stats_quantile_from_sorted_data(b.baseAddress, 1, b.count, p)
        }
    }

    /// The sample mean, or nil for an empty sample.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample variance (divisor n − 1), or nil with fewer than two values.
    public static func variance(_ values: [Double]) -> Double? {
        guard values.count > 1 else { return nil }
        return values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
    }

    /// The sample correlation of two equally long samples, or nil with fewer than two pairs.
    public static func correlation(_ a: [Double], _ b: [Double]) -> Double? {
        precondition(a.count == b.count, "samples must have the same length")
        guard a.count > 1 else { return nil }
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in gsl_stats_correlation(x.baseAddress, 1, y.baseAddress, 1, x.count) }
        }
    }
}
