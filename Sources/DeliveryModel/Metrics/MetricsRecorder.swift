import SimStats

/// Collects one replication's observations, counting only what happens after the warm-up.
struct MetricsRecorder {
    let warmup: Double
    let stageCount: Int
    let classCount: Int
    var windowStart = 0.0

    // Flow.
    var stageWip: [TimeAverage]
    var totalWip = TimeAverage()
    var inProcess = TimeAverage()
    var stageEntries: [Int]
    var residence: [Tally]
    var queueWait: [Tally]
    var workHours: [Tally]
    var personHours: [Double]
    var arrivals = 0
    var starts = 0

    // Changes in production.
    let leadTimeForChanges = Tally(quantiles: [0.5, 0.85, 0.95])
    let leadTime = Tally(quantiles: [0.5, 0.85, 0.95])
    let cycleTime = Tally(quantiles: [0.5, 0.85, 0.95])
    let flowEfficiency = Tally()
    let changesPerDeployment = Tally()
    let timeToRestore = Tally(quantiles: [0.5, 0.85])
    var changesDeployed = 0
    var changesByClass: [Int]
    var reworkPasses = 0

    // Quality and operations.
    var deployments = 0
    var failedDeployments = 0
    var rollbacks = 0
    var incidents = 0
    var defectsInjected = 0
    var defectsCaught: [Int]
    var defectsCaughtInCanary = 0
    var escapedDefects = 0
    var testRuns = 0
    var flakyReruns = 0
    var fixForwards = 0

    // ML models.
    var ml: MLMetrics

    init(scenario: Scenario) {
        warmup = scenario.warmup
        stageCount = scenario.stages.count
        classCount = scenario.demand.classes.count
        stageWip = Array(repeating: TimeAverage(), count: stageCount)
        stageEntries = Array(repeating: 0, count: stageCount)
        residence = (0..<stageCount).map { _ in Tally() }
        queueWait = (0..<stageCount).map { _ in Tally() }
        workHours = (0..<stageCount).map { _ in Tally() }
        personHours = Array(repeating: 0, count: scenario.teams.count)
        changesByClass = Array(repeating: 0, count: classCount)
        defectsCaught = Array(repeating: 0, count: stageCount)
        ml = MLMetrics(warmup: scenario.warmup)
    }

    @inline(__always) func counts(_ time: Double) -> Bool { time >= warmup }

    mutating func endWarmup(at now: Double) {
        windowStart = now
        for s in stageWip.indices { stageWip[s].reset(at: now) }
        totalWip.reset(at: now)
        inProcess.reset(at: now)
    }

    mutating func arrived(at now: Double) { if counts(now) { arrivals += 1 } }

    mutating func started(at now: Double) {
        inProcess.add(1, at: now)
        if counts(now) { starts += 1 }
    }

    mutating func reentered(at now: Double) { inProcess.add(1, at: now) }

    mutating func wipChanged(stage s: Int, to level: Int, at now: Double) {
        let delta = Double(level) - stageWip[s].level
        stageWip[s].record(Double(level), at: now)
        totalWip.add(delta, at: now)
    }

    mutating func enteredStage(_ s: Int, at now: Double) { if counts(now) { stageEntries[s] += 1 } }

    mutating func leftStage(_ s: Int, residence time: Double, at now: Double) {
        if counts(now) { residence[s].add(time) }
    }

    mutating func workStarted(stage s: Int, wait: Double, work: Double, at now: Double) {
        guard counts(now) else { return }
        queueWait[s].add(wait)
        workHours[s].add(work)
    }

    mutating func personHours(team: Int, _ hours: Double, at now: Double) {
        if counts(now) { personHours[team] += hours }
    }

    mutating func defectInjected(at now: Double) { if counts(now) { defectsInjected += 1 } }
    mutating func defectCaught(stage s: Int, at now: Double) { if counts(now) { defectsCaught[s] += 1 } }
    mutating func defectCaughtInCanary(at now: Double) { if counts(now) { defectsCaughtInCanary += 1 } }
    mutating func defectEscaped(at now: Double) { if counts(now) { escapedDefects += 1 } }
    mutating func testRun(at now: Double) { if counts(now) { testRuns += 1 } }
    mutating func flakyRerun(at now: Double) { if counts(now) { flakyReruns += 1 } }
    mutating func fixForwardCreated(at now: Double) { if counts(now) { fixForwards += 1 } }
    mutating func rollback(at now: Double) { if counts(now) { rollbacks += 1 } }
    mutating func incident(at now: Double) { if counts(now) { incidents += 1 } }
    mutating func failedDeployment(at now: Double) { if counts(now) { failedDeployments += 1 } }

    mutating func deployed(changes: Int, at now: Double) {
        guard counts(now) else { return }
        deployments += 1
        changesPerDeployment.add(Double(changes))
    }

    mutating func restored(after hours: Double, began: Double) {
        if counts(began) { timeToRestore.add(hours) }
    }

    mutating func changeDeployed(_ item: WorkItem, workClass: Int, at now: Double) {
        inProcess.add(-1, at: now)
        guard counts(now) else { return }
        changesDeployed += 1
        changesByClass[workClass] += 1
        reworkPasses += item.reworks
        let lead = now - item.arrival
        leadTime.add(lead)
        cycleTime.add(now - item.start)
        leadTimeForChanges.add(now - item.developmentDone)
        if lead > 0 { flowEfficiency.add(min(1, item.touch / lead)) }
    }
}
