import DeliveryModel

/// A State of DevOps report whose cluster table results are classified against
/// (`../shared/domain/DOMAIN.md` §4).
public enum DORAYear: Int, CaseIterable, Sendable {
    case y2019 = 2019
    case y2021 = 2021
    case y2023 = 2023
    case y2024 = 2024
    /// The 2025 report dropped the clusters for per-metric benchmark bands, which are known to
    /// us only from secondary sources: keys are put in their bucket, and no band or cluster is
    /// invented (``rule(for:)`` is nil).
    case y2025 = 2025

    /// The default: the newest report with clusters.
    public static let newestWithClusters = DORAYear.y2024

    /// False for 2025: no published cluster table to classify against.
    public var hasClusters: Bool { self != .y2025 }

    /// Why a key of this year has no cluster (2025), for notes.
    public var noClustersNote: String {
        "DORA \(rawValue) publishes per-metric benchmark bands instead of clusters, and the bands are not known to us: none is shown"
    }

    /// The year's table for one key: each cluster's range of buckets (0 best … 5 worst, see
    /// ``DORAKey/bucket(_:)``), or for the 2023 and 2024 change failure rates their point
    /// values; nil for 2025 (no clusters).
    public func rule(for key: DORAKey) -> ClusterRule? {
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
        // 2024: Elite on demand / < 1 day / < 1 hour / 5%; High daily–weekly / 1 day–1 week /
        // < 1 day / 20%; Medium weekly–monthly / 1 week–1 month / < 1 day / 10%; Low monthly–every
        // 6 months / 1–6 months / 1 week–1 month / 40%. The change failure rates are not in
        // cluster order (High 20% above Medium 10%): the nearest value decides, so 10% is Medium
        // and 20% High, as the report has it.
        case (.y2024, .deploymentFrequency): return .buckets(elite: 0...1, high: 2...2, medium: 3...3, low: 4...4)
        case (.y2024, .leadTime): return .buckets(elite: 0...1, high: 2...2, medium: 3...3, low: 4...4)
        case (.y2024, .timeToRestore): return .buckets(elite: 0...0, high: 0...1, medium: 0...1, low: 3...3)
        case (.y2024, .changeFailureRate): return .points(elite: 0.05, high: 0.20, medium: 0.10, low: 0.40)
        case (.y2025, _): return nil
        }
    }

    /// The cluster of `value` for `key` in this year's table (see ``ClusterRule/cluster(of:value:)``);
    /// nil for a year without clusters.
    public func cluster(_ key: DORAKey, _ value: Double) -> DORACluster? {
        rule(for: key)?.cluster(of: key.bucket(value), value: value)
    }
}

/// How one year's table turns a key's value into a cluster.
public enum ClusterRule: Sendable, Equatable {
    /// Each cluster's range on the six-bucket scale, as the report prints it.
    case buckets(elite: ClosedRange<Int>, high: ClosedRange<Int>, medium: ClosedRange<Int>, low: ClosedRange<Int>)
    /// Each cluster's typical value (the change failure rates of 2023, 5/10/15/64%, and of
    /// 2024, 5/20/10/40%: not necessarily in cluster order).
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
    /// Points: the cluster with the nearest value; a value equally near two goes to the better
    /// cluster. The values need not be in cluster order (2024: High 20%, Medium 10%), so the
    /// thresholds are the midpoints between neighbours *by value* (2023: 7.5%, 12.5%, 39.5%;
    /// 2024: 7.5% Elite | Medium, 15% Medium | High, 30% High | Low).
    public func cluster(of bucket: DORABucket, value: Double) -> DORACluster {
        switch self {
        case let .buckets(elite, high, medium, low):
            let ranges = [elite, high, medium, low]
            let index = ranges.firstIndex { bucket.rank <= $0.upperBound } ?? 3
            return DORACluster(rawValue: index)!
        case let .points(elite, high, medium, low):
            // Clusters by value; between neighbours by value, the midpoint decides.
            let byValue = [elite, high, medium, low].enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
            for (a, b) in zip(byValue, byValue.dropFirst()) {
                let midpoint = (a.element + b.element) / 2
                if value < midpoint { return DORACluster(rawValue: a.offset)! }
                if value == midpoint { return DORACluster(rawValue: min(a.offset, b.offset))! }
            }
            return DORACluster(rawValue: byValue.last!.offset)!
        }
    }
}
