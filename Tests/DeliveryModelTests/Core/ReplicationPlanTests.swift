import DeliveryModel
import ScenarioFile
import Testing

/// Replications run through one ``ReplicationPlan`` take the first one's metric names by
/// position: they must report exactly what replications run on their own report — every name,
/// value and reason — and hold each name once.
@Suite struct ReplicationPlanTests {
    /// The address of a string's UTF-8 storage (long strings live on the heap).
    func storage(_ s: String) -> UnsafeRawPointer? {
        var copy = s
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// Every area that adds metrics of its own (stages with handoffs and tests, several classes,
    /// economics) so that every kind of name is taken from the plan.
    static let yaml = """
    name: plan
    horizon: 120d
    warmup: 14d
    replications: 4
    seed: 9
    demand:
      arrivals: {exponential: {mean: 8h}}
      classes:
        feature: {share: 0.8}
        fix: {share: 0.2, skips_wip_limits: true, priority: 1}
    teams:
      dev: {people: 3}
      qa: {people: 1}
    stages:
      - {name: develop, team: dev, work: {gamma: {shape: 2, mean: 6h}}, wip_limit: 4, defect_probability: 0.2}
      - {name: test, team: qa, handoff: {exponential: {mean: 2h}}, work: {exponential: {mean: 2h}}}
    tests:
      - {name: ci, at: test, duration: 20m, detection: 0.6}
    deploy: {automated: true, duration: 10m, failure_probability: 0.1, rollback: {automated: true, duration: 5m}}
    operations: {incident_probability: 0.3, detection: 2h, restore: rollback}
    economics: {people: {dev: 80, qa: 70}, delay: {feature: 1000}, incident_hour: 2000}
    """

    @Test func plannedReplicationsReportWhatLoneOnesDo() throws {
        let scenario = try ScenarioLoader.load(yaml: Self.yaml).scenario
        let plan = ReplicationPlan(scenario)
        let planned = try (0..<4).map { try ScenarioRunner.run(plan, replication: $0, options: RunOptions()) }
        for (r, result) in planned.enumerated() {
            let alone = try ScenarioRunner.run(scenario, replication: r)
            #expect(result.metrics.count == alone.metrics.count)
            #expect(result.metrics.map(\.name) == alone.metrics.map(\.name), "replication \(r)")
            #expect(result.metrics.map { $0.value?.bitPattern } == alone.metrics.map { $0.value?.bitPattern }, "replication \(r)")
            #expect(result.metrics.map(\.reason) == alone.metrics.map(\.reason), "replication \(r)")
        }
        // The names include the per-stage, per-class, value-stream and economics ones.
        let names = planned[0].metrics.map(\.name)
        for name in ["wip.test", "throughput_per_week.fix", "value_stream_hours.test.handoff", "value_stream_hours.test.tests",
                     "aging_wip_hours.develop.p85", "cost_of_people.qa"] {
            #expect(names.contains(name), "\(name) is reported")
        }
        // Later replications hold the first one's name storage.
        for result in planned.dropFirst() {
            for (k, metric) in result.metrics.enumerated() where metric.name.utf8.count > 15 {
                #expect(storage(metric.name) == storage(planned[0].metrics[k].name), "\(metric.name) shares its storage")
            }
        }
    }
}
