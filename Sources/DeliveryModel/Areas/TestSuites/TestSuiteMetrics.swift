/// What the test-suite area observes in one replication after the warm-up.
struct TestSuiteMetrics {
    let warmup: Double
    var flakyReruns = 0

    mutating func flakyRerun(at now: Double) { if now >= warmup { flakyReruns += 1 } }
}

extension MetricDefinition {
    public static let flakyReruns = MetricDefinition(
        "flaky_reruns", unit: "count", "test runs repeated because of a flaky failure", quantity: .count, better: .lower)
}
