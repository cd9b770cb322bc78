/// Where a change's lead time goes: the segments of the value stream, in stream order. Each
/// change is in exactly one segment at any instant from its arrival to its last deployment
/// (``Organization/mark(_:_:at:)`` moves it on), so the hours it spent in each add up to its
/// lead time, and the means over the delivered changes (`value_stream_hours.<segment>`) add up
/// to the mean `lead_time_hours` of the same changes.
///
/// Indices: the backlog, then per stage its queue, handoff, blocked, work and tests, then the fixed
/// segments after the stages.
struct ValueStreamSegments: Sendable {
    let stages: Int
    /// Segments per item (stored: read on every move of every item).
    let count: Int
    /// The first segment after the stages.
    let firstAfter: Int

    init(stages: Int) {
        self.stages = stages
        firstAfter = 1 + stages * Self.perStage
        count = firstAfter + After.allCases.count
    }

    static let backlog = 0
    static let perStage = 5
    /// The fixed segments after the stages, in stream order, with their metric suffixes.
    enum After: Int, CaseIterable {
        /// Ready, waiting for a release to be cut (the train, or a full batch).
        case releaseWait
        /// The release waits for the change-approval board.
        case approval
        /// The release waits for the deployment pipeline (one deployment at a time).
        case deployQueue
        /// The deployment runs (automated, or a person's: waiting for that person included).
        case deployment
        /// A failed deployment affects users until it is rolled back.
        case failedDeployment
        /// The release serves the canary share of users.
        case canary
        /// The change ran in production until a rollback or a revert took it out again.
        case rolledBack

        var suffix: String {
            switch self {
            case .releaseWait: return "release_wait"
            case .approval: return "approval"
            case .deployQueue: return "deploy_queue"
            case .deployment: return "deployment"
            case .failedDeployment: return "failed_deployment"
            case .canary: return "canary"
            case .rolledBack: return "rolled_back"
            }
        }
    }

    /// The segments of stage `s`: waiting to enter it or for a person (`queue`), its handoff,
    /// blocked (``Blockers``), its hands-on work (elapsed calendar hours), its test suites
    /// (reruns included).
    // (Wrapping arithmetic: s is a stage index, far below any overflow.)
    @inline(__always) func queue(_ s: Int) -> Int { 1 &+ s &* Self.perStage }
    @inline(__always) func handoff(_ s: Int) -> Int { 2 &+ s &* Self.perStage }
    @inline(__always) func blocked(_ s: Int) -> Int { 3 &+ s &* Self.perStage }
    @inline(__always) func work(_ s: Int) -> Int { 4 &+ s &* Self.perStage }
    @inline(__always) func tests(_ s: Int) -> Int { 5 &+ s &* Self.perStage }
    @inline(__always) func after(_ segment: After) -> Int { firstAfter &+ segment.rawValue }

    /// The segments a scenario can use, with their metric suffixes, in stream order: a stage's
    /// handoff, blocked, work and tests only where the scenario has them. `named`: false leaves
    /// the suffixes empty, for a caller that knows the metric names already.
    static func emitted(_ scenario: Scenario, named: Bool = true) -> [(index: Int, suffix: String)] {
        let layout = ValueStreamSegments(stages: scenario.stages.count)
        var out = [(backlog, named ? "backlog" : "")]
        for s in scenario.stages.indices {
            func add(_ index: Int, _ part: String) { out.append((index, named ? "\(scenario.stages[s].name).\(part)" : "")) }
            add(layout.queue(s), "queue")
            if scenario.stages[s].handoff != nil { add(layout.handoff(s), "handoff") }
            if scenario.stages[s].blockers != nil { add(layout.blocked(s), "blocked") }
            if scenario.stages[s].work != nil { add(layout.work(s), "work") }
            if scenario.tests.contains(where: { $0.stage == s }) { add(layout.tests(s), "tests") }
        }
        for segment in After.allCases { out.append((layout.after(segment), named ? segment.suffix : "")) }
        return out
    }
}
