/// Aging work in progress: how old the items on the board are when the run ends.
extension Organization {
    /// Per stage, the ages at `end` (hours since each was started) of the items in it: those
    /// whose value-stream segment is one of a stage's (its queue, handoff, blocked, work or
    /// tests), at the stage they count in (`stage`: a finished item waiting for room in the
    /// next stage still holds its place in this one). Called once, at the end of a
    /// replication: one pass over the item slots (bounded by the items in the model at once).
    func agingWip(at end: Double) -> [[Double]] {
        let stages = flow.stages.rows.count
        var ages = Array(repeating: [Double](), count: stages)
        let first = ValueStreamSegments.backlog + 1, last = flow.segments.queue(0) + stages * ValueStreamSegments.perStage
        for i in 0..<items.count {
            let item = items[i]
            guard Int(item.segment) >= first, Int(item.segment) < last, item.start >= 0, item.stage < stages else { continue }
            ages[item.stage].append(end - item.start)
        }
        return ages
    }
}
