import DequeModule
import HeapModule
import SimKernel
import SimRandom
import SimStats

/// The delivery organization as a simulation model: one replication of a ``Scenario``.
///
/// Reads like the value stream it models: work arrives and waits in a backlog; it is pulled
/// into the first stage when the WIP limit allows; in each stage a person of the stage's team
/// works it in calendar hours, then the stage's test suites run; a found defect sends the item
/// back for rework; finished items wait for a release, pass approval, and are deployed; escaped
/// defects cause incidents, which are restored by rollback or by a fix-forward item.
struct Organization: SimulationModel {
    enum Event {
        case arrival
        case handoffDone(item: Int32)
        case workDone(item: Int32)
        case testDone(item: Int32)
        case taskDone(team: Int32, task: Task)
        case releaseTrain
        case approvalDone(release: Int32)
        case deployDone(release: Int32)
        case canaryDone(release: Int32)
        case rollbackDone(release: Int32)
        case incidentNoticed(incident: Int32)
        case restoreDone(incident: Int32)
        case warmupEnd
        case flowSnapshot
        // ML models in production.
        case modelShift(model: Int32)
        case modelCrosses(model: Int32, epoch: Int32)
        case modelNoticed(model: Int32, episode: Int32)
        case falseAlarm(model: Int32)
        case retrainScheduled(model: Int32)
        case trainingDone(model: Int32)
        case modelCanaryDone(model: Int32)
        case modelHandoffDone(model: Int32)
        case pipelineChange
    }

    let scenario: Scenario
    let options: RunOptions
    let streams: Streams
    let mlStreams: MLStreams
    let calendar: WorkCalendar
    let suitesAt: [[Int]]
    let deployTeam: Int
    let classShares: [Double]
    let fixClass: Int

    // Items and their pre-drawn first-pass work and defect draws (common random numbers).
    var items: [WorkItem] = []
    var freeSlots: [Int32] = []
    var firstWork: [Double] = []
    var firstDefect: [Double] = []

    // Stages.
    var wip: [Int]
    var blocked: [Heap<Waiting>]
    var waitOrder: UInt64 = 0

    // Teams: people as server pools of tasks.
    var teams: [ServerPool<Task>]

    // Release and deployment.
    var ready: Deque<Int32> = []
    var releases: [ReleaseBatch] = []
    var deployQueue: Deque<Int32> = []
    var deploying = false
    var incidents: [Incident] = []
    // Slots of finished releases and restored incidents, reused so memory does not grow with the horizon.
    var freeReleases: [Int32] = []
    var freeIncidents: [Int32] = []

    // ML models in production.
    var fleet: [ServingModel] = []
    var pipelineBroken = false
    var repairing = false
    var waitingForRepair: Set<Int> = []

    var metrics: MetricsRecorder
    /// Work items that arrived, warm-up included.
    var arrivals = 0
    /// Passes into the value stream from outside it (first starts, and changes coming back from
    /// a canary or a revert), and changes in production, warm-up included: for flow snapshots.
    var started = 0
    var deployedChanges = 0
    /// Items created so far (their ids).
    var created = 0
    var flow: [FlowSnapshot] = []
    var itemRecords: [ItemRecord] = []

    init(scenario: Scenario, replication: Int, options: RunOptions = RunOptions()) {
        // A private copy of the scenario's arrays: replications on other threads would otherwise
        // share (and atomically reference-count) the same buffers on every access.
        var own = scenario
        own.stages = scenario.stages.map { $0 }
        own.tests = scenario.tests.map { $0 }
        own.teams = scenario.teams.map { $0 }
        own.demand.classes = scenario.demand.classes.map { $0 }
        self.scenario = own
        self.options = options
        streams = Streams(scenario: scenario, replication: replication)
        mlStreams = MLStreams(scenario: scenario, replication: replication)
        calendar = scenario.calendar
        suitesAt = scenario.stages.indices.map { s in scenario.tests.indices.filter { scenario.tests[$0].stage == s } }
        deployTeam = scenario.deploy.team ?? scenario.stages[scenario.stages.count - 1].team
        var cumulative = 0.0
        classShares = scenario.demand.classes.map { cumulative += $0.share; return cumulative }
        fixClass = scenario.demand.classes.indices.max { a, b in
            let x = scenario.demand.classes[a], y = scenario.demand.classes[b]
            return (x.skipsWipLimits ? 1 : 0, x.priority) < (y.skipsWipLimits ? 1 : 0, y.priority)
        } ?? 0
        wip = Array(repeating: 0, count: scenario.stages.count)
        blocked = Array(repeating: Heap(), count: scenario.stages.count)
        teams = scenario.teams.map { ServerPool(servers: $0.people, discipline: .priority) }
        metrics = MetricsRecorder(scenario: scenario)
    }

    /// Schedules the first events of the replication.
    mutating func start(_ simulation: inout Simulation<Event>) {
        simulation.schedule(.arrival, after: scenario.demand.arrivals.duration(streams.arrivals))
        if scenario.warmup > 0 { simulation.schedule(.warmupEnd, at: scenario.warmup) }
        if case .scheduled(let every) = scenario.release.policy { simulation.schedule(.releaseTrain, after: every) }
        if options.flowInterval != nil { simulation.schedule(.flowSnapshot, at: 0) }
        startML(&simulation)
    }

    mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
        let now = simulation.now
        switch event {
        case .arrival:
            simulation.schedule(.arrival, after: scenario.demand.arrivals.duration(streams.arrivals))
            let item = newItem(workClass: drawClass(), at: now)
            arrivals += 1
            metrics.arrived(at: now)
            offer(item, to: 0, &simulation)
        case .handoffDone(let item):
            queueForWork(item, &simulation)
        case .workDone(let item):
            finishWork(item, &simulation)
        case .testDone(let item):
            finishTest(item, &simulation)
        case .taskDone(let team, let task):
            finishTask(task, team: Int(team), &simulation)
        case .releaseTrain:
            if case .scheduled(let every) = scenario.release.policy { simulation.schedule(.releaseTrain, after: every) }
            cutRelease(count: ready.count, &simulation)
        case .approvalDone(let release):
            enqueueDeploy(release, &simulation)
        case .deployDone(let release):
            finishDeploy(release, &simulation)
        case .canaryDone(let release):
            finishCanary(release, &simulation)
        case .rollbackDone(let release):
            finishRollback(release, &simulation)
        case .incidentNoticed(let incident):
            noticeIncident(incident, &simulation)
        case .restoreDone(let incident):
            restored(incident, &simulation)
        case .flowSnapshot:
            if let interval = options.flowInterval { simulation.schedule(.flowSnapshot, after: interval) }
            takeSnapshot(at: now)
        case .warmupEnd:
            metrics.endWarmup(at: now)
            for t in teams.indices { teams[t].resetStatistics(at: now) }
        case .modelShift, .modelCrosses, .modelNoticed, .falseAlarm, .retrainScheduled, .trainingDone,
             .modelCanaryDone, .modelHandoffDone, .pipelineChange:
            handleML(event, &simulation)
        }
    }

    // MARK: Items

    mutating func drawClass() -> Int {
        let u = streams.workClass.uniform()
        return classShares.firstIndex { u < $0 } ?? (classShares.count - 1)
    }

    /// A new work item. Code items take their first-pass work and defect draws from the stages'
    /// streams in arrival order; other items (ML pipeline changes, model artifacts) from their
    /// own streams, so that adding them does not disturb the code items' common random numbers.
    mutating func newItem(workClass: Int, at now: Double, code: Bool = true) -> Int32 {
        let c = scenario.demand.classes[workClass]
        created += 1
        let item = WorkItem(id: created, workClass: workClass, priority: c.priority, arrival: now, skipsWipLimits: c.skipsWipLimits)
        let n = scenario.stages.count
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            items[Int(slot)] = item
        } else {
            slot = Int32(items.count)
            items.append(item)
            firstWork.append(contentsOf: repeatElement(0, count: n))
            firstDefect.append(contentsOf: repeatElement(0, count: n))
        }
        // First-pass work sizes and defect draws, in arrival order: two scenarios that differ
        // only in policy give the same item the same work.
        let base = Int(slot) * n
        for s in 0..<n {
            firstWork[base + s] = scenario.stages[s].work?.duration(code ? streams.work[s] : mlStreams.pipelineWork) ?? 0
            firstDefect[base + s] = (code ? streams.defects[s] : mlStreams.pipelineDefects).uniform()
        }
        return slot
    }

    mutating func release(_ item: Int32) {
        freeSlots.append(item)
    }

    // MARK: The value stream

    /// Offers `item` to stage `s`: it enters if the WIP limit allows (or it skips limits),
    /// else it waits — in the backlog for the first stage, finished in stage s − 1 otherwise.
    mutating func offer(_ item: Int32, to s: Int, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        if items[i].skipsWipLimits || hasRoom(s) {
            if s > 0 { leave(item, stage: s - 1, &simulation) }
            enter(item, stage: s, &simulation)
        } else {
            blocked[s].insert(Waiting(priority: items[i].priority, order: waitOrder, item: item))
            waitOrder &+= 1
        }
    }

    func hasRoom(_ s: Int) -> Bool {
        guard let limit = scenario.stages[s].wipLimit else { return true }
        return wip[s] < limit
    }

    mutating func enter(_ item: Int32, stage s: Int, _ simulation: inout Simulation<Event>) {
        let i = Int(item), now = simulation.now
        wip[s] += 1
        metrics.wipChanged(stage: s, to: wip[s], at: now)
        if s == 0 && items[i].start < 0 {
            items[i].start = now
            metrics.started(at: now)
            started += 1
        }
        items[i].stage = s
        items[i].stageEntered = now
        metrics.enteredStage(s, at: now)
        if let handoff = scenario.stages[s].handoff {
            simulation.schedule(.handoffDone(item: item), after: handoff.duration(streams.handoff[s]))
        } else {
            queueForWork(item, &simulation)
        }
    }

    /// Takes `item` out of stage `s` and lets waiting items in.
    mutating func leave(_ item: Int32, stage s: Int, _ simulation: inout Simulation<Event>) {
        let i = Int(item), now = simulation.now
        wip[s] -= 1
        metrics.wipChanged(stage: s, to: wip[s], at: now)
        metrics.leftStage(s, residence: now - items[i].stageEntered, at: now)
        pull(into: s, &simulation)
    }

    /// Lets blocked items into stage `s` while its WIP limit allows.
    mutating func pull(into s: Int, _ simulation: inout Simulation<Event>) {
        while hasRoom(s), let next = blocked[s].popMin() {
            if s > 0 { leave(next.item, stage: s - 1, &simulation) }
            enter(next.item, stage: s, &simulation)
        }
    }

    mutating func queueForWork(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), s = items[i].stage
        guard scenario.stages[s].work != nil else {
            afterWork(item, &simulation)
            return
        }
        items[i].queued = simulation.now
        assign(.stageWork(item: item, stage: Int32(s)), team: scenario.stages[s].team, priority: items[i].priority, &simulation)
    }

    mutating func finishWork(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), s = items[i].stage
        let stage = scenario.stages[s]
        // Development may leave a latent defect; a review may find one.
        let u = items[i].reworking ? streams.reworkDefects[s].uniform() : firstDefect[Int(item) * scenario.stages.count + s]
        if u < stage.defectProbability.duration(streams.probabilities) {
            items[i].latentDefect = true
            metrics.defectInjected(at: simulation.now)
        }
        if s == 0 { items[i].developmentDone = simulation.now }
        if items[i].latentDefect && streams.detection[s].uniform() < stage.detection.duration(streams.probabilities) {
            rework(item, caughtAt: s, &simulation)
            return
        }
        afterWork(item, &simulation)
    }

    /// Starts the stage's test suites, in file order, or moves on.
    mutating func afterWork(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        let suites = suitesAt[items[i].stage]
        if let first = suites.first {
            items[i].suite = first
            runSuite(item, &simulation)
        } else {
            stageDone(item, &simulation)
        }
    }

    mutating func runSuite(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), k = items[i].suite
        let suite = scenario.tests[k]
        if suite.manual {
            items[i].queued = simulation.now
            assign(.manualTest(item: item, suite: Int32(k)), team: scenario.stages[suite.stage].team, priority: items[i].priority, &simulation)
        } else {
            simulation.schedule(.testDone(item: item), after: suite.duration.duration(streams.testDuration[k]))
        }
    }

    mutating func finishTest(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), k = items[i].suite
        let suite = scenario.tests[k]
        metrics.testRun(at: simulation.now)
        if items[i].latentDefect && streams.testDetection[k].uniform() < suite.detection.duration(streams.probabilities) {
            rework(item, caughtAt: items[i].stage, &simulation)
            return
        }
        if streams.flaky[k].uniform() < suite.flaky.duration(streams.probabilities) {
            metrics.flakyRerun(at: simulation.now)
            runSuite(item, &simulation)
            return
        }
        let suites = suitesAt[items[i].stage]
        if let position = suites.firstIndex(of: k), position + 1 < suites.count {
            items[i].suite = suites[position + 1]
            runSuite(item, &simulation)
        } else {
            items[i].suite = -1
            stageDone(item, &simulation)
        }
    }

    /// A found defect: the item goes back to the first stage for rework, past its WIP limit
    /// (rework cannot wait behind new work without risking deadlock), and through every stage again.
    mutating func rework(_ item: Int32, caughtAt s: Int, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        metrics.defectCaught(stage: s, at: simulation.now)
        items[i].latentDefect = false
        items[i].reworking = true
        items[i].reworks += 1
        items[i].suite = -1
        leave(item, stage: s, &simulation)
        enter(item, stage: 0, &simulation)
    }

    mutating func stageDone(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let s = items[Int(item)].stage
        if s + 1 < scenario.stages.count {
            offer(item, to: s + 1, &simulation)
        } else {
            leave(item, stage: s, &simulation)
            readyForRelease(item, &simulation)
        }
    }

    // MARK: People

    /// Gives `task` to a person of `team`, who starts now if free.
    mutating func assign(_ task: Task, team: Int, priority: Int, _ simulation: inout Simulation<Event>) {
        if let started = teams[team].arrive(task, priority: priority, at: simulation.now) {
            begin(started, team: team, &simulation)
        }
    }

    /// A person of `team` begins `task` now; it ends after its working hours in the calendar.
    mutating func begin(_ task: Task, team: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let hours: Double
        switch task {
        case .stageWork(let item, let stage):
            let i = Int(item), s = Int(stage)
            let stageSpec = scenario.stages[s]
            if items[i].reworking {
                hours = stageSpec.reworkFraction * (stageSpec.work?.duration(streams.rework[s]) ?? 0)
            } else {
                hours = firstWork[i * scenario.stages.count + s]
            }
            items[i].touch += hours
            metrics.workStarted(stage: s, wait: now - items[i].queued, work: hours, at: now)
        case .manualTest(let item, let suite):
            let k = Int(suite)
            hours = scenario.tests[k].duration.duration(streams.testDuration[k])
            items[Int(item)].touch += hours
        case .deploy:
            hours = scenario.deploy.duration.duration(streams.deployDuration)
        case .rollbackDeploy, .restore:
            hours = scenario.deploy.rollback.duration.duration(streams.rollbackDuration)
        case .retrain:
            hours = scenario.ml?.retraining.duration.duration(mlStreams.training) ?? 0
        case .pipelineDeploy:
            hours = scenario.deploy.duration.duration(streams.deployDuration)
        case .pipelineRepair:
            hours = scenario.ml?.pipelineChanges?.repair.duration(mlStreams.repair) ?? 0
        }
        metrics.personHours(team: team, hours, at: now)
        simulation.schedule(.taskDone(team: Int32(team), task: task), at: calendar.finish(start: now, work: hours))
    }

    mutating func finishTask(_ task: Task, team: Int, _ simulation: inout Simulation<Event>) {
        if let next = teams[team].depart(at: simulation.now) { begin(next, team: team, &simulation) }
        switch task {
        case .stageWork(let item, _): finishWork(item, &simulation)
        case .manualTest(let item, _): finishTest(item, &simulation)
        case .deploy(let release): finishDeploy(release, &simulation)
        case .rollbackDeploy(let release): finishRollback(release, &simulation)
        case .restore(let incident): restored(incident, &simulation)
        case .retrain(let model): trainingDone(Int(model), &simulation)
        case .pipelineDeploy: pipelineDeployed(&simulation)
        case .pipelineRepair: pipelineRepaired(&simulation)
        }
    }

    // MARK: Release

    mutating func readyForRelease(_ item: Int32, _ simulation: inout Simulation<Event>) {
        if items[Int(item)].fixesIncident >= 0 {
            // A fix-forward is a hotfix: it goes out on its own, whatever the release policy.
            startRelease([item], &simulation)
            return
        }
        ready.append(item)
        switch scenario.release.policy {
        case .continuous: cutRelease(count: ready.count, &simulation)
        case .batch(let size): if ready.count >= size { cutRelease(count: size, &simulation) }
        case .scheduled: break
        }
    }

    mutating func cutRelease(count: Int, _ simulation: inout Simulation<Event>) {
        guard count > 0 else { return }
        var batch: [Int32] = []
        batch.reserveCapacity(count)
        for _ in 0..<count { batch.append(ready.removeFirst()) }
        startRelease(batch, &simulation)
    }

    mutating func startRelease(_ batch: [Int32], _ simulation: inout Simulation<Event>) {
        for item in batch { items[Int(item)].released = simulation.now }
        let release = newRelease(batch, at: simulation.now)
        if let approval = scenario.release.approval {
            simulation.schedule(.approvalDone(release: release), after: approval.duration(streams.approval))
        } else {
            enqueueDeploy(release, &simulation)
        }
    }

    mutating func newRelease(_ batch: [Int32], at now: Double) -> Int32 {
        let value = ReleaseBatch(items: batch, created: now)
        if let slot = freeReleases.popLast() {
            releases[Int(slot)] = value
            return slot
        }
        releases.append(value)
        return Int32(releases.count - 1)
    }

    mutating func newIncident(_ value: Incident) -> Int32 {
        if let slot = freeIncidents.popLast() {
            incidents[Int(slot)] = value
            return slot
        }
        incidents.append(value)
        return Int32(incidents.count - 1)
    }

    // MARK: Deployment

    /// One deployment at a time goes through the pipeline; the others queue.
    mutating func enqueueDeploy(_ release: Int32, _ simulation: inout Simulation<Event>) {
        deployQueue.append(release)
        startNextDeploy(&simulation)
    }

    mutating func startNextDeploy(_ simulation: inout Simulation<Event>) {
        guard !deploying, let release = deployQueue.popFirst() else { return }
        deploying = true
        if scenario.deploy.automated {
            simulation.schedule(.deployDone(release: release), after: scenario.deploy.duration.duration(streams.deployDuration))
        } else {
            assign(.deploy(release: release), team: deployTeam, priority: TaskPriority.deploy, &simulation)
        }
    }

    mutating func finishDeploy(_ release: Int32, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let batch = releases[Int(release)].items
        metrics.deployed(changes: batch.count, at: now)
        if streams.deployFailure.uniform() < scenario.deploy.failureProbability.duration(streams.probabilities) {
            // The deployment itself fails (environment, configuration): users are affected until
            // it is rolled back; then the same changes are deployed again.
            metrics.failedDeployment(at: now)
            releases[Int(release)].failedAt = now
            startRollback(release, &simulation)
            return
        }
        if let canary = scenario.deploy.canary {
            simulation.schedule(.canaryDone(release: release), after: canary.duration.duration(streams.canary))
            return
        }
        complete(release, &simulation)
    }

    mutating func startRollback(_ release: Int32, _ simulation: inout Simulation<Event>) {
        metrics.rollback(at: simulation.now)
        if scenario.deploy.rollback.automated {
            simulation.schedule(.rollbackDone(release: release), after: scenario.deploy.rollback.duration.duration(streams.rollbackDuration))
        } else {
            assign(.rollbackDeploy(release: release), team: deployTeam, priority: TaskPriority.restore, &simulation)
        }
    }

    mutating func finishRollback(_ release: Int32, _ simulation: inout Simulation<Event>) {
        let failedAt = releases[Int(release)].failedAt
        metrics.restored(after: simulation.now - failedAt, began: failedAt)
        deploying = false
        // Deploy the same changes again, ahead of anything queued.
        deployQueue.prepend(release)
        startNextDeploy(&simulation)
    }

    /// The canary serves a fraction of users; each escaped defect it carries shows with the
    /// canary's detection probability. If any shows, the release is pulled before it reaches
    /// everyone: the found items go back for rework, and the rest is deployed again at once
    /// without them (no new approval).
    mutating func finishCanary(_ release: Int32, _ simulation: inout Simulation<Event>) {
        guard let canary = scenario.deploy.canary else { return }
        let batch = releases[Int(release)].items
        var caught: [Int32] = []
        for item in batch where items[Int(item)].latentDefect {
            if streams.canaryDetection.uniform() < canary.detection.duration(streams.probabilities) { caught.append(item) }
        }
        guard !caught.isEmpty else {
            complete(release, &simulation)
            return
        }
        metrics.rollback(at: simulation.now)
        deploying = false
        for item in caught {
            metrics.defectCaughtInCanary(at: simulation.now)
            items[Int(item)].latentDefect = false
            items[Int(item)].reworking = true
            items[Int(item)].reworks += 1
            metrics.reentered(at: simulation.now)
            started += 1
            enter(item, stage: 0, &simulation)
        }
        let rest = batch.filter { !caught.contains($0) }
        freeReleases.append(release)
        if !rest.isEmpty {
            deployQueue.prepend(newRelease(rest, at: simulation.now))
        }
        startNextDeploy(&simulation)
    }

    /// The release runs in production: its changes are done; escaped defects may cause incidents.
    mutating func complete(_ release: Int32, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let batch = releases[Int(release)].items
        var causedIncident = false
        for item in batch {
            let i = Int(item)
            let itemState = items[i]
            guard itemState.isCode else {
                modelArtifactDeployed(itemState.model, &simulation)
                self.release(item)
                continue
            }
            metrics.changeDeployed(itemState, workClass: itemState.workClass, at: now)
            deployedChanges += 1
            if itemState.fixesIncident >= 0 {
                let incident = Int(itemState.fixesIncident)
                incidents[incident].restored = true
                metrics.restored(after: now - incidents[incident].began, began: incidents[incident].began)
                freeIncidents.append(itemState.fixesIncident)
            }
            var keep = false
            if itemState.latentDefect && itemState.pipelineChange {
                // An escaped defect in the training pipeline breaks retraining, not the product.
                metrics.defectEscaped(at: now)
                breakPipeline(at: now)
            } else if itemState.latentDefect {
                metrics.defectEscaped(at: now)
                if streams.incidents.uniform() < scenario.operations.incidentProbability.duration(streams.probabilities) {
                    causedIncident = true
                    keep = true
                    let incident = newIncident(Incident(item: item, began: now))
                    metrics.incident(at: now)
                    simulation.schedule(.incidentNoticed(incident: incident), after: scenario.operations.detection.duration(streams.incidentDetection))
                }
            }
            if !keep { self.release(item) }
            if options.recordItems { record(itemState, deployed: now, incident: keep) }
        }
        if causedIncident { metrics.failedDeployment(at: now) }
        freeReleases.append(release)
        deploying = false
        startNextDeploy(&simulation)
    }

    // MARK: Records

    mutating func takeSnapshot(at now: Double) {
        let inStages = wip.reduce(0, +)
        let inProduction = deployedChanges
        flow.append(FlowSnapshot(
            day: Int((now / 24).rounded()), arrivals: arrivals, backlog: blocked[0].count, inStage: wip,
            awaitingRelease: max(0, started - inStages - inProduction), done: inProduction))
    }

    mutating func record(_ item: WorkItem, deployed: Double, incident: Bool) {
        itemRecords.append(ItemRecord(
            id: item.id, workClass: scenario.demand.classes[item.workClass].name, arrival: item.arrival, start: item.start,
            developmentDone: item.developmentDone, released: item.released, deployed: deployed, reworks: item.reworks,
            escapedDefect: item.latentDefect, incident: incident))
    }

    // MARK: Operations

    mutating func noticeIncident(_ incident: Int32, _ simulation: inout Simulation<Event>) {
        switch scenario.operations.restore {
        case .rollback:
            metrics.rollback(at: simulation.now)
            if scenario.deploy.rollback.automated {
                simulation.schedule(.restoreDone(incident: incident), after: scenario.deploy.rollback.duration.duration(streams.rollbackDuration))
            } else {
                assign(.restore(incident: incident), team: deployTeam, priority: TaskPriority.restore, &simulation)
            }
        case .fixForward:
            // The defective change stays; a fix flows through the value stream as expedite work.
            let original = incidents[Int(incident)].item
            release(original)
            let fix = newItem(workClass: fixClass, at: simulation.now)
            items[Int(fix)].fixesIncident = incident
            items[Int(fix)].skipsWipLimits = true
            items[Int(fix)].priority = TaskPriority.deploy - 1
            items[Int(fix)].reworking = true
            metrics.fixForwardCreated(at: simulation.now)
            offer(fix, to: 0, &simulation)
        }
    }

    /// Service is back after a rollback (revert) of the defective change, which returns to
    /// development for rework.
    mutating func restored(_ incident: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(incident)
        incidents[i].restored = true
        metrics.restored(after: simulation.now - incidents[i].began, began: incidents[i].began)
        let item = incidents[i].item
        freeIncidents.append(incident)
        items[Int(item)].latentDefect = false
        items[Int(item)].reworking = true
        items[Int(item)].reworks += 1
        items[Int(item)].released = -1
        metrics.reentered(at: simulation.now)
        started += 1  // a reverted change re-enters the flow; `done` stays cumulative (a CFD never falls)
        enter(item, stage: 0, &simulation)
    }
}

/// An item waiting to enter a stage: higher priority first, then first come, first served.
struct Waiting: Comparable {
    let priority: Int
    let order: UInt64
    let item: Int32
    static func < (a: Waiting, b: Waiting) -> Bool { a.priority > b.priority || (a.priority == b.priority && a.order < b.order) }
    static func == (a: Waiting, b: Waiting) -> Bool { a.order == b.order }
}
