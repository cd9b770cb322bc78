import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
import TestSupport

/// The full example of the file format, loaded into typed values.
struct ExampleScenarioTests {
    static let fullExample = """
    name: example
    description: A product group
    horizon: 365d
    warmup: 60d
    replications: 30
    seed: 1
    calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}
    demand:
      arrivals: {exponential: {mean: 30h}}
      classes:
        feature:  {share: 0.7}
        bug:      {share: 0.25}
        expedite: {share: 0.05, skips_wip_limits: true, priority: 1}
    teams:
      dev: {people: 6}
      qa:  {people: 2}
      ops: {people: 1}
    stages:
      - {name: develop, team: dev, work: {lognormal: {median: 2d, p90: 6d}}, wip_limit: 8, defect_probability: 0.3}
      - {name: review,  team: dev, work: {gamma: {shape: 2, mean: 2h}}, detection: 0.3}
      - {name: test,    team: qa,  handoff: {exponential: {mean: 4h}}, wip_limit: 4}
    tests:
      - {name: unit,       at: develop, duration: 5m,  detection: 0.4, flaky: 0.015}
      - {name: regression, at: test,    duration: 1d,  detection: 0.6, manual: true}
    release:
      policy: {scheduled: {every: 14d}}
      approval: {exponential: {mean: 2d}}
    deploy:
      automated: false
      duration: 4h
      failure_probability: 0.05
      canary: {fraction: 0.05, duration: 1h, detection: 0.8}
      rollback: {automated: false, duration: 2h}
      team: ops
    operations:
      incident_probability: 0.6
      detection: {exponential: {mean: 8h}}
      restore: rollback
    """

    @Test func fullExampleLoadsToTypedValues() throws {
        let loaded = try ScenarioLoader.load(yaml: Self.fullExample, path: "example.yaml")
        let s = loaded.scenario
        #expect(loaded.path == "example.yaml")
        #expect(s.name == "example")
        #expect(s.description == "A product group")
        #expect(s.horizon == 365 * 24)
        #expect(s.warmup == 60 * 24)
        #expect(s.replications == 30)
        #expect(s.seed == 1)
        #expect(s.calendar == WorkCalendar(workdays: [0, 1, 2, 3, 4], dayStart: 9, dayEnd: 17))

        #expect(s.demand.arrivals == (try Distribution.exponential(mean: 30)))
        #expect(s.demand.classes.map(\.name) == ["feature", "bug", "expedite"])
        #expect(s.demand.classes.map(\.share) == [0.7, 0.25, 0.05])
        #expect(s.demand.classes.map(\.skipsWipLimits) == [false, false, true])
        #expect(s.demand.classes.map(\.priority) == [0, 0, 1])

        #expect(s.teams.map(\.name) == ["dev", "qa", "ops"])
        #expect(s.teams.map(\.people) == [6, 2, 1])

        #expect(s.stages.map(\.name) == ["develop", "review", "test"])
        #expect(s.stages.map(\.team) == [0, 0, 1])
        #expect(s.stages.map(\.wipLimit) == [8, nil, 4])
        // A person's effort is in working time: 2d is two 8-hour working days.
        #expect(s.stages[0].work == (try Distribution.lognormal(median: 16, p90: 48)))
        #expect(s.stages[0].defectProbability == constant(0.3))
        #expect(s.stages[0].detection == .never)
        #expect(s.stages[0].reworkFraction == 0.5)
        #expect(s.stages[1].work == (try Distribution.gamma(shape: 2, mean: 2)))
        #expect(s.stages[1].detection == constant(0.3))
        #expect(s.stages[2].work == nil)
        #expect(s.stages[2].handoff == (try Distribution.exponential(mean: 4)))

        #expect(s.tests.map(\.name) == ["unit", "regression"])
        #expect(s.tests.map(\.stage) == [0, 2])
        #expect(s.tests[0].duration == constant(5.0 / 60))
        #expect(s.tests[0].detection == constant(0.4))
        #expect(s.tests[0].flaky == constant(0.015))
        #expect(s.tests[0].manual == false)
        #expect(s.tests[1].duration == constant(8))  // manual: one working day
        #expect(s.tests[1].manual == true)
        #expect(s.tests[1].flaky == .never)

        #expect(s.release.policy == .scheduled(every: 336))
        #expect(s.release.approval == (try Distribution.exponential(mean: 48)))

        #expect(s.deploy.automated == false)
        #expect(s.deploy.duration == constant(4))
        #expect(s.deploy.failureProbability == constant(0.05))
        #expect(s.deploy.canary?.fraction == 0.05)
        #expect(s.deploy.canary?.duration == constant(1))
        #expect(s.deploy.canary?.detection == constant(0.8))
        #expect(s.deploy.rollback.automated == false)
        #expect(s.deploy.rollback.duration == constant(2))
        #expect(s.deploy.team == 2)

        #expect(s.operations.incidentProbability == constant(0.6))
        #expect(s.operations.detection == (try Distribution.exponential(mean: 8)))
        #expect(s.operations.restore == .rollback)
    }

    @Test func defaultsForOptionalKeys() throws {
        let s = try ScenarioLoader.load(yaml: smallScenario).scenario
        #expect(s.description == "")
        #expect(s.warmup == 0)
        #expect(s.replications == 30)
        #expect(s.seed == 1)
        #expect(s.calendar == .always)
        #expect(s.demand.classes.count == 1)
        #expect(s.demand.classes.first?.name == "feature")
        #expect(s.demand.classes.first?.share == 1)
        #expect(s.tests.isEmpty)
        #expect(s.release.policy == .continuous)
        #expect(s.release.approval == nil)
        #expect(s.deploy.automated == true)
        #expect(s.deploy.duration == .zero)
        #expect(s.deploy.canary == nil)
        #expect(s.deploy.team == nil)
        #expect(s.operations.restore == .rollback)
        #expect(s.operations.incidentProbability == .never)
        #expect(s.stages[0].work == constant(24))
        #expect(s.stages[1].wipLimit == nil)
    }

    @Test func alternativeSpellings() throws {
        let yaml = smallScenario + """

        calendar: {workdays: [Mon, Wed, Sat], hours: "22:00-24:00"}
        release: {policy: {batch: {size: 5}}}
        operations: {restore: fix_forward, detection: 90m, incident_probability: {beta: {a: 2, b: 8}}}
        deploy: {duration: {empirical: {values: [5m, 10m, 0.5]}}, failure_probability: {uniform: {min: 0, max: 0.1}}}
        """
        let s = try ScenarioLoader.load(yaml: yaml).scenario
        #expect(s.calendar == WorkCalendar(workdays: [0, 2, 5], dayStart: 22, dayEnd: 24))
        #expect(s.release.policy == .batch(size: 5))
        #expect(s.operations.restore == .fixForward)
        #expect(s.operations.detection == constant(1.5))
        #expect(s.operations.incidentProbability == (try Distribution.beta(a: 2, b: 8)))
        #expect(s.deploy.duration == (try Distribution.empirical([5.0 / 60, 10.0 / 60, 0.5])))
        #expect(s.deploy.failureProbability == (try Distribution.uniform(min: 0, max: 0.1)))

        let continuous = try ScenarioLoader.load(yaml: smallScenario + "\nrelease: {policy: {continuous: {}}}").scenario
        #expect(continuous.release.policy == .continuous)
        let weekend = try ScenarioLoader.load(yaml: smallScenario + "\ncalendar: {workdays: Sat-Sun}").scenario
        #expect(weekend.calendar == WorkCalendar(workdays: [5, 6], dayStart: 9, dayEnd: 17))
        let wrapped = try ScenarioLoader.load(yaml: smallScenario + "\ncalendar: {workdays: Fri-Mon, hours: 8-16}").scenario
        #expect(wrapped.calendar == WorkCalendar(workdays: [4, 5, 6, 0], dayStart: 8, dayEnd: 16))
        let always = try ScenarioLoader.load(yaml: smallScenario + "\ncalendar: always").scenario
        #expect(always.calendar == .always)
    }

    @Test func exampleFileInRepositoryLoads() throws {
        let path = repositoryRootURL.appendingPathComponent("scenarios/example.yaml").path
        let loaded = try ScenarioLoader.load(path: path)
        let s = loaded.scenario
        #expect(s.name == "example")
        #expect(s.teams.map(\.name) == ["dev", "qa", "ops"])
        #expect(s.stages.map(\.name) == ["develop", "review", "test"])
        #expect(s.release.policy == .scheduled(every: 336))
        #expect(s.deploy.team == 2)

        // The repository example is the documented full example.
        let inline = try ScenarioLoader.load(yaml: Self.fullExample).scenario
        var fileScenario = s
        fileScenario.description = inline.description
        #expect(sameScenario(fileScenario, inline))
    }

    @Test func readmeExampleIsTheExampleFile() throws {
        let readme = try String(contentsOf: repositoryRootURL.appendingPathComponent("scenarios/README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Complete example"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let block = String(rest[start.upperBound..<end.lowerBound])
        let fromReadme = try ScenarioLoader.load(yaml: block, path: "README.md").scenario
        let fromFile = try ScenarioLoader.load(path: repositoryRootURL.appendingPathComponent("scenarios/example.yaml").path).scenario
        #expect(sameScenario(fromReadme, fromFile))
    }

    @Test func baseAndTrainExamplesLoad() throws {
        let base = try ScenarioLoader.load(path: repositoryRootURL.appendingPathComponent("scenarios/base-example.yaml").path).scenario
        let train = try ScenarioLoader.load(path: repositoryRootURL.appendingPathComponent("scenarios/train-example.yaml").path).scenario
        #expect(base.release.policy == .continuous)
        #expect(train.name == "train-example")
        #expect(train.release.policy == .scheduled(every: 4 * 168))
        #expect(train.release.approval == (try Distribution.exponential(mean: 48)))
        #expect(train.deploy.automated == false)
        #expect(train.deploy.duration == base.deploy.duration)
        #expect(train.stages.map(\.name) == base.stages.map(\.name))
    }
}

/// A person's effort counts days and weeks in working time; delays count them on the clock.
struct EffortUnitTests {
    static func scenario(calendar: String) throws -> Scenario {
        try ScenarioLoader.load(yaml: """
        name: effort
        horizon: 30d
        \(calendar)
        demand: {arrivals: 1d}
        teams: {dev: {people: 1}}
        stages: [{name: develop, team: dev, work: 2d, handoff: 1d}]
        tests: [{name: manual, at: develop, duration: 1w, manual: true}, {name: ci, at: develop, duration: 1d}]
        deploy: {automated: false, duration: 1d, rollback: {automated: true, duration: 1d}}
        """).scenario
    }

    @Test func officeHoursMakeADayEightHoursOfWork() throws {
        let s = try Self.scenario(calendar: "calendar: {workdays: Mon-Fri, hours: \"09:00-17:00\"}")
        #expect(s.stages[0].work == (try Distribution.constant(16)))
        #expect(s.stages[0].handoff == (try Distribution.constant(24)))  // a delay: clock time
        #expect(s.tests[0].duration == (try Distribution.constant(40)))  // manual: a working week
        #expect(s.tests[1].duration == (try Distribution.constant(24)))  // automated: clock time
        #expect(s.deploy.duration == (try Distribution.constant(8)))     // manual deployment
        #expect(s.deploy.rollback.duration == (try Distribution.constant(24)))  // automated rollback
    }

    @Test func aroundTheClockADayIsTwentyFourHours() throws {
        let s = try Self.scenario(calendar: "")
        #expect(s.stages[0].work == (try Distribution.constant(48)))
        #expect(s.tests[0].duration == (try Distribution.constant(168)))
    }
}
