import DeliveryModel

/// A scenario's four keys classified against one year's DORA clusters.
///
/// Each key's value (the mean across replications) is put in its bucket of DORA's six-bucket
/// scale and given the cluster of the year's table (``DORAYear/rule(for:)``). The overall cluster
/// is the worst of the keys' clusters: DORA's clusters are profiles over all four keys at once
/// (speed and stability together), a mean of ordinal categories has no meaning, and the worst
/// key is the one that keeps a team from the better profile — so a fast but unstable team is not
/// called Elite. A key without a value is left out and said so (see ``Key/note``): no restored
/// failures means time to restore cannot be measured, and is not held against the scenario;
/// deployment frequency always has a value (none is 0 per day, the worst bucket).
///
/// With a year whose table is not in cluster order on every key (2024's change failure rates),
/// each key still gets the cluster whose published value or range it matches
/// (``ClusterRule``), and the overall rule is unchanged. A year without clusters (2025) gives
/// each key its bucket, no cluster, and says so.
public struct DORAClassification: Sendable {
    /// One key's value, bucket and cluster, or why there is none.
    public struct Key: Sendable {
        public var key: DORAKey
        public var value: Double?
        public var bucket: DORABucket?
        public var cluster: DORACluster?
        /// Why the key has no value and was left out of the overall cluster.
        public var note: String?
    }

    public var year: DORAYear
    /// The four keys in DORA's order.
    public var keys: [Key]
    /// The worst cluster among the keys that have a value; nil if none has, or the year has no
    /// clusters.
    public var overall: DORACluster?

    /// The overall verdict rule, as reports print it.
    public static let overallRule = "the worst of the keys' clusters"
    /// The label of the overall row in tables.
    public static let overallLabel = "overall (worst key)"

    /// Classifies the values of the four keys; `value(key)` gives a key's value or nil with the
    /// reason it has none.
    public init(year: DORAYear, value: (DORAKey) -> (Double?, reason: String?)) {
        self.year = year
        keys = DORAKey.allCases.map { key in
            let (v, reason) = value(key)
            guard let v, v.isFinite else {
                return Key(key: key, value: nil, bucket: nil, cluster: nil,
                           note: "no value (\(reason ?? "not measured")): left out of the overall cluster")
            }
            return Key(key: key, value: v, bucket: key.bucket(v), cluster: year.cluster(key, v),
                       note: year.hasClusters ? nil : year.noClustersNote)
        }
        overall = keys.compactMap(\.cluster).max()
    }

    /// Classifies plain values; a missing key has no value.
    public init(year: DORAYear, values: [DORAKey: Double]) {
        self.init(year: year) { (values[$0], nil) }
    }

    /// The entry of `key`.
    public subscript(key: DORAKey) -> Key { keys.first { $0.key == key }! }
}
