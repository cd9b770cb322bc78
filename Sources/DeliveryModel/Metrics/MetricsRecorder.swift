import SimKernel

/// Collects one replication's observations, counting only what happens after the warm-up: one
/// recorder per practice area, and the people's working hours.
struct MetricsRecorder {
    let warmup: Double
    let horizon: Double
    /// When the measured window began: the end of the warm-up (0 without one).
    var windowStart = 0.0
    var flow: FlowMetrics
    var tests: TestSuiteMetrics
    var deploy: DeployMetrics
    var operations: OperationsMetrics
    var ml: MLMetrics
    var economics: EconomicsMetrics
    /// Hours of tasks begun per team.
    let personHours: ModelArray<Double>

    init(scenario: Scenario) {
        warmup = scenario.warmup
        horizon = scenario.horizon
        flow = FlowMetrics(scenario: scenario)
        tests = TestSuiteMetrics(warmup: scenario.warmup)
        deploy = DeployMetrics(warmup: scenario.warmup)
        operations = OperationsMetrics(warmup: scenario.warmup)
        ml = MLMetrics(warmup: scenario.warmup)
        economics = EconomicsMetrics(scenario: scenario)
        personHours = ModelArray(repeating: 0, count: scenario.teams.count)
    }

    mutating func endWarmup(at now: Double) {
        windowStart = now
        flow.endWarmup(at: now)
        economics.endWarmup(at: now)
    }

    /// A person of `team` works `hours` from `start` to `end`: the working hours inside the
    /// measured window are booked (a task that straddles the warm-up or the horizon counts only
    /// its part inside, so utilization never exceeds 1).
    @inline(__always)
    mutating func busy(team: Int, _ hours: Double, from start: Double, to end: Double, calendar: borrowing WorkCalendar) {
        if start >= warmup && end <= horizon {
            personHours[team] += hours
        } else if min(end, horizon) > max(start, warmup) {
            busyStraddling(team: team, from: start, to: end, calendar: calendar)
        }
    }

    /// A task that straddles the warm-up or the horizon: only its working hours inside count.
    @inline(never)
    mutating func busyStraddling(team: Int, from start: Double, to end: Double, calendar: borrowing WorkCalendar) {
        personHours[team] += calendar.workingHours(from: max(start, warmup), to: min(end, horizon))
    }
}
