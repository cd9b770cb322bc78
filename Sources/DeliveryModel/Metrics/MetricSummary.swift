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
        self.name = name
        let entries = results.compactMap { r in r.metrics.first { $0.name == name } }
        let values = entries.compactMap(\.value)
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
            note = entries.first?.reason ?? "not measured"
        }
    }

    /// Summaries of every metric, in the order of the first replication.
    public static func all(_ results: [ReplicationResult], level: Double = 0.95) -> [MetricSummary] {
        guard let first = results.first else { return [] }
        return first.metrics.map { MetricSummary(name: $0.name, results: results, level: level) }
    }
}
