import SimKernel
import SimRandom

/// The test-suite area's random streams, per suite (named by the suite: "test.unit").
struct TestSuiteStreams {
    let duration: ModelArray<RandomStream>
    let detection: ModelArray<RandomStream>
    let flaky: ModelArray<RandomStream>

    init(scenario: Scenario, replication: Int) {
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: scenario.seed, replication: replication, purpose: purpose) }
        let suites = scenario.tests.map(\.name)
        duration = ModelArray(suites.map { stream("test.\($0)") })
        detection = ModelArray(suites.map { stream("test-detect.\($0)") })
        flaky = ModelArray(suites.map { stream("flaky.\($0)") })
    }
}
