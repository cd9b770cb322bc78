import SimKernel
import SimRandom

/// The test-suite area's state in one replication: which suites run at each stage, and their
/// streams and parameters, flattened in ``ModelArray``s for the handlers (no ``TestSuite`` copy
/// per run).
struct TestSuiteState {
    /// Per suite: who runs it (a manual suite's team; −1 for an automated one) and the next
    /// suite at its stage in file order (−1 after the last).
    struct Row {
        var team: Int
        var next: Int
    }

    let streams: TestSuiteStreams
    /// Per stage, its first suite, or −1.
    let firstAt: ModelArray<Int>
    let rows: ModelArray<Row>
    /// Per suite, its duration, detection and flaky probabilities.
    let duration: DrawTable
    let detection: DrawTable
    let flaky: DrawTable

    init(scenario: Scenario, replication: Int) {
        streams = TestSuiteStreams(scenario: scenario, replication: replication)
        let suitesAt = scenario.stages.indices.map { s in scenario.tests.indices.filter { scenario.tests[$0].stage == s } }
        firstAt = ModelArray(suitesAt.map { $0.first ?? -1 })
        var rows = scenario.tests.map { Row(team: $0.manual ? scenario.stages[$0.stage].team : -1, next: -1) }
        for suites in suitesAt { for (a, b) in zip(suites, suites.dropFirst()) { rows[a].next = b } }
        self.rows = ModelArray(rows)
        duration = DrawTable(scenario.tests.map(\.duration))
        detection = DrawTable(scenario.tests.map(\.detection))
        flaky = DrawTable(scenario.tests.map(\.flaky))
    }
}
