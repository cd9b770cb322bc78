/// Work items: created with their pre-drawn first-pass work, and their slots reused.
extension Organization {
    /// A new work item. Code items take their first-pass work and defect draws from the stages'
    /// streams in arrival order; other items (ML pipeline changes, model artifacts) from their
    /// own streams, so that adding them does not disturb the code items' common random numbers.
    /// `grown` items (split pieces, added scope) draw from the scope-growth streams.
    mutating func newItem(workClass: Int, at now: Double, code: Bool = true, grown: Bool = false) -> Int32 {
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
            flow.firstWork.append(contentsOf: repeatElement(0, count: n))
            flow.firstDefect.append(contentsOf: repeatElement(0, count: n))
        }
        // First-pass work sizes and defect draws, in arrival order: two scenarios that differ
        // only in policy give the same item the same work.
        let base = Int(slot) * n
        for s in 0..<n {
            let work = code ? (flow.classWork[workClass * n + s] ?? scenario.stages[s].work) : scenario.stages[s].work
            let workStream = grown ? flow.streams.growthWork[s] : code ? flow.streams.work[s] : ml.streams.pipelineWork
            flow.firstWork[base + s] = scenario.stages[s].work == nil ? 0 : work?.duration(workStream) ?? 0
            flow.firstDefect[base + s] = (grown ? flow.streams.growthDefects[s] : code ? flow.streams.defects[s] : ml.streams.pipelineDefects).uniform()
        }
        return slot
    }

    /// The item left the model (in production for good, or replaced): its slot is free.
    mutating func retire(_ item: Int32) {
        freeSlots.append(item)
    }
}
