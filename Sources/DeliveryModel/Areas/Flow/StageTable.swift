import SimKernel
import SimRandom

/// The stages' parameters as the flow handlers read them on every item, laid out once per
/// replication in ``ModelArray``s: reading them copies no ``Stage`` (its name, its optional
/// distributions), retains nothing and checks no uniqueness.
struct StageTable {
    /// Per stage: the scalar parameters.
    struct Row {
        /// Index into the scenario's teams.
        var team: Int
        /// The stage has hands-on work (``Stage/work`` is not nil).
        var hasWork: Bool
        /// The stage has a handoff delay.
        var hasHandoff: Bool
        /// The stage has ``Stage/blockers``.
        var hasBlockers: Bool
        var reworkFraction: Double
    }

    let rows: ModelArray<Row>
    /// Per stage, its handoff (``Distribution/never`` for none), defect and detection probabilities.
    let handoff: DrawTable
    let defectProbability: DrawTable
    let detection: DrawTable
    /// Per stage, its blockers' chance and duration (``Distribution/never`` without blockers).
    let blockChance: DrawTable
    let blockDuration: DrawTable
    /// Per (row × stages + stage) the work distribution an item draws: rows 0 ..< classes for
    /// code items of each class (the class's own work at that stage, else the stage's), the last
    /// row for other items (the stage's); ``Distribution/never`` at a stage without work.
    let work: DrawTable
    /// The demand's arrivals (entry 0; ``Distribution/never`` without) and whether there are any.
    let arrivals: DrawTable
    let hasArrivals: Bool
    /// The row of ``work`` for items that are not code.
    let nonCodeRow: Int

    init(scenario: Scenario) {
        let stages = scenario.stages
        rows = ModelArray(stages.map { Row(team: $0.team, hasWork: $0.work != nil, hasHandoff: $0.handoff != nil, hasBlockers: $0.blockers != nil, reworkFraction: $0.reworkFraction) })
        handoff = DrawTable(stages.map { $0.handoff ?? .never })
        defectProbability = DrawTable(stages.map(\.defectProbability))
        detection = DrawTable(stages.map(\.detection))
        blockChance = DrawTable(stages.map { $0.blockers?.chance ?? .never })
        blockDuration = DrawTable(stages.map { $0.blockers?.duration ?? .never })
        arrivals = DrawTable([scenario.demand.arrivals ?? .never])
        hasArrivals = scenario.demand.arrivals != nil
        var work: [Distribution] = []
        for c in scenario.demand.classes {
            work += stages.map { $0.work == nil ? .never : c.work[$0.name] ?? $0.work! }
        }
        work += stages.map { $0.work ?? .never }
        self.work = DrawTable(work)
        nonCodeRow = scenario.demand.classes.count
    }
}
