/// The test-suite area's state in one replication: which suites run at each stage, and their streams.
struct TestSuiteState {
    let streams: TestSuiteStreams
    /// Indices of the suites at each stage, in file order.
    let suitesAt: [[Int]]

    init(scenario: Scenario, replication: Int) {
        streams = TestSuiteStreams(scenario: scenario, replication: replication)
        suitesAt = scenario.stages.indices.map { s in scenario.tests.indices.filter { scenario.tests[$0].stage == s } }
    }
}
