import SimStats

/// What the operations area observes in one replication: incidents and restores, counted when
/// the failure began after the warm-up.
struct OperationsMetrics {
    let warmup: Double
    let timeToRestore = Tally()
    var incidents = 0
    var fixForwards = 0

    init(warmup: Double) { self.warmup = warmup }

    mutating func incident(at now: Double) { if now >= warmup { incidents += 1 } }
    mutating func fixForwardCreated(at now: Double) { if now >= warmup { fixForwards += 1 } }

    /// Service is back `hours` after a failure that began at `began`.
    mutating func restored(after hours: Double, began: Double) {
        if began >= warmup { timeToRestore.add(hours) }
    }
}

extension MetricDefinition {
    public static let timeToRestore = MetricDefinition(
        "time_to_restore_hours", unit: "h", "failure begins (failing deployment) → service restored",
        quantity: .duration, better: .lower, dora: .timeToRestore)
    public static let incidents = MetricDefinition(
        "incidents", unit: "count", "production incidents", quantity: .count, better: .lower)
    public static let fixForwards = MetricDefinition(
        "fix_forwards", unit: "count", "fix-forward items created for incidents", quantity: .count, better: .lower)
}
