import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
import TestSupport

/// The errors loading `yaml` throws; records an issue if it loads or throws something else.
func loadErrors(_ yaml: String, path: String = "test.yaml", overrides: [String] = [],
                sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioError] {
    do {
        _ = try ScenarioLoader.load(yaml: yaml, path: path, overrides: overrides)
        Issue.record("expected the scenario to be rejected", sourceLocation: sourceLocation)
        return []
    } catch let errors as ScenarioErrors {
        return errors.errors
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// The errors loading the file at `path` throws.
func loadFileErrors(_ path: String, overrides: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioError] {
    do {
        _ = try ScenarioLoader.load(path: path, overrides: overrides)
        Issue.record("expected the scenario to be rejected", sourceLocation: sourceLocation)
        return []
    } catch let errors as ScenarioErrors {
        return errors.errors
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

func constant(_ value: Double) -> Distribution {
    // The tests' own expected values; a failure here is a test bug.
    (try? Distribution.constant(value)) ?? .never
}

/// A small valid scenario; tests change one thing at a time. Line numbers matter to some tests:
/// line 1 is `name: small`.
let smallScenario = """
name: small
horizon: 30d
demand:
  arrivals: {exponential: {mean: 6h}}
teams:
  dev: {people: 3}
  qa: {people: 1}
stages:
  - name: develop
    team: dev
    work: 1d
    wip_limit: 4
  - name: test
    team: qa
    work: {exponential: {mean: 2h}}
"""

/// True if the two scenarios have the same values everywhere.
func sameScenario(_ a: Scenario, _ b: Scenario) -> Bool {
    func sameStage(_ x: Stage, _ y: Stage) -> Bool {
        x.name == y.name && x.team == y.team && x.work == y.work && x.handoff == y.handoff && x.wipLimit == y.wipLimit
            && x.defectProbability == y.defectProbability && x.detection == y.detection && x.reworkFraction == y.reworkFraction
    }
    func sameTest(_ x: TestSuite, _ y: TestSuite) -> Bool {
        x.name == y.name && x.stage == y.stage && x.duration == y.duration && x.detection == y.detection
            && x.flaky == y.flaky && x.manual == y.manual
    }
    func sameCanary(_ x: Canary?, _ y: Canary?) -> Bool {
        switch (x, y) {
        case (nil, nil): return true
        case let (x?, y?): return x.fraction == y.fraction && x.duration == y.duration && x.detection == y.detection
        default: return false
        }
    }
    return a.name == b.name && a.description == b.description && a.horizon == b.horizon && a.warmup == b.warmup
        && a.replications == b.replications && a.seed == b.seed && a.calendar == b.calendar
        && a.demand.arrivals == b.demand.arrivals
        && a.demand.classes.map(\.name) == b.demand.classes.map(\.name)
        && a.demand.classes.map(\.share) == b.demand.classes.map(\.share)
        && a.demand.classes.map(\.skipsWipLimits) == b.demand.classes.map(\.skipsWipLimits)
        && a.demand.classes.map(\.priority) == b.demand.classes.map(\.priority)
        && a.teams.map(\.name) == b.teams.map(\.name) && a.teams.map(\.people) == b.teams.map(\.people)
        && a.stages.count == b.stages.count && zip(a.stages, b.stages).allSatisfy(sameStage)
        && a.tests.count == b.tests.count && zip(a.tests, b.tests).allSatisfy(sameTest)
        && a.release.policy == b.release.policy && a.release.approval == b.release.approval
        && a.deploy.automated == b.deploy.automated && a.deploy.duration == b.deploy.duration
        && a.deploy.failureProbability == b.deploy.failureProbability && sameCanary(a.deploy.canary, b.deploy.canary)
        && a.deploy.rollback.automated == b.deploy.rollback.automated && a.deploy.rollback.duration == b.deploy.rollback.duration
        && a.deploy.team == b.deploy.team
        && a.operations.incidentProbability == b.operations.incidentProbability
        && a.operations.detection == b.operations.detection && a.operations.restore == b.operations.restore
}
