import CGSL
import SimRandom

/// The closed form a forecast is checked against: with completions a Poisson process of rate r
/// (one person working exponential items 24/7, no growth, nothing else), the time to finish n
/// items is the sum of n exponential gaps, gamma-distributed with shape n and scale 1/r.
public enum ForecastTheory {
    /// P(finish ≤ hours) for `items` items completed at `rate` per hour.
    public static func finishProbability(items: Int, rate: Double, hours: Double) -> Double {
        precondition(items >= 1 && rate > 0 && hours >= 0)
        GSLRuntime.configure()
        return gsl_cdf_gamma_P(hours, Double(items), 1 / rate)
    }

    /// The hours by which `items` items are finished with probability `p`.
    public static func finishHours(items: Int, rate: Double, probability p: Double) -> Double {
        precondition(items >= 1 && rate > 0 && p > 0 && p < 1)
        GSLRuntime.configure()
        return gsl_cdf_gamma_Pinv(p, Double(items), 1 / rate)
    }
}
