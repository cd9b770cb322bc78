import SimKernel
import SimStats

/// What the flow area observes in one replication after the warm-up: levels in the stages,
/// time in each stage, and each change's lead times when it reaches production.
struct FlowMetrics {
    let warmup: Double
    let stageWip: ModelArray<TimeAverage>
    var totalWip = TimeAverage()
    var inProcess = TimeAverage()
    /// Items arrived and not yet started.
    var backlog = TimeAverage()
    /// Arrival → first start, per item started.
    var backlogWait = RunningMean()
    /// Per stage (means only: plain moments, in ``ModelArray``s the handlers change in place).
    let stageEntries: ModelArray<Int>
    let residence: ModelArray<RunningMean>
    let queueWait: ModelArray<RunningMean>
    let workHours: ModelArray<RunningMean>
    /// Hours blocked at each stage (blockers lifted after the warm-up).
    let blockedHours: ModelArray<Double>
    /// Per change delivered, the share of its lead time spent blocked.
    var blockedShare = RunningMean()

    // Changes in production.
    let leadTimeForChanges = Tally(quantiles: [0.5, 0.85, 0.95])
    let leadTime = Tally(quantiles: [0.5, 0.85, 0.95])
    let cycleTime = Tally(quantiles: [0.5, 0.85, 0.95])
    var flowEfficiency = RunningMean()
    var changesDeployed = 0
    let changesByClass: ModelArray<Int>
    var reworkPasses = 0
    /// Per value-stream segment, the hours the delivered changes spent in it (their sum over
    /// segments is the sum of their lead times).
    let segmentHours: ModelArray<Double>

    // Quality: defects left by work, found on the way, and escaped to production.
    var defectsInjected = 0
    let defectsCaught: ModelArray<Int>
    var escapedDefects = 0

    init(scenario: Scenario) {
        warmup = scenario.warmup
        let stages = scenario.stages.count
        stageWip = ModelArray(repeating: TimeAverage(), count: stages)
        stageEntries = ModelArray(repeating: 0, count: stages)
        residence = ModelArray(repeating: RunningMean(), count: stages)
        queueWait = ModelArray(repeating: RunningMean(), count: stages)
        workHours = ModelArray(repeating: RunningMean(), count: stages)
        blockedHours = ModelArray(repeating: 0, count: stages)
        changesByClass = ModelArray(repeating: 0, count: scenario.demand.classes.count)
        defectsCaught = ModelArray(repeating: 0, count: stages)
        segmentHours = ModelArray(repeating: 0, count: ValueStreamSegments(stages: stages).count)
    }

    @inline(__always) func counts(_ time: Double) -> Bool { time >= warmup }

    mutating func endWarmup(at now: Double) {
        for s in stageWip.indices { stageWip[s].reset(at: now) }
        totalWip.reset(at: now)
        inProcess.reset(at: now)
        backlog.reset(at: now)
    }

    /// An item was pulled into the first stage for the first time, `waited` hours after it arrived.
    @inline(__always)
    mutating func started(at now: Double, waited: Double) {
        inProcess.add(1, at: now)
        if counts(now) { backlogWait.add(waited) }
    }

    mutating func backlogChanged(to level: Int, at now: Double) { backlog.record(Double(level), at: now) }

    mutating func reentered(at now: Double) { inProcess.add(1, at: now) }

    @inline(__always)
    mutating func wipChanged(stage s: Int, to level: Int, at now: Double) {
        let w = stageWip.address(s)
        let delta = Double(level) - w.pointee.level
        w.pointee.record(Double(level), at: now)
        totalWip.add(delta, at: now)
    }

    mutating func enteredStage(_ s: Int, at now: Double) { if counts(now) { stageEntries[s] &+= 1 } }  // (at most the events handled)

    @inline(__always)
    mutating func leftStage(_ s: Int, residence time: Double, at now: Double) {
        if counts(now) { residence[s].add(time) }
    }

    mutating func workStarted(stage s: Int, wait: Double, work: Double, at now: Double) {
        guard counts(now) else { return }
        queueWait[s].add(wait)
        workHours[s].add(work)
    }

    mutating func unblocked(stage s: Int, hours: Double, at now: Double) { if counts(now) { blockedHours[s] += hours } }

    mutating func defectInjected(at now: Double) { if counts(now) { defectsInjected += 1 } }
    mutating func defectCaught(stage s: Int, at now: Double) { if counts(now) { defectsCaught[s] += 1 } }
    mutating func defectEscaped(at now: Double) { if counts(now) { escapedDefects += 1 } }

    /// A change reached production: it is no longer in process.
    mutating func leftProcess(at now: Double) { inProcess.add(-1, at: now) }

    /// A change is delivered for good, as of its last deployment; `hours[from ..< from + segments]`
    /// are its hours per value-stream segment. Inlined, so that the item's fields are read where
    /// it lies.
    @inline(__always)
    mutating func delivered(_ item: WorkItem, segmentHours hours: ModelArray<Double>, from: Int) {
        let now = item.deployed
        guard counts(now) else { return }
        changesDeployed += 1
        changesByClass[item.workClass] += 1
        reworkPasses += item.reworks
        let lead = now - item.arrival
        leadTime.add(lead)
        cycleTime.add(item.processHours)
        leadTimeForChanges.add(now - item.developmentDone)
        if lead > 0 {
            flowEfficiency.add(min(1, item.touch / lead))
            blockedShare.add(min(1, item.blocked / lead))
        }
        segmentHours.add(hours, from: from, to: 0, count: segmentHours.count)
    }
}
