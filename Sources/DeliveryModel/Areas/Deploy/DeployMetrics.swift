import SimStats

/// What the deploy area observes in one replication after the warm-up.
struct DeployMetrics {
    let warmup: Double
    let changesPerDeployment = Tally()
    var deployments = 0
    var failedDeployments = 0
    var rollbacks = 0
    var defectsCaughtInCanary = 0
    /// Fix-forwards (hotfixes: unplanned, for a user-facing failure) that reached production.
    var reworkDeployments = 0

    init(warmup: Double) { self.warmup = warmup }

    @inline(__always) func counts(_ time: Double) -> Bool { time >= warmup }

    mutating func deployed(changes: Int, at now: Double) {
        guard counts(now) else { return }
        deployments += 1
        changesPerDeployment.add(Double(changes))
    }

    mutating func failedDeployment(at now: Double) { if counts(now) { failedDeployments += 1 } }
    mutating func rollback(at now: Double) { if counts(now) { rollbacks += 1 } }
    mutating func reworkDeployed(at now: Double) { if counts(now) { reworkDeployments += 1 } }
    mutating func defectCaughtInCanary(at now: Double) { if counts(now) { defectsCaughtInCanary += 1 } }
}
