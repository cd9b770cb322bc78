import SimStats

/// What the operations area observes in one replication: incidents and restores, counted when
/// the failure began after the warm-up.
struct OperationsMetrics {
    let warmup: Double
    let timeToRestore = Tally()
    var incidents = 0
    var fixForwards = 0
    /// User-weighted hours of failure: hours × the share of users affected.
    var userImpact = 0.0

    init(warmup: Double) { self.warmup = warmup }

    mutating func incident(at now: Double) { if now >= warmup { incidents += 1 } }
    mutating func fixForwardCreated(at now: Double) { if now >= warmup { fixForwards += 1 } }

    /// Service is back `hours` after a failure, affecting every user, that began at `began`.
    mutating func restored(after hours: Double, began: Double) {
        guard began >= warmup else { return }
        timeToRestore.add(hours)
        userImpact += hours
    }

    /// A failure that began at `began` affected a share `users` of the users for `hours` (a
    /// defect caught by a canary).
    mutating func affected(users share: Double, for hours: Double, began: Double) {
        if began >= warmup { userImpact += share * hours }
    }
}

extension MetricDefinition {
    public static let timeToRestore = MetricDefinition(
        "time_to_restore_hours", unit: "h", "failure begins (failing deployment) → service restored",
        quantity: .duration, better: .lower, dora: .timeToRestore)
    public static let incidents = MetricDefinition(
        "incidents", unit: "count", "production incidents", quantity: .count, better: .lower)
    public static let userImpact = MetricDefinition(
        "user_impact_hours", unit: "h",
        "hours of failure × share of users affected, summed over the window: a failure's time to restore counts for all users, a defect a canary caught for its canary's users and duration",
        quantity: .total, better: .lower)
    public static let fixForwards = MetricDefinition(
        "fix_forwards", unit: "count", "fix-forward items created for incidents", quantity: .count, better: .lower)
}
