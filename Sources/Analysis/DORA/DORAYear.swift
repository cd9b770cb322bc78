import DeliveryModel

/// A State of DevOps report whose cluster table results are classified against
/// (`../shared/domain/DOMAIN.md` §4).
public enum DORAYear: Int, CaseIterable, Sendable {
    case y2019 = 2019
    case y2021 = 2021
    case y2023 = 2023

    /// The year's table for one key: each cluster's range of buckets (0 best … 5 worst, see
    /// ``DORAKey/bucket(_:)``), or for the 2023 change failure rate its point values.
    public func rule(for key: DORAKey) -> ClusterRule {
        switch (self, key) {
        // 2019: Elite on demand / < 1 day / < 1 hour / 0–15%; High daily–weekly / 1 day–1 week /
        // < 1 day / 0–15%; Medium weekly–monthly / 1 week–1 month / < 1 day / 0–15%;
        // Low monthly–every 6 months / 1–6 months / 1 week–1 month / 46–60%.
        case (.y2019, .deploymentFrequency): return .buckets(elite: 0...1, high: 2...2, medium: 3...3, low: 4...4)
        case (.y2019, .leadTime): return .buckets(elite: 0...1, high: 2...2, medium: 3...3, low: 4...4)
        case (.y2019, .timeToRestore): return .buckets(elite: 0...0, high: 0...1, medium: 0...1, low: 3...3)
        case (.y2019, .changeFailureRate): return .buckets(elite: 0...0, high: 0...0, medium: 0...0, low: 3...3)
        // 2021: Elite on demand / < 1 hour / < 1 hour / 0–15%; High weekly–monthly / 1 day–1 week /
        // < 1 day / 16–30%; Medium monthly–every 6 months / 1–6 months / 1 day–1 week / 16–30%;
        // Low fewer than once per 6 months / > 6 months / > 6 months / 16–30%.
        case (.y2021, .deploymentFrequency): return .buckets(elite: 0...1, high: 3...3, medium: 4...4, low: 5...5)
        case (.y2021, .leadTime): return .buckets(elite: 0...0, high: 2...2, medium: 4...4, low: 5...5)
        case (.y2021, .timeToRestore): return .buckets(elite: 0...0, high: 0...1, medium: 2...2, low: 5...5)
        case (.y2021, .changeFailureRate): return .buckets(elite: 0...0, high: 1...1, medium: 1...1, low: 1...1)
        // 2023: Elite on demand / < 1 day / < 1 hour / 5%; High daily–weekly / 1 day–1 week /
        // < 1 day / 10%; Medium weekly–monthly / 1 week–1 month / 1 day–1 week / 15%;
        // Low weekly–monthly / 1 week–1 month / 1–6 months / 64%.
        case (.y2023, .deploymentFrequency): return .buckets(elite: 0...1, high: 2...2, medium: 3...3, low: 3...3)
        case (.y2023, .leadTime): return .buckets(elite: 0...1, high: 2...2, medium: 3...3, low: 3...3)
        case (.y2023, .timeToRestore): return .buckets(elite: 0...0, high: 0...1, medium: 2...2, low: 4...4)
        case (.y2023, .changeFailureRate): return .points(elite: 0.05, high: 0.10, medium: 0.15, low: 0.64)
        }
    }

    /// The cluster of `value` for `key` in this year's table (see ``ClusterRule/cluster(of:)``).
    public func cluster(_ key: DORAKey, _ value: Double) -> DORACluster {
        rule(for: key).cluster(of: key.bucket(value), value: value)
    }
}

/// How one year's table turns a key's value into a cluster.
public enum ClusterRule: Sendable, Equatable {
    /// Each cluster's range on the six-bucket scale, as the report prints it.
    case buckets(elite: ClosedRange<Int>, high: ClosedRange<Int>, medium: ClosedRange<Int>, low: ClosedRange<Int>)
    /// Each cluster's typical value (the 2023 change failure rates 5/10/15/64%).
    case points(elite: Double, high: Double, medium: Double, low: Double)

    /// The cluster of a value in `bucket` (with `value` for point tables).
    ///
    /// Ranges: the best cluster whose range reaches at least as far down the scale as the
    /// bucket, i.e. whose worst bucket is no better than it. So a bucket inside one range gets
    /// that cluster; inside overlapping ranges, the better cluster (2019: restore < 1 day is
    /// High, not Medium); in a gap between two ranges, the worse neighbour (2021: daily–weekly
    /// deployments fall between Elite's on demand and High's weekly–monthly, and are High);
    /// beyond the worst cluster's range, the worst cluster (Low).
    ///
    /// Points: the thresholds are the midpoints between neighbouring values (7.5%, 12.5%,
    /// 39.5%); a value on a midpoint goes to the better cluster.
    public func cluster(of bucket: DORABucket, value: Double) -> DORACluster {
        switch self {
        case let .buckets(elite, high, medium, low):
            let ranges = [elite, high, medium, low]
            let index = ranges.firstIndex { bucket.rank <= $0.upperBound } ?? 3
            return DORACluster(rawValue: index)!
        case let .points(elite, high, medium, low):
            let points = [elite, high, medium, low]
            let index = (0..<3).first { value <= (points[$0] + points[$0 + 1]) / 2 } ?? 3
            return DORACluster(rawValue: index)!
        }
    }
}
