import SimRandom

/// The test-suite area's random streams, per suite (named by the suite: "test.unit").
struct TestSuiteStreams {
    let duration: [RandomStream]
    let detection: [RandomStream]
    let flaky: [RandomStream]

    init(scenario: Scenario, replication: Int) {
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: scenario.seed, replication: replication, purpose: purpose) }
        let suites = scenario.tests.map(\.name)
        duration = suites.map { stream("test.\($0)") }
        detection = suites.map { stream("test-detect.\($0)") }
        flaky = suites.map { stream("flaky.\($0)") }
    }
}
