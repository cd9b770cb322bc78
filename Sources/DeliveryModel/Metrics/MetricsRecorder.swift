/// Collects one replication's observations, counting only what happens after the warm-up: one
/// recorder per practice area, and the people's working hours.
struct MetricsRecorder {
    let warmup: Double
    /// When the measured window began: the end of the warm-up (0 without one).
    var windowStart = 0.0
    var flow: FlowMetrics
    var tests: TestSuiteMetrics
    var deploy: DeployMetrics
    var operations: OperationsMetrics
    var ml: MLMetrics
    /// Hours of tasks begun per team.
    var personHours: [Double]

    init(scenario: Scenario) {
        warmup = scenario.warmup
        flow = FlowMetrics(scenario: scenario)
        tests = TestSuiteMetrics(warmup: scenario.warmup)
        deploy = DeployMetrics(warmup: scenario.warmup)
        operations = OperationsMetrics(warmup: scenario.warmup)
        ml = MLMetrics(warmup: scenario.warmup)
        personHours = Array(repeating: 0, count: scenario.teams.count)
    }

    mutating func endWarmup(at now: Double) {
        windowStart = now
        flow.endWarmup(at: now)
    }

    mutating func personHours(team: Int, _ hours: Double, at now: Double) {
        if now >= warmup { personHours[team] += hours }
    }
}
