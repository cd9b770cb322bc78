import DeliveryModel

/// DORA's answer scale for each key (the key itself is declared with the metrics, in DeliveryModel).
extension DORAKey {
    /// The bucket of DORA's six-bucket answer scale that holds `value` (the metric in its own
    /// unit: deployments per day, hours, or a share in [0, 1]).
    ///
    /// DORA's survey asks each key on a six-answer ordinal scale; a simulated value is put on the
    /// same scale before it is classified. Each edge belongs to the bucket whose wording includes
    /// it, and the wording is read literally:
    ///
    /// - deployment frequency f (per calendar day; a month is 30 days, six months 180):
    ///   0 "more than hourly" f > 24 — DORA's "on demand"; 1 "multiple per day" 1 < f ≤ 24
    ///   ("between once per hour and once per day": intervals of 1 h to 1 day; also "on demand,
    ///   multiple deploys per day"); 2 "daily to weekly" 1/7 ≤ f ≤ 1; 3 "weekly to monthly"
    ///   1/30 ≤ f < 1/7; 4 "monthly to every 6 months" 1/180 ≤ f < 1/30; 5 "less than every
    ///   6 months" f < 1/180 (no deployments at all included). Exactly once a day is not
    ///   "multiple per day" and exactly once an hour not "more than hourly"; an edge shared by two
    ///   "between … and …" answers goes to the better one (once a week is "daily to weekly").
    /// - lead time for changes and time to restore t (hours): 0 "< 1 hour" t < 1; 1 "1 hour to
    ///   1 day" 1 ≤ t < 24; 2 "1 day to 1 week" 24 ≤ t < 168; 3 "1 week to 1 month" 168 ≤ t < 720;
    ///   4 "1 to 6 months" 720 ≤ t < 4320; 5 "> 6 months" t ≥ 4320 ("less than one hour" excludes
    ///   the hour itself, so an edge value goes up a bucket).
    /// - change failure rate r: 0 "0-15%" r ≤ 0.15; 1 "16-30%" r ≤ 0.30; 2 "31-45%" r ≤ 0.45;
    ///   3 "46-60%" r ≤ 0.60; 4 "61-75%" r ≤ 0.75; 5 "76-100%" (DORA's integer answers, read as
    ///   half-open ranges closed above: 15% is in 0–15%, 15.1% in 16–30%).
    public func bucket(_ value: Double) -> DORABucket {
        let edges = Self.edges[self]!
        let rank: Int
        switch self {
        case .deploymentFrequency:
            // "More than hourly" and "multiple per day" exclude their lower edge; the
            // "between … and …" buckets include both ends, and an edge goes to the better one.
            rank = edges.indices.first { k in k < 2 ? value > edges[k] : value >= edges[k] } ?? 5
        case .leadTime, .timeToRestore: rank = edges.firstIndex { value < $0 } ?? 5
        case .changeFailureRate: rank = edges.firstIndex { value <= $0 } ?? 5
        }
        return DORABucket(key: self, rank: rank)
    }

    /// The five edges between the six buckets, best bucket first (see ``bucket(_:)``).
    static let edges: [DORAKey: [Double]] = [
        .deploymentFrequency: [24, 1, 1.0 / 7, 1.0 / 30, 1.0 / 180],
        .leadTime: [1, 24, 168, 720, 4320],
        .timeToRestore: [1, 24, 168, 720, 4320],
        .changeFailureRate: [0.15, 0.30, 0.45, 0.60, 0.75],
    ]

    /// A short name for tables.
    public var title: String {
        switch self {
        case .deploymentFrequency: return "deployment frequency"
        case .leadTime: return "lead time for changes"
        case .changeFailureRate: return "change failure rate"
        case .timeToRestore: return "time to restore"
        }
    }
}

/// One answer of DORA's six-bucket scale for one key; rank 0 is the best, 5 the worst.
public struct DORABucket: Hashable, Sendable, CustomStringConvertible {
    public let key: DORAKey
    public let rank: Int

    public init(key: DORAKey, rank: Int) {
        precondition((0...5).contains(rank), "a DORA bucket rank is 0...5")
        self.key = key
        self.rank = rank
    }

    /// The bucket's label (ASCII, as in JSON and CSV).
    public var label: String {
        switch key {
        case .deploymentFrequency:
            return ["more than hourly", "multiple per day", "daily to weekly", "weekly to monthly",
                    "monthly to every 6 months", "less than every 6 months"][rank]
        case .leadTime, .timeToRestore:
            return ["< 1 hour", "1 hour to 1 day", "1 day to 1 week", "1 week to 1 month", "1 to 6 months", "> 6 months"][rank]
        case .changeFailureRate:
            return ["0-15%", "16-30%", "31-45%", "46-60%", "61-75%", "76-100%"][rank]
        }
    }

    public var description: String { label }
}

/// DORA's performance clusters, best first.
public enum DORACluster: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case elite, high, medium, low

    public static func < (a: DORACluster, b: DORACluster) -> Bool { a.rawValue < b.rawValue }

    /// `elite`, `high`, `medium`, `low` (JSON and CSV).
    public var name: String { ["elite", "high", "medium", "low"][rawValue] }
    /// `Elite`, `High`, … (tables).
    public var title: String { ["Elite", "High", "Medium", "Low"][rawValue] }
    public var description: String { name }
}
