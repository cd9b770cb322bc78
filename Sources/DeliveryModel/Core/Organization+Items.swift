/// Work items: created with their pre-drawn first-pass work, and their slots reused.
extension Organization {
    /// A new work item. Code items take their first-pass work and defect draws from the stages'
    /// streams in arrival order; other items (ML pipeline changes, model artifacts) from their
    /// own streams, so that adding them does not disturb the code items' common random numbers.
    /// `grown` items (split pieces, added scope) draw from the scope-growth streams.
    mutating func newItem(workClass: Int, at now: Double, code: Bool = true, grown: Bool = false) -> Int32 {
        let c = flow.classes[workClass]
        created += 1
        var item = WorkItem(id: created, workClass: workClass, priority: c.priority, arrival: now, skipsWipLimits: c.skipsWipLimits)
        item.segmentFrom = now
        let n = flow.stages.rows.count, k = flow.segments.count
        let slot: Int32
        if !freeSlots.isEmpty {
            // A freed slot's segment hours were cleared when it was retired.
            slot = freeSlots.removeLast()
            items[Int(slot)] = item
        } else {
            slot = Int32(items.count)
            items.append(item)
            flow.firstWork.append(repeating: 0, count: n)
            flow.firstDefect.append(repeating: 0, count: n)
            flow.segmentHours.append(repeating: 0, count: k)
        }
        // First-pass work sizes and defect draws, in arrival order: two scenarios that differ
        // only in policy give the same item the same work. (`base + s` and `row + s` are below
        // the arrays' counts, themselves bounded by memory: wrapping sums, still bounds-checked.)
        let base = Int(slot) * n
        let row = (code ? workClass : flow.stages.nonCodeRow) * n
        // The streams chosen once per item, held unretained (the flow state keeps them alive):
        // a chosen class reference is otherwise retained and released around the loop.
        let workStreams = Unmanaged.passUnretained(grown ? flow.streams.growthWork : flow.streams.work)
        let defectStreams = Unmanaged.passUnretained(grown ? flow.streams.growthDefects : flow.streams.defects)
        for s in 0..<n {
            if code {
                let work = flow.stages.rows[s].hasWork
                    ? workStreams._withUnsafeGuaranteedRef { flow.stages.work.duration(row &+ s, $0, s) } : 0
                flow.firstWork[base &+ s] = work
                flow.firstDefect[base &+ s] = defectStreams._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0[s])._withUnsafeGuaranteedRef { $0.uniform() } }
            } else {
                flow.firstWork[base &+ s] = flow.stages.rows[s].hasWork ? flow.stages.work.duration(row &+ s, ml.streams.pipelineWork) : 0
                flow.firstDefect[base &+ s] = ml.streams.pipelineDefects.uniform()
            }
        }
        return slot
    }

    /// `item` moves on to value-stream `segment` now: the hours since it entered its current
    /// segment are booked there (``ValueStreamSegments``).
    @inline(__always)
    mutating func mark(_ item: Int32, _ segment: Int, at now: Double) {
        mark(items.address(Int(item)), item, segment, at: now)
    }

    /// ``mark(_:_:at:)`` for a handler that holds `item`'s address `it` already (from
    /// ``ModelArray/address(_:)``; still valid: booking hours adds no item).
    @inline(__always)
    mutating func mark(_ it: UnsafeMutablePointer<WorkItem>, _ item: Int32, _ segment: Int, at now: Double) {
        flow.segmentHours[Int(item) &* flow.segments.count &+ Int(it.pointee.segment)] += now - it.pointee.segmentFrom
        it.pointee.segment = Int32(truncatingIfNeeded: segment)
        it.pointee.segmentFrom = now
    }

    /// Every item of release `id` moves on to `segment` now.
    mutating func mark(release id: Int32, _ segment: ValueStreamSegments.After, at now: Double) {
        let to = flow.segments.after(segment)
        for item in release.batches[Int(id)].items { mark(item, to, at: now) }
    }

    /// The item left the model (in production for good, or replaced): its slot is free, its
    /// segment hours cleared for the next item.
    @inline(__always)
    mutating func retire(_ item: Int32) {
        flow.segmentHours.zero(from: Int(item) * flow.segments.count, count: flow.segments.count)
        freeSlots.append(item)
    }
}
