import SimKernel
import SimRandom

/// The flow area's state in one replication: work in each stage, items waiting for room, and
/// the counts behind the cumulative flow diagram.
struct FlowState {
    let streams: FlowStreams
    /// The stages' parameters, flattened for the handlers.
    let stages: StageTable
    /// Cumulative class shares, for drawing an arriving item's class.
    let classShares: [Double]
    /// Per class, what a new item of it carries.
    let classes: ModelArray<(priority: Int, skipsWipLimits: Bool)>
    /// Items in each stage (waiting, in work, in tests).
    let wip: ModelArray<Int>
    /// Per stage, the board-wide limit it is under (an index into the scenario's), or −1.
    let boardOf: ModelArray<Int>
    /// The scenario has board-wide limits (else no item ever counts under one).
    let hasBoards: Bool
    /// Items under each board-wide limit.
    let boardWip: ModelArray<Int>
    /// Per stage, its WIP limit (Int.max for none), and, at the first stage of a board-wide
    /// limit, that limit (Int.max elsewhere): read on every offer, kept here as plain integers.
    let stageLimit: ModelArray<Int>
    let boardLimitAt: ModelArray<Int>
    /// Items waiting to enter each stage (the backlog for the first), by class priority.
    let waiting: ModelArray<WaitingLine<Int32>>
    /// Each item slot's pre-drawn first-pass work and defect draw per stage (common random numbers).
    let firstWork = ModelArray<Double>(capacity: 256)
    let firstDefect = ModelArray<Double>(capacity: 256)
    /// The value stream's segments, and each item slot's hours in each (slot × count + segment).
    let segments: ValueStreamSegments
    let segmentHours = ModelArray<Double>(capacity: 256)
    /// Work items that arrived, warm-up included.
    var arrivals = 0
    /// Passes into the value stream from outside it (first starts, and changes coming back from
    /// a canary or a revert), and changes in production, warm-up included: for flow snapshots.
    var started = 0
    var deployedChanges = 0
    var snapshots: [FlowSnapshot] = []
    /// The scope (``WorkItem/scope``): items in it, those not yet delivered, the latest
    /// deployment among those delivered, and those delivered by ``RunOptions/countBy``.
    var scopeItems = 0
    var scopeOpen = 0
    /// Scope items not yet delivered that are not added scope: the starting backlog and its pieces.
    var baseScopeOpen = 0
    var scopeLastDeployed = 0.0
    var scopeDoneBy = 0
    var queues: QueueSamples
    var itemRecords: [ItemRecord] = []
    var history = History()
    /// Deployments finished so far (the number of the one in the pipeline).
    var deployments = 0

    init(scenario: Scenario, replication: Int) {
        streams = FlowStreams(scenario: scenario, replication: replication)
        stages = StageTable(scenario: scenario)
        var cumulative = 0.0
        classShares = scenario.demand.classes.map { cumulative += $0.share; return cumulative }
        classes = ModelArray(scenario.demand.classes.map { (priority: $0.priority, skipsWipLimits: $0.skipsWipLimits) })
        wip = ModelArray(repeating: 0, count: scenario.stages.count)
        var boardOf = Array(repeating: -1, count: scenario.stages.count)
        for (b, board) in scenario.boardLimits.enumerated() { for s in board.first...board.last { boardOf[s] = b } }
        self.boardOf = ModelArray(boardOf)
        hasBoards = !scenario.boardLimits.isEmpty
        boardWip = ModelArray(repeating: 0, count: scenario.boardLimits.count)
        stageLimit = ModelArray(scenario.stages.map { $0.wipLimit ?? .max })
        var boardLimitAt = Array(repeating: Int.max, count: scenario.stages.count)
        for board in scenario.boardLimits { boardLimitAt[board.first] = board.limit }
        self.boardLimitAt = ModelArray(boardLimitAt)
        queues = QueueSamples(scenario: scenario)
        segments = ValueStreamSegments(stages: scenario.stages.count)
        waiting = ModelArray(scenario.stages.map { _ in WaitingLine<Int32>() })  // a line each
    }

    /// Room in stage `s` under its WIP limit, and, at the first stage of a board-wide limit,
    /// under that limit. (On `FlowState`, not the model: a non-mutating method of the whole
    /// model called from a mutating one cost a copy of the model per call.)
    @inline(__always)
    func hasRoom(_ s: Int) -> Bool {
        guard wip[s] < stageLimit[s] else { return false }
        guard hasBoards else { return true }
        let b = boardOf[s]
        return b < 0 || boardWip[b] < boardLimitAt[s]
    }
}
