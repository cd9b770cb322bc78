import Analysis
import ScenarioFile
import Testing
import TestSupport

/// Steps between two documents: leaves, replaced subtrees, named and indexed sequences.
@Suite struct PracticeStepsTests {
    @Test func stepsBetweenTwoSmallDocuments() throws {
        let from = """
        name: a
        description: first
        seed: 1
        horizon: 100d
        teams: {dev: {people: 5}, qa: {people: 2}}
        stages:
          - {name: develop, team: dev, wip_limit: 6}
          - {name: test, team: qa}
        tests:
          - {name: unit, at: develop, detection: 0.4}
          - {name: regression, at: test, manual: true, duration: 1d}
        release: {policy: continuous}
        deploy: {automated: false, duration: 4h, canary: {fraction: 0.05}}
        calendar: {hours: "09:00-17:00"}
        list: [1, 2, 3]
        ratio: 1
        """
        let to = """
        name: b
        description: second
        seed: 2
        horizon: 100d
        teams: {dev: {people: 6}, qa: {people: 2}}
        stages:
          - {name: develop, team: dev, wip_limit: 4}
          - {name: test, team: qa}
        tests:
          - {name: unit, at: develop, detection: 0.6}
          - {name: regression, at: test, duration: 2h}
        release: {policy: {scheduled: {every: 7d}}}
        deploy: {automated: true, duration: 4h, canary: {fraction: 0.05}, rollback: {automated: true}}
        calendar: {hours: "08:00-16:00"}
        list: [1, 5, 3]
        ratio: 1.0
        """
        #expect(try PracticeSteps.between(from, to) == [
            "teams.dev.people=6",
            "stages.develop.wip_limit=4",                                              // by element name
            "tests.unit.detection=0.6",
            "tests.regression={name: regression, at: test, duration: 2h}",             // lost a key: replaced whole
            "release.policy={scheduled: {every: 7d}}",                                 // scalar → mapping
            "deploy.automated=true",
            "deploy.rollback={automated: true}",                                       // added key
            "calendar.hours=\"08:00-16:00\"",                                          // quoted stays quoted
            "list[1]=5",                                                               // unnamed: by index
        ])
    }

    @Test func sequencesThatChangeShapeAreReplacedWhole() throws {
        let from = "stages:\n  - {name: develop, wip_limit: 6}\n  - {name: test}\n"
        let added = "stages:\n  - {name: develop, wip_limit: 6}\n  - {name: review}\n  - {name: test}\n"
        let renamed = "stages:\n  - {name: build, wip_limit: 6}\n  - {name: test}\n"
        #expect(try PracticeSteps.between(from, added) == ["stages=[{name: develop, wip_limit: 6}, {name: review}, {name: test}]"])
        #expect(try PracticeSteps.between(from, renamed) == ["stages=[{name: build, wip_limit: 6}, {name: test}]"])
        #expect(try PracticeSteps.between(from, from) == [])
    }

    @Test func removedTopLevelKeyIsSetToNull() throws {
        #expect(try PracticeSteps.between("a: 1\nb: {c: 2}\n", "a: 1\n") == ["b=null"])
        #expect(try PracticeSteps.between("extends: x.yaml\nname: a\nreplications: 3\n", "name: b\nreplications: 30\n") == [])
    }

    @Test func flowTextQuotesWhatPlainFlowCannotHold() {
        #expect(PracticeSteps.plainInFlow("7d"))
        #expect(PracticeSteps.plainInFlow("-1"))
        #expect(!PracticeSteps.plainInFlow("a, b"))
        #expect(!PracticeSteps.plainInFlow("{x}"))
        #expect(!PracticeSteps.plainInFlow("key: value"))
        #expect(!PracticeSteps.plainInFlow("- item"))
        #expect(!PracticeSteps.plainInFlow(""))
    }

    /// Applying every step to the first document as overrides gives the second (same resolved
    /// document up to name and description).
    @Test func stepsTakeTheScenarioToTheTarget() throws {
        let base = try ScenarioLoader.load(yaml: scenarioYAML(name: "cd-base"))
        let target = try ScenarioLoader.load(yaml: scenarioYAML(name: "cd-beginner", replacing: [
            ("wip_limit: 6", "wip_limit: 4"),
            ("policy: {scheduled: {every: 7d}}", "policy: continuous"),
            ("dev: {people: 5}", "dev: {people: 6}\n  qa: {people: 1}"),
            ("  - name: review\n    team: dev", "  - name: review\n    team: qa"),
            ("failure_probability: 0.02", "failure_probability: 0.01\n  canary: {fraction: 0.1, duration: 1h, detection: 0.8}"),
        ]))
        let steps = try PracticeSteps.between(base.resolvedYAML, target.resolvedYAML)
        #expect(steps == [
            "teams.dev.people=6", "teams.qa={people: 1}", "stages.develop.wip_limit=4", "stages.review.team=qa",
            "release.policy=continuous", "deploy.failure_probability=0.01", "deploy.canary={fraction: 0.1, duration: 1h, detection: 0.8}",
        ])
        let moved = try ScenarioLoader.load(yaml: scenarioYAML(name: "cd-base"), overrides: steps)
        #expect(try PracticeSteps.between(moved.resolvedYAML, target.resolvedYAML) == [])
    }
}
