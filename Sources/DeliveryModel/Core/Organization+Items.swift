/// Work items: created with their pre-drawn first-pass work, and their slots reused.
extension Organization {
    /// A new work item. Code items take their first-pass work and defect draws from the stages'
    /// streams in arrival order; other items (ML pipeline changes, model artifacts) from their
    /// own streams, so that adding them does not disturb the code items' common random numbers.
    mutating func newItem(workClass: Int, at now: Double, code: Bool = true) -> Int32 {
        let c = flow.classes[workClass]
        created += 1
        let item = WorkItem(id: created, workClass: workClass, priority: c.priority, arrival: now, skipsWipLimits: c.skipsWipLimits)
        let n = flow.stages.rows.count
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            items[Int(slot)] = item
        } else {
            slot = Int32(items.count)
            items.append(item)
            flow.firstWork.append(repeating: 0, count: n)
            flow.firstDefect.append(repeating: 0, count: n)
        }
        // First-pass work sizes and defect draws, in arrival order: two scenarios that differ
        // only in policy give the same item the same work.
        let base = Int(slot) * n
        let row = (code ? workClass : flow.stages.nonCodeRow) * n
        for s in 0..<n {
            if code {
                flow.firstWork[base + s] = flow.stages.rows[s].hasWork ? flow.stages.work.duration(row + s, flow.streams.work, s) : 0
                flow.firstDefect[base + s] = flow.streams.defects[s].uniform()
            } else {
                flow.firstWork[base + s] = flow.stages.rows[s].hasWork ? flow.stages.work.duration(row + s, ml.streams.pipelineWork) : 0
                flow.firstDefect[base + s] = ml.streams.pipelineDefects.uniform()
            }
        }
        return slot
    }

    /// The item left the model (in production for good, or replaced): its slot is free.
    mutating func retire(_ item: Int32) {
        freeSlots.append(item)
    }
}
