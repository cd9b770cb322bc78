import SimKernel

/// Release: finished changes wait for a release (continuous, a batch size, or a train), which
/// may need an approval before it is deployed. A fix-forward goes out on its own.
extension Organization {
    mutating func startRelease(_ simulation: inout Simulation<Event>) {
        if case .scheduled(let every) = scenario.release.policy { simulation.schedule(.release(.train), after: every) }
    }

    mutating func handle(_ event: ReleaseEvent, _ simulation: inout Simulation<Event>) {
        switch event {
        case .train:
            if case .scheduled(let every) = scenario.release.policy { simulation.schedule(.release(.train), after: every) }
            cutRelease(count: release.ready.count, &simulation)
        case .approvalDone(let batch):
            enqueueDeploy(batch, &simulation)
        }
    }

    @inline(__always)
    mutating func readyForRelease(_ item: Int32, _ simulation: inout Simulation<Event>) {
        mark(item, flow.segments.after(.releaseWait), at: simulation.now)
        if items[Int(item)].fixesIncident >= 0 {
            // A fix-forward is a hotfix: it goes out on its own, whatever the release policy.
            startRelease([item], &simulation)
            return
        }
        release.ready.append(item)
        switch scenario.release.policy {
        case .continuous: cutRelease(count: release.ready.count, &simulation)
        case .batch(let size): if release.ready.count >= size { cutRelease(count: size, &simulation) }
        case .scheduled: break
        }
    }

    mutating func cutRelease(count: Int, _ simulation: inout Simulation<Event>) {
        guard count > 0 else { return }
        // The first `count` ready changes, taken in one step (one uniqueness check of the line,
        // not one per change).
        let batch = Array(release.ready.prefix(count))
        release.ready.removeFirst(count)
        startRelease(batch, &simulation)
    }

    mutating func startRelease(_ batch: [Int32], _ simulation: inout Simulation<Event>) {
        let approval = flow.segments.after(.approval)
        for item in batch {
            items[Int(item)].released = simulation.now
            mark(item, approval, at: simulation.now)
        }
        let id = newRelease(batch)
        if let approval = scenario.release.approval {
            simulation.schedule(.release(.approvalDone(release: id)), after: approval.duration(release.approvalStream))
        } else {
            enqueueDeploy(id, &simulation)
        }
    }

    mutating func newRelease(_ batch: [Int32]) -> Int32 {
        let value = ReleaseBatch(items: batch)
        if let slot = release.freeBatches.popLast() {
            release.batches[Int(slot)] = value
            return slot
        }
        release.batches.append(value)
        return Int32(release.batches.count - 1)
    }

    /// The release is done with (in production, or replaced): its slot is free.
    mutating func retireRelease(_ id: Int32) {
        release.freeBatches.append(id)
    }
}
