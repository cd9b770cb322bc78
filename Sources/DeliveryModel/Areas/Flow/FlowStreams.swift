import SimRandom

/// The flow area's random streams: arrivals, classes, and per stage work, defects, rework,
/// review detection and handoffs.
///
/// Streams are named by purpose and by the stage's name ("work.develop"), never by position
/// or scenario, so two scenarios run with the same seed draw the same arrivals and work sizes
/// for the same replication: common random numbers.
struct FlowStreams {
    let arrivals: RandomStream
    let workClass: RandomStream
    let work: [RandomStream]
    let defects: [RandomStream]
    let rework: [RandomStream]
    let reworkDefects: [RandomStream]
    let detection: [RandomStream]
    let handoff: [RandomStream]
    /// Scope growth (only with `demand.split` or `demand.added_scope`): split decisions and
    /// piece counts, added-scope times and classes, and the new items' work and defect draws per
    /// stage — their own streams, so that growing the scope leaves the other items' draws alone.
    let split: RandomStream?
    let addedScope: RandomStream?
    let growthWork: [RandomStream]
    let growthDefects: [RandomStream]

    init(scenario: Scenario, replication: Int) {
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: scenario.seed, replication: replication, purpose: purpose) }
        arrivals = stream("arrivals")
        workClass = stream("class")
        let stages = scenario.stages.map(\.name)
        work = stages.map { stream("work.\($0)") }
        defects = stages.map { stream("defects.\($0)") }
        rework = stages.map { stream("rework.\($0)") }
        reworkDefects = stages.map { stream("rework-defects.\($0)") }
        detection = stages.map { stream("detect.\($0)") }
        handoff = stages.map { stream("handoff.\($0)") }
        let grows = scenario.demand.growsScope
        split = scenario.demand.split.map { _ in stream("split") }
        addedScope = scenario.demand.addedScope.map { _ in stream("added-scope") }
        growthWork = grows ? stages.map { stream("growth-work.\($0)") } : []
        growthDefects = grows ? stages.map { stream("growth-defects.\($0)") } : []
    }
}
