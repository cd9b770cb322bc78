import CGSL
import SimRandom
import Synchronization

/// Student-t quantiles `gsl_cdf_tdist_Pinv(p, ν)`, each computed once per process and then
/// read from a table: a comparison summarizes every metric of every scenario with the same
/// level and replication count, and GSL's inversion is iterative (thousands of instructions).
///
/// The table is shared by the threads that summarize scenarios, behind a `Mutex`; a value is
/// GSL's, bit for bit, whether computed or read back. At most ``limit`` values are kept (one
/// per probability and degrees of freedom asked); past it, values are computed and not kept.
enum StudentQuantiles {
    /// Values kept before the table stops growing.
    static let limit = 4_096

    private struct Key: Hashable { let p: Double; let df: Double }
    private static let table = Mutex<[Key: Double]>([:])

    /// `gsl_cdf_tdist_Pinv(p, df)`.
    static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        let key = Key(p: p, df: df)
        if let known = table.withLock({ $0[key] }) { return known }
        GSLRuntime.configure()
        let t = gsl_cdf_tdist_Pinv(p, df)
        table.withLock { if $0.count < limit { $0[key] = t } }
        return t
    }
}
