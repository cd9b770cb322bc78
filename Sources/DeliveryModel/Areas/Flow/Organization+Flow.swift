import SimKernel

/// Flow: work arrives and waits in a backlog; it is pulled into the first stage when the WIP
/// limit allows; in each stage a person of the stage's team works it in calendar hours, then
/// the stage's test suites run; a found defect sends the item back for rework.
extension Organization {
    mutating func startFlow(_ simulation: inout Simulation<Event>) {
        if let arrivals = scenario.demand.arrivals {
            simulation.schedule(.flow(.arrival), after: arrivals.duration(flow.streams.arrivals))
        }
        simulation.schedule(.flow(.queueSample(index: 0)), at: Organization.sampleTime(0, warmup: scenario.warmup, horizon: scenario.horizon))
        // The starting backlog — the scope: classes drawn by share, then each class's own, in class order.
        for _ in 0..<scenario.demand.backlog { arrive(workClass: drawClass(), scope: true, &simulation) }
        for (c, workClass) in scenario.demand.classes.enumerated() {
            for _ in 0..<workClass.backlog { arrive(workClass: c, scope: true, &simulation) }
        }
        startAddedScope(&simulation)
    }

    /// A new work item of `workClass` joins the backlog now; `scope`: it is part of the scope
    /// (the starting backlog, or added to it).
    @inline(__always)
    mutating func arrive(workClass: Int, scope: Bool = false, added: Bool = false, grown: Bool = false, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let item = newItem(workClass: workClass, at: now, grown: grown)
        if scope { joinScope(item, added: added) }
        items[Int(item)].canSplit = !grown && scenario.demand.split != nil
        metrics.economics.arrived(workClass, at: now)
        flow.arrivals += 1
        recordStatus(item, .backlog, at: now)
        if now >= (scenario.warmup + scenario.horizon) / 2 { flow.queues.arrivalsInSecondHalf += 1 }
        offer(item, to: 0, &simulation)
    }

    /// The instant of queue sample `k` (0 ..< samples), evenly spread over the second half of the
    /// measured window. (Static: a non-mutating method of the model called from a mutating one
    /// would copy the model.)
    static func sampleTime(_ k: Int, warmup: Double, horizon: Double) -> Double {
        let middle = (warmup + horizon) / 2
        return middle + (Double(k) + 0.5) * (horizon - middle) / Double(QueueGrowth.samples)
    }

    /// Samples every queue (``QueueSamples``) and schedules the next sample.
    mutating func sampleQueues(_ k: Int, _ simulation: inout Simulation<Event>) {
        var total = flow.waiting[0].count
        for s in flow.wip.indices {
            flow.queues.add(s, k, flow.wip[s] + flow.waiting[s].count)
            total += flow.wip[s]
        }
        let n = flow.wip.count
        var queued = 0
        for r in deploy.queue { queued += release.batches[Int(r)].items.count }
        flow.queues.add(n, k, release.ready.count)
        flow.queues.add(n + 1, k, queued)
        flow.queues.add(n + 2, k, total + release.ready.count + queued)
        if k >= QueueGrowth.samples / 2 { flow.queues.add(n + 3, k, total + release.ready.count + queued) }
        if k + 1 < QueueGrowth.samples { simulation.schedule(.flow(.queueSample(index: Int32(k + 1))), at: Organization.sampleTime(k + 1, warmup: scenario.warmup, horizon: scenario.horizon)) }
    }

    mutating func handle(_ event: FlowEvent, _ simulation: inout Simulation<Event>) {
        switch event {
        case .arrival:
            if flow.stages.hasArrivals {
                simulation.schedule(.flow(.arrival), after: flow.stages.arrivals.duration(0, flow.streams.arrivals))
            }
            arrive(workClass: drawClass(), &simulation)
        case .handoffDone(let item):
            reachQueue(item, &simulation)
        case .unblocked(let item):
            unblocked(item, &simulation)
        case .scopeAdded:
            addScope(&simulation)
        case .snapshot:
            if let interval = options.flowInterval { simulation.schedule(.flow(.snapshot), after: interval) }
            takeSnapshot(at: simulation.now)
        case .queueSample(let k):
            sampleQueues(Int(k), &simulation)
        }
    }

    /// A person's hours for `task`, drawn as it begins.
    @inline(__always)
    mutating func effort(_ task: FlowTask, at now: Double) -> Double {
        switch task {
        case .stageWork(let item, let stage):
            // The item's fields through one checked address (no item is created here).
            let i = Int(item), s = Int(stage), it = items.address(i)
            let hours: Double
            let n = flow.stages.rows.count
            if it.pointee.reworking {
                let row = it.pointee.isCode ? it.pointee.workClass : flow.stages.nonCodeRow
                hours = flow.stages.rows[s].reworkFraction * flow.stages.work.duration(row &* n &+ s, flow.streams.rework, s)
            } else {
                hours = flow.firstWork[i &* n &+ s]
            }
            it.pointee.touch += hours
            mark(it, item, flow.segments.work(s), at: now)
            recordStatus(item, .work(s), at: now)
            metrics.flow.workStarted(stage: s, wait: now - it.pointee.queued, work: hours, at: now)
            return hours
        }
    }

    @inline(__always)
    mutating func finish(_ task: FlowTask, _ simulation: inout Simulation<Event>) {
        switch task {
        case .stageWork(let item, _): finishWork(item, &simulation)
        }
    }

    @inline(__always)
    mutating func drawClass() -> Int {
        let u = flow.streams.workClass.uniform()
        return flow.classShares.firstIndex { u < $0 } ?? (flow.classShares.count - 1)
    }

    /// Offers `item` to stage `s`: it enters if the WIP limit allows (or it skips limits),
    /// else it waits — in the backlog for the first stage, finished in stage s − 1 otherwise.
    @inline(__always)
    mutating func offer(_ item: Int32, to s: Int, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        if items[i].skipsWipLimits || flow.hasRoom(s) {
            move(item, from: s > 0 ? s - 1 : nil, to: s, &simulation)
        } else {
            if s > 0 { mark(item, flow.segments.queue(s), at: simulation.now) }
            flow.waiting[s].append(item, priority: items[i].priority)
            if s == 0 { metrics.flow.backlogChanged(to: flow.waiting[0].count, at: simulation.now) }
        }
    }


    /// Counts `item` under the board-wide limit of the stage it enters (if any) instead of the
    /// one it was under; returns the limit it left, or −1.
    @inline(__always)
    mutating func changeBoard(_ item: Int32, to s: Int) -> Int {
        let i = Int(item), old = items[i].board, new = flow.boardOf[s]
        guard old != new else { return -1 }
        if old >= 0 { flow.boardWip[old] -= 1 }
        if new >= 0 { flow.boardWip[new] += 1 }
        items[i].board = new
        return old
    }

    /// Takes `item` out from under its board-wide limit (it left the last stage for release);
    /// returns the limit it left, or −1.
    @inline(__always)
    mutating func leaveBoard(_ item: Int32) -> Int {
        let i = Int(item), old = items[i].board
        if old >= 0 { flow.boardWip[old] -= 1 }
        items[i].board = -1
        return old
    }

    /// Puts `item` in stage `s`; returns the board-wide limit it left by entering, or −1 (the
    /// caller pulls waiting items into that limit's first stage once the item is settled).
    @discardableResult
    mutating func enter(_ item: Int32, stage s: Int, _ simulation: inout Simulation<Event>) -> Int {
        let now = simulation.now
        let left = flow.hasBoards ? changeBoard(item, to: s) : -1
        flow.wip[s] &+= 1  // (at most the items in the replication: no overflow)
        metrics.flow.wipChanged(stage: s, to: flow.wip[s], at: now)
        // The item's fields through one checked address, up to the calls below (no item is created).
        let it = items.address(Int(item))
        if s == 0 && it.pointee.start < 0 {
            it.pointee.start = now
            it.pointee.passStart = now
            metrics.flow.started(at: now, waited: now - it.pointee.arrival)
            flow.started += 1
        }
        it.pointee.stage = s
        it.pointee.stageEntered = now
        metrics.flow.enteredStage(s, at: now)
        recordStatus(item, .queue(s), at: now)
        if flow.stages.rows[s].hasHandoff {
            mark(it, item, flow.segments.handoff(s), at: now)
            simulation.schedule(.flow(.handoffDone(item: item)), after: flow.stages.handoff.duration(s, flow.streams.handoff, s))
        } else {
            reachQueue(item, &simulation)
        }
        return left
    }

    /// Moves `item` out of stage `from` (nil: from outside the stages) into stage `to`, and
    /// only then lets waiting items into the place it freed: finishing before starting. The
    /// moving item joins its next queue before new work is pulled in, so at equal priority a
    /// person continues started work before taking new work at the same instant.
    @inline(__always)
    mutating func move(_ item: Int32, from: Int?, to s: Int, _ simulation: inout Simulation<Event>) {
        if let from { exit(item, stage: from, at: simulation.now) }
        let left = enter(item, stage: s, &simulation)
        if let from { pull(into: from, &simulation) }
        if left >= 0 { pull(into: scenario.boardLimits[left].first, &simulation) }
    }

    /// Takes `item` out of stage `s` (its place is free; nobody is pulled in yet).
    @inline(__always)
    mutating func exit(_ item: Int32, stage s: Int, at now: Double) {
        flow.wip[s] &-= 1
        metrics.flow.wipChanged(stage: s, to: flow.wip[s], at: now)
        metrics.flow.leftStage(s, residence: now - items[Int(item)].stageEntered, at: now)
    }

    /// Lets waiting items into stage `s` while its WIP limit allows. Inlined where called: most
    /// calls find nobody waiting, or no room, and that test costs less than the call.
    @inline(__always)
    mutating func pull(into s: Int, _ simulation: inout Simulation<Event>) {
        guard flow.waiting[s].count > 0, flow.hasRoom(s) else { return }
        pullWaiting(into: s, &simulation)
    }

    /// ``pull(into:_:)`` once there is an item waiting and room for it.
    @inline(never)
    mutating func pullWaiting(into s: Int, _ simulation: inout Simulation<Event>) {
        while flow.hasRoom(s), let next = flow.waiting[s].popFirst() {
            if s == 0 { metrics.flow.backlogChanged(to: flow.waiting[0].count, at: simulation.now) }
            move(next, from: s > 0 ? s - 1 : nil, to: s, &simulation)
        }
    }

    @inline(__always)
    mutating func queueForWork(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let it = items.address(Int(item)), s = it.pointee.stage
        mark(it, item, flow.segments.queue(s), at: simulation.now)
        let stage = flow.stages.rows[s]
        guard stage.hasWork else {
            afterWork(item, &simulation)
            return
        }
        it.pointee.queued = simulation.now
        assign(.flow(.stageWork(item: item, stage: Int32(truncatingIfNeeded: s))), team: stage.team, priority: it.pointee.priority, &simulation)
    }

    @inline(__always)
    mutating func finishWork(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        let s: Int, canSplit: Bool
        var latent: Bool
        do {
            // The item's fields through one checked address, before `split` may create items.
            let it = items.address(i)
            s = it.pointee.stage
            // Development may leave a latent defect; a review may find one.
            let u = it.pointee.reworking ? flow.streams.reworkDefects[s].uniform() : flow.firstDefect[i &* flow.stages.rows.count &+ s]
            if u < flow.stages.defectProbability.probability(s, probabilities) {
                it.pointee.latentDefect = true
                metrics.flow.defectInjected(at: simulation.now)
            }
            if s == 0 { it.pointee.developmentDone = simulation.now }
            canSplit = it.pointee.canSplit
            latent = it.pointee.latentDefect
        }
        if canSplit {
            split(item, &simulation)
            latent = items[i].latentDefect  // (read again: the address did not outlive the split)
        }
        if latent && flow.streams.detection[s].uniform() < flow.stages.detection.probability(s, probabilities) {
            rework(item, caughtAt: s, &simulation)
            return
        }
        afterWork(item, &simulation)
    }

    /// A found defect: the item goes back to the first stage for rework, past its WIP limit
    /// (rework cannot wait behind new work without risking deadlock), and through every stage again.
    mutating func rework(_ item: Int32, caughtAt s: Int, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        metrics.flow.defectCaught(stage: s, at: simulation.now)
        items[i].latentDefect = false
        items[i].reworking = true
        items[i].reworks += 1
        items[i].suite = -1
        move(item, from: s, to: 0, &simulation)
    }

    /// The item's work and tests at its stage are done: on to the next stage, or ready for release.
    @inline(__always)
    mutating func stageDone(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let s = items[Int(item)].stage
        if s &+ 1 < flow.stages.rows.count {  // (s is a stage index)
            offer(item, to: s &+ 1, &simulation)
        } else {
            exit(item, stage: s, at: simulation.now)
            let left = flow.hasBoards ? leaveBoard(item) : -1
            recordStatus(item, .awaitingRelease, at: simulation.now)
            readyForRelease(item, &simulation)
            pull(into: s, &simulation)
            if left >= 0 { pull(into: scenario.boardLimits[left].first, &simulation) }
        }
    }

    /// A change that was in production (reverted after an incident) comes back for rework: it
    /// is in process again. `done` stays cumulative (a CFD never falls).
    mutating func reenter(_ item: Int32, _ simulation: inout Simulation<Event>) {
        backInProcess(item, at: simulation.now)
        enter(item, stage: 0, &simulation)
    }

    /// A change left production (its release was rolled back, or it was reverted): it is in
    /// process again, a new pass of its cycle time begins.
    @inline(__always)
    mutating func backInProcess(_ item: Int32, at now: Double) {
        metrics.flow.reentered(at: now)
        flow.started += 1
        items[Int(item)].passStart = now
        items[Int(item)].released = -1
        mark(item, flow.segments.after(.deployQueue), at: now)
        recordStatus(item, .awaitingRelease, at: now)
    }

    /// The change reached production: its pass in process ends.
    @inline(__always)
    mutating func deployed(_ item: Int32, at now: Double) {
        let it = items.address(Int(item))
        it.pointee.processHours += now - it.pointee.passStart
        it.pointee.deployed = now
        // Its lead time ends here unless a rollback or a revert takes it out again.
        mark(item, flow.segments.after(.rolledBack), at: now)
        metrics.flow.leftProcess(at: now)
        recordStatus(item, .done, at: now)
        flow.deployedChanges += 1
    }

    /// The change is in production for good (its release is not being rolled back): it counts
    /// as delivered — throughput, lead times and cycle time — at its last deployment, and leaves
    /// the model.
    /// Reads the item's fields in place (no copy of the whole ``WorkItem``).
    mutating func deliver(_ item: Int32, incident: Bool = false) {
        let i = Int(item)
        if items[i].scope { leaveScope(items[i]) }
        if items[i].fixesIncident < 0 && !items[i].pipelineChange {
            metrics.economics.delivered(items[i].workClass, arrival: items[i].arrival, deployed: items[i].deployed)
        }
        metrics.flow.delivered(items[i], segmentHours: flow.segmentHours, from: i * flow.segments.count)
        if options.recordItems { record(items[i], incident: incident) }
        retire(item)
    }
}
