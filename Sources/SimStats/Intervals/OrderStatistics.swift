import CGSL

/// Exact order statistics of a buffer, found by selection in increasing rank: the buffer is
/// reordered in place (GSL's `gsl_stats_select`), never sorted.
///
/// After a selection of rank r the buffer holds that order statistic at r, everything at or
/// below r-th place before it and everything above after it; so a later, higher rank is
/// selected among the values after r only. Ranks must be asked in non-decreasing order.
struct OrderStatistics {
    private let data: UnsafeMutablePointer<Double>
    private let count: Int
    /// Ranks `exactFrom..<unresolved` hold their exact order statistics; every value from
    /// `unresolved` on is at least as large.
    private var exactFrom = 0
    private var unresolved = 0

    /// Order statistics of the first `count` (> 0) values at `data`, which get reordered.
    init(_ data: UnsafeMutablePointer<Double>, count: Int) {
        precondition(count > 0, "order statistics of an empty sample")
        self.data = data
        self.count = count
    }

    /// The value of rank `r` (0-based), which must be at least every rank asked before but
    /// the last run of consecutive ones.
    mutating func value(rank r: Int) -> Double {
        precondition(r >= exactFrom && r < count, "ranks are asked in non-decreasing order, within the sample")
        if r < unresolved { return data[r] }
        let rest = data + unresolved
        if r == unresolved {
            // The smallest of the rest: one pass, moved to its place.
            var smallest = 0
            for i in 1..<(count - unresolved) where rest[i] < rest[smallest] { smallest = i }
            rest.swapAt(0, smallest)
        } else {
            _ = gsl_stats_select(rest, 1, count - unresolved, r - unresolved)
            exactFrom = r
        }
        unresolved = r + 1
        return data[r]
    }

    /// The `p`-quantile (p in [0, 1], not below any asked before) exactly as GSL's
    /// `gsl_stats_quantile_from_sorted_data` computes it from the sorted sample (ranks ⌊p(n − 1)⌋
    /// and the next).
    mutating func quantile(_ p: Double) -> Double {
        let index = p * Double(count - 1)
        let lhs = Int(index)
        let delta = index - Double(lhs)
        if lhs == count - 1 { return value(rank: lhs) }
        let low = value(rank: lhs)
        let high = value(rank: lhs + 1)
        return (1 - delta) * low + delta * high
    }
}

extension UnsafeMutablePointer {
    /// Exchanges the values at offsets `i` and `j`.
    fileprivate func swapAt(_ i: Int, _ j: Int) {
        guard i != j else { return }
        let t = self[i]
        self[i] = self[j]
        self[j] = t
    }
}
