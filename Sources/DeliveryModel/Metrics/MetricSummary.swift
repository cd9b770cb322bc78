import SimStats

/// One metric across replications: its mean and Student-t interval on the scale its quantity
/// calls for (``MetricDefinition/Quantity/intervalScale``: inside [0, 1] for a share, at or
/// above 0 for a count, duration, rate or level), or why there is none.
public struct MetricSummary: Sendable, Equatable {
    public var name: String
    public var mean: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Replications that measured it.
    public var n: Int
    /// Why the interval (or the value) is missing.
    public var note: String?

    /// Summarizes the metric called `name` over `results`.
    public init(name: String, results: [ReplicationResult], level: Double = 0.95) {
        self.init(name: name, at: nil, results: results, level: level)
    }

    /// Summarizes the metric called `name`, looked for first at position `index` of each
    /// replication's metrics (where a scenario's replications all have it), then by name.
    init(name: String, at index: Int?, results: [ReplicationResult], level: Double) {
        self.name = name
        // Each replication's value read in place (no copy of its ``MetricValue``), and the
        // reason of the first that had the metric, for a metric none measured.
        var values: [Double] = []
        values.reserveCapacity(results.count)
        var found = false
        var firstReason: String?
        for i in results.indices {
            let metrics = results[i].metrics
            let k: Int
            if let index, index < metrics.count, metrics[index].name == name {
                k = index
            } else if let at = metrics.firstIndex(where: { $0.name == name }) {
                k = at
            } else {
                continue
            }
            if !found { firstReason = metrics[k].reason; found = true }
            if let value = metrics[k].value { values.append(value) }
        }
        n = values.count
        let scale = MetricRegistry.definition(of: name)?.quantity.intervalScale ?? .natural
        if let ci = ConfidenceInterval(values, level: level, scale: scale) {
            mean = ci.mean
            ciLow = ci.low
            ciHigh = ci.high
            note = values.count < results.count ? "\(results.count - values.count) replications had none" : nil
        } else if let only = values.first {
            mean = only
            note = "one replication measured it: no interval"
        } else {
            note = firstReason ?? "not measured"
        }
    }

    /// Summaries of every metric, in the order of the first replication.
    public static func all(_ results: [ReplicationResult], level: Double = 0.95) -> [MetricSummary] {
        guard let first = results.first else { return [] }
        // Replications of one scenario list their metrics in the same order: each is found at its
        // own position (one comparison per replication, not a search through every metric).
        return first.metrics.enumerated().map { MetricSummary(name: $1.name, at: $0, results: results, level: level) }
    }
}
