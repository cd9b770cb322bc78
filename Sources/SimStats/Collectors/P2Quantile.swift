/// A running estimate of the p-quantile in constant memory: the P² algorithm of Jain and
/// Chlamtac (1985), five markers whose heights follow the quantile.
///
/// The arithmetic is GSL's `gsl_rstat_quantile_add` and `gsl_rstat_quantile_get` (GSL 2.7)
/// operation for operation, so estimates are bit for bit GSL's on the same observations (a test
/// holds them equal); written in Swift so that a tally's update is inlined instead of a call
/// into GSL per observation and per quantile. Exact (the sample quantile, interpolated between
/// order statistics) for up to five observations; beyond, an estimate whose error is that of
/// P² (under 1% of the exact sample quantile on 10⁵ exponential draws, `TallyTests`).
public struct P2Quantile: Sendable {
    /// The probability whose quantile is estimated, in (0, 1).
    public let p: Double
    // Five markers as scalars (an indexed store costs far more than the update): heights q,
    // positions n (integers, held exactly as doubles), desired positions d and their increments i.
    @usableFromInline internal var q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0, q4 = 0.0
    @usableFromInline internal var n0 = 1.0, n1 = 2.0, n2 = 3.0, n3 = 4.0, n4 = 5.0
    // (Only the middle markers' desired positions and increments: those of the extremes are
    // fixed at 1 and n, and GSL's updates of them are never read.)
    @usableFromInline internal var d1 = 0.0, d2 = 0.0, d3 = 0.0
    @usableFromInline internal var i1 = 0.0, i2 = 0.0, i3 = 0.0
    @usableFromInline internal var n = 0

    /// An estimator of the `p`-quantile (`p` in (0, 1)) with no observations.
    public init(p: Double) {
        precondition(p > 0 && p < 1, "a quantile probability must be in (0, 1)")
        self.p = p
        reset()
    }

    /// Discards all observations.
    public mutating func reset() {
        n0 = 1; n1 = 2; n2 = 3; n3 = 4; n4 = 5
        d1 = 1.0 + 2.0 * p
        d2 = 1.0 + 4.0 * p
        d3 = 3.0 + 2.0 * p
        i1 = 0.5 * p
        i2 = p
        i3 = 0.5 * (1.0 + p)
        n = 0
    }

    /// The number of observations.
    @inlinable public var count: Int { n }

    /// Records one observation (must not be NaN). Inlined into ``Tally/add(_:)``: a call per
    /// quantile per observation cost about a tenth of the update.
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        if n < 5 {
            switch n {
            case 0: q0 = x
            case 1: q1 = x
            case 2: q2 = x
            case 3: q3 = x
            default: q4 = x
            }
            n += 1
            return
        }
        if n == 5 { sortHeights() }
        // B1: the cell k with q_k <= x < q_{k+1}, extending the extremes. Each lower bound is
        // the previous test failing (GSL tests both; for any x but NaN the cell is the same).
        let k: Int
        if x < q0 {
            q0 = x
            k = 0
        } else if x >= q4 {
            q4 = x
            k = 3
        } else if x < q1 {
            k = 0
        } else if x < q2 {
            k = 1
        } else if x < q3 {
            k = 2
        } else if x < q4 {
            k = 3
        } else {
            preconditionFailure("a quantile observation must not be NaN")
        }
        // B2: positions above the cell, and the middle markers' desired positions (the extremes'
        // desired positions, 1 and n, are never read: GSL updates them, to no effect).
        if k < 1 { n1 += 1 }
        if k < 2 { n2 += 1 }
        if k < 3 { n3 += 1 }
        n4 += 1
        d1 += i1
        d2 += i2
        d3 += i3
        // B3: the middle markers in order, each with its neighbours as they are now.
        P2Quantile.adjust(&q1, &n1, desired: d1, below: q0, n0, above: q2, n2)
        P2Quantile.adjust(&q2, &n2, desired: d2, below: q1, n1, above: q3, n3)
        P2Quantile.adjust(&q3, &n3, desired: d3, below: q2, n2, above: q4, n4)
        n += 1
    }

    /// Records `observations` in order, as many calls of ``add(_:)`` would, with the markers
    /// held in a local copy (registers) across the whole batch.
    @inlinable
    public mutating func add(contentsOf observations: UnsafeBufferPointer<Double>) {
        var estimator = self
        for x in observations { estimator.add(x) }
        self = estimator
    }

    /// Moves one middle marker by one position towards its desired one when it is a position or
    /// more away and there is room, by the parabolic (P²) formula or, if that leaves the
    /// neighbours' heights, the linear one.
    @inlinable @inline(__always)
    internal static func adjust(_ qi: inout Double, _ ni: inout Double, desired: Double,
                                below qm1: Double, _ nm1: Double, above qp1: Double, _ np1: Double) {
        let n = ni
        let d = desired - n
        guard (d >= 1.0 && np1 - n > 1) || (d <= -1.0 && nm1 - n < -1) else { return }
        let ds: Double = d > 0.0 ? 1 : -1
        let q = qi
        let outer = ds / (np1 - nm1)
        let innerLeft = (n - nm1 + ds) * (qp1 - q) / (np1 - n)
        let innerRight = (np1 - n - ds) * (q - qm1) / (n - nm1)
        let qp = q + outer * (innerLeft + innerRight)
        if qm1 < qp && qp < qp1 {
            qi = qp
        } else if ds > 0 {
            qi += ds * (qp1 - q) / (np1 - n)
        } else {
            qi += ds * (qm1 - q) / (nm1 - n)
        }
        ni += ds
    }

    /// Sorts the five heights ascending (a bubble sort of ten compare-exchanges).
    @usableFromInline
    internal mutating func sortHeights() {
        func order(_ a: inout Double, _ b: inout Double) { if b < a { swap(&a, &b) } }
        order(&q0, &q1); order(&q1, &q2); order(&q2, &q3); order(&q3, &q4)
        order(&q0, &q1); order(&q1, &q2); order(&q2, &q3)
        order(&q0, &q1); order(&q1, &q2)
        order(&q0, &q1)
    }

    /// The estimate, or nil with no observations: the middle marker's height after five
    /// observations, the interpolated sample quantile up to five (GSL's
    /// `gsl_stats_quantile_from_sorted_data`).
    public var value: Double? {
        guard n > 0 else { return nil }
        if n > 5 { return q2 }
        let sorted = [q0, q1, q2, q3, q4].prefix(n).sorted()
        let index = p * Double(n - 1)
        let lhs = Int(index)
        let delta = index - Double(lhs)
        if lhs == n - 1 { return sorted[lhs] }
        return (1 - delta) * sorted[lhs] + delta * sorted[lhs + 1]
    }
}
