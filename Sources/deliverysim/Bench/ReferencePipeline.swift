import DeliveryModel
import ScenarioFile

/// The delivery model's reference benchmark scenario: every area of the model on a 24/7
/// seven-person organization (the same text as `../shared/bench/reference-pipeline.yaml`, kept
/// here so the benchmark measures the same work wherever it runs).
enum ReferencePipeline {
    static let name = "reference-pipeline"

    static let yaml = """
        name: reference-pipeline
        description: Two classes, dev 5 + qa 2, WIP-limited develop with defects, review, handoff to test with a flaky CI suite, weekly train, automated deploys with rollback, incidents restored by rollback
        horizon: 365d
        warmup: 28d
        replications: 30
        seed: 1
        demand:
          arrivals: {exponential: {mean: 5h}}
          classes:
            feature:  {share: 0.9}
            expedite: {share: 0.1, skips_wip_limits: true, priority: 1}
        teams:
          dev: {people: 5}
          qa:  {people: 2}
        stages:
          - name: develop
            team: dev
            work: {lognormal: {median: 10h, p90: 30h}}
            wip_limit: 6
            defect_probability: 0.3
            rework_fraction: 0.5
          - name: review
            team: dev
            work: {gamma: {shape: 2, mean: 2h}}
            detection: 0.5
          - name: test
            team: qa
            handoff: {exponential: {mean: 4h}}
            work: {gamma: {shape: 2, mean: 4h}}
        tests:
          - {name: ci, at: test, duration: {uniform: {min: 15m, max: 45m}}, detection: 0.6, flaky: 0.1}
        release:
          policy: {scheduled: {every: 7d}}
        deploy:
          automated: true
          duration: 30m
          failure_probability: 0.1
          rollback: {automated: true, duration: 20m}
        operations:
          incident_probability: 0.2
          detection: {exponential: {mean: 6h}}
          restore: rollback

        """

    /// The scenario at `path`, or the built-in reference pipeline, with `overrides` applied.
    static func load(_ path: String?, overrides: [String] = []) throws -> Scenario {
        if let path { return try loadScenario(path, overrides: overrides) }
        return try ScenarioLoader.load(yaml: yaml, path: "<\(name)>", overrides: overrides).scenario
    }
}
