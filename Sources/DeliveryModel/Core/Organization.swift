import SimKernel
import SimRandom

/// The delivery organization as a simulation model: one replication of a ``Scenario``.
///
/// Reads like the value stream it models, one practice area per folder: work arrives and flows
/// through the stages (`Areas/Flow`), each stage's test suites run (`Areas/TestSuites`),
/// finished changes are cut into releases and approved (`Areas/Release`), deployed, canaried
/// and rolled back (`Areas/Deploy`); escaped defects cause incidents that are restored
/// (`Areas/Operations`); ML models drift and are retrained (`Areas/ML`). Each area keeps its
/// state, random streams, events, tasks and metrics in its own folder; this core keeps only
/// what every area needs: the work items, the teams, and the warm-up.
struct Organization: SimulationModel {
    let scenario: Scenario
    let options: RunOptions
    let calendar: WorkCalendar
    /// The calendar is 24/7 without holidays: a task ends its hours after it begins.
    let alwaysWorking: Bool
    /// For probabilities given as distributions rather than constants (every area draws them).
    let probabilities: RandomStream

    /// Work items (changes, fix-forwards, pipeline changes, model artifacts) by slot.
    let items = ModelArray<WorkItem>(capacity: 256)
    /// Slots of items that left the model, reused so memory does not grow with the horizon.
    /// (A ``ModelArray``: taken and given back once per item, without copy-on-write checks.)
    let freeSlots = ModelArray<Int32>(capacity: 256)
    /// Items created so far (their ids).
    var created = 0
    /// People: each team its busy people and its line of waiting tasks.
    let teams: ModelArray<TeamAtWork>

    var flow: FlowState
    var tests: TestSuiteState
    var release: ReleaseState
    var deploy: DeployState
    var operations: OperationsState
    var ml: MLState

    var metrics: MetricsRecorder

    init(scenario: Scenario, replication: Int, options: RunOptions = RunOptions()) {
        // A private copy of the scenario's arrays: replications on other threads would otherwise
        // share (and atomically reference-count) the same buffers on every access.
        var own = scenario
        own.stages = scenario.stages.map { $0 }
        own.tests = scenario.tests.map { $0 }
        own.teams = scenario.teams.map { $0 }
        own.demand.classes = scenario.demand.classes.map { $0 }
        self.scenario = own
        self.options = options
        calendar = scenario.calendar
        alwaysWorking = scenario.calendar.isAlways
        probabilities = RandomStream(seed: scenario.seed, replication: replication, purpose: "probabilities")
        teams = ModelArray(scenario.teams.map { TeamAtWork(people: $0.people) })
        flow = FlowState(scenario: scenario, replication: replication)
        tests = TestSuiteState(scenario: scenario, replication: replication)
        release = ReleaseState(scenario: scenario, replication: replication)
        deploy = DeployState(scenario: scenario, replication: replication)
        operations = OperationsState(scenario: scenario, replication: replication)
        ml = MLState(scenario: scenario, replication: replication)
        metrics = MetricsRecorder(scenario: scenario)
    }

    /// Schedules the first events of the replication.
    mutating func start(_ simulation: inout Simulation<Event>) {
        startFlow(&simulation)
        if scenario.warmup > 0 { simulation.schedule(.warmupEnd, at: scenario.warmup) }
        startRelease(&simulation)
        if options.flowInterval != nil { simulation.schedule(.flow(.snapshot), at: 0) }
        startML(&simulation)
    }

    /// Hands each event to its practice area (inlined into the run loop: a dispatch, not a call).
    @inline(__always)
    mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
        switch event {
        case .flow(let event): handle(event, &simulation)
        case .tests(let event): handle(event, &simulation)
        case .release(let event): handle(event, &simulation)
        case .deploy(let event): handle(event, &simulation)
        case .operations(let event): handle(event, &simulation)
        case .ml(let event): handle(event, &simulation)
        case .taskDone(let team, let task): finishTask(task, team: Int(team), &simulation)
        case .warmupEnd:
            let now = simulation.now
            metrics.endWarmup(at: now)
        }
    }

    /// Every metric of the replication at `end`, in the registry's order; `known`: the names of
    /// an earlier replication's metrics (``ReplicationPlan``).
    func metricValues(at end: Double, known: [String]? = nil) -> [MetricValue] {
        metrics.values(at: end, scenario: scenario, fleet: ml.fleet, agingWip: agingWip(at: end), known: known)
    }
}
