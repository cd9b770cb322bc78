import SimKernel
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
    /// Per stage (``ModelArray``s: drawing from one retains nothing).
    let work: ModelArray<RandomStream>
    let defects: ModelArray<RandomStream>
    let rework: ModelArray<RandomStream>
    let reworkDefects: ModelArray<RandomStream>
    let detection: ModelArray<RandomStream>
    let handoff: ModelArray<RandomStream>
    let blocked: ModelArray<RandomStream>
    /// Scope growth (only with `demand.split` or `demand.added_scope`): split decisions and
    /// piece counts, added-scope times and classes, and the new items' work and defect draws per
    /// stage — their own streams, so that growing the scope leaves the other items' draws alone.
    let split: RandomStream?
    let addedScope: RandomStream?
    let growthWork: ModelArray<RandomStream>
    let growthDefects: ModelArray<RandomStream>

    init(scenario: Scenario, replication: Int) {
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: scenario.seed, replication: replication, purpose: purpose) }
        arrivals = stream("arrivals")
        workClass = stream("class")
        let stages = scenario.stages.map(\.name)
        work = ModelArray(stages.map { stream("work.\($0)") })
        defects = ModelArray(stages.map { stream("defects.\($0)") })
        rework = ModelArray(stages.map { stream("rework.\($0)") })
        reworkDefects = ModelArray(stages.map { stream("rework-defects.\($0)") })
        detection = ModelArray(stages.map { stream("detect.\($0)") })
        handoff = ModelArray(stages.map { stream("handoff.\($0)") })
        blocked = ModelArray(stages.map { stream("blocked.\($0)") })
        let grows = scenario.demand.growsScope
        split = scenario.demand.split.map { _ in stream("split") }
        addedScope = scenario.demand.addedScope.map { _ in stream("added-scope") }
        growthWork = ModelArray(grows ? stages.map { stream("growth-work.\($0)") } : [])
        growthDefects = ModelArray(grows ? stages.map { stream("growth-defects.\($0)") } : [])
    }
}
