import DeliveryModel
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The declared scenario keys (`ScenarioKeys.all`) against the documentation and the model.
struct DeclaredKeyTests {
    // MARK: Documentation

    /// The key paths the tables of `scenarios/README.md`'s "## Keys" section document. A table's
    /// keys are under the section of the `###` heading above it (`stages` → `stages[]`), or under
    /// the key its introducing line starts with (`` `canary` — … `` → `deploy.canary`); a dotted
    /// key (`drift.gradual.per_day`) also documents its parents.
    static func documentedKeys() throws -> Set<String> {
        let text = try String(contentsOf: repositoryRootURL.appendingPathComponent("scenarios/README.md"), encoding: .utf8)
        let listPaths = ["stages": "stages[]", "tests": "tests[]", "teams": "teams.*", "wip_limits": "wip_limits[]"]
        func firstQuoted(_ line: Substring) -> String? {
            guard let open = line.firstIndex(of: "`") else { return nil }
            let rest = line[line.index(after: open)...]
            guard let close = rest.firstIndex(of: "`") else { return nil }
            return String(rest[..<close])
        }
        func join(_ a: String, _ b: String) -> String { a.isEmpty ? b : a + "." + b }
        var keys: Set<String> = []
        var inKeys = false, inTable = false
        var section = "", prefix = ""
        var paragraph: Substring = ""  // the first line of the last paragraph
        var blank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inKeys = line == "## Keys"; continue }
            guard inKeys else { continue }
            if line.hasPrefix("### ") {
                section = firstQuoted(line) ?? ""
                if !section.isEmpty { keys.insert(section) }
                paragraph = ""
                continue
            }
            if line.hasPrefix("|") {
                if !inTable {
                    inTable = true
                    prefix = listPaths[section] ?? section
                    if paragraph.hasPrefix("Each class") {
                        prefix = join(section, "classes.*")
                    } else if paragraph.hasPrefix("`"), let key = firstQuoted(paragraph) {
                        prefix = join(prefix, key)
                    }
                    continue  // the header row
                }
                let cell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
                guard let key = firstQuoted(cell) else { continue }  // the separator row
                let parts = key.split(separator: ".").map(String.init)
                for n in 1...parts.count { keys.insert(join(prefix, parts[..<n].joined(separator: "."))) }
                continue
            }
            inTable = false
            let isBlank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if !isBlank, blank { paragraph = line }
            blank = isBlank
        }
        return keys
    }

    @Test func theREADMEDocumentsExactlyTheDeclaredKeys() throws {
        let documented = try Self.documentedKeys()
        let declared = Set(ScenarioKeys.all.map(\.path))
        #expect(documented.subtracting(declared).sorted() == [], "documented in scenarios/README.md but not declared")
        #expect(declared.subtracting(documented).sorted() == [], "declared but not documented in scenarios/README.md's Keys tables")
    }

    @Test func everyKeyIsDeclaredOnce() {
        let paths = ScenarioKeys.all.map(\.path)
        #expect(paths.count == Set(paths).count)
        #expect(ScenarioKeys.all.allSatisfy { !$0.key.doc.isEmpty })
    }

    // MARK: Coverage

    /// Keys that cannot change a result by nature.
    static let exempt: [String: String] = [
        "name": "the scenario's name only labels reports",
        "description": "free text",
        "extends": "resolved into the document before it is read: the merged values are what the model sees",
        "economics.steps": "what a practice step costs is read by `advise --objective cost` (its cost per week and payback), not by a replication: AdviceObjectiveTests",
    ]

    /// A changed value for a key: `--set` overrides applied to the fixture, on top of `context`,
    /// which the base run gets too (for keys that matter only in some setting).
    struct Alternative: Sendable {
        var change: [String]
        var context: [String] = []
    }

    static func alt(_ change: String..., context: [String] = []) -> Alternative { Alternative(change: change, context: context) }

    /// One alternative per declared key that is not exempt.
    static let alternatives: [String: Alternative] = [
        "horizon": alt("horizon=100d"),
        "warmup": alt("warmup=20d"),
        "replications": alt("replications=3"),
        "seed": alt("seed=8"),
        "calendar": alt("calendar=always"),
        "calendar.workdays": alt("calendar.workdays=Mon-Sat"),
        "calendar.hours": alt("calendar.hours=08:00-18:00"),
        "calendar.start": alt("calendar.start=2027-01-06"),
        "calendar.holidays": alt("calendar.holidays=[2027-01-05, {from: 2027-02-01, to: 2027-02-12}]", context: ["calendar.start=2027-01-04"]),
        "demand": alt("demand={arrivals: 12h}"),
        "demand.arrivals": alt("demand.arrivals=12h"),
        "demand.backlog": alt("demand.backlog=50"),
        "demand.classes.*.backlog": alt("demand.classes.bug.backlog=30"),
        "demand.split": alt("demand.split={probability: 0.5, into: 2-3}"),
        "demand.split.probability": alt("demand.split.probability=0.9", context: ["demand.split={probability: 0.3}"]),
        "demand.split.into": alt("demand.split.into=4-6", context: ["demand.split={probability: 0.3}"]),
        "demand.added_scope": alt("demand.added_scope=1d", context: ["demand.backlog=30"]),
        "demand.classes.*.work": alt("demand.classes.bug.work={develop: 4h}"),
        "wip_limits": alt("wip_limits=[{stages: [develop, review], limit: 3}]"),
        "wip_limits[].stages": alt("wip_limits[0].stages=[review, test]", context: ["wip_limits=[{stages: [develop, review], limit: 3}]"]),
        "wip_limits[].limit": alt("wip_limits[0].limit=2", context: ["wip_limits=[{stages: [develop, review], limit: 3}]"]),
        "demand.classes": alt("demand.classes=null"),
        "demand.classes.*.share": alt("demand.classes.feature.share=0.5", "demand.classes.bug.share=0.45"),
        "demand.classes.*.skips_wip_limits": alt("demand.classes.bug.skips_wip_limits=true"),
        "demand.classes.*.priority": alt("demand.classes.bug.priority=5"),
        "teams": alt("teams={dev: {people: 3}, qa: {people: 2}, ops: {people: 1}, ds: {people: 2}}"),
        "teams.*.people": alt("teams.dev.people=6"),
        "stages": alt("stages=[{name: develop, team: dev, work: 1d}, {name: test, team: qa, work: 1h}]"),
        "stages[].name": alt("stages.review.name=inspect"),
        "stages[].team": alt("stages.review.team=qa"),
        "stages[].work": alt("stages.develop.work=2d"),
        "stages[].handoff": alt("stages.test.handoff=2d"),
        "stages[].wip_limit": alt("stages.develop.wip_limit=2"),
        "stages[].defect_probability": alt("stages.develop.defect_probability=0.1"),
        "stages[].detection": alt("stages.review.detection=0.9"),
        "stages[].rework_fraction": alt("stages.develop.rework_fraction=3"),
        "stages[].blockers": alt("stages.develop.blockers={chance: 0.5, duration: 2d}"),
        "stages[].blockers.chance": alt("stages.develop.blockers.chance=0.9", context: ["stages.develop.blockers={chance: 0.1, duration: 2d}"]),
        "stages[].blockers.duration": alt("stages.develop.blockers.duration=5d", context: ["stages.develop.blockers={chance: 0.5, duration: 1h}"]),
        "tests": alt("tests=[]"),
        "tests[].name": alt("tests.unit.name=fast"),
        "tests[].at": alt("tests.unit.at=review"),
        "tests[].duration": alt("tests.regression.duration=1d"),
        "tests[].detection": alt("tests.unit.detection=0.9"),
        "tests[].flaky": alt("tests.unit.flaky=0.5"),
        "tests[].manual": alt("tests.regression.manual=false"),
        "release": alt("release=null"),
        "release.policy": alt("release.policy={batch: {size: 5}}"),
        "release.approval": alt("release.approval=4d"),
        "deploy": alt("deploy=null"),
        "deploy.automated": alt("deploy.automated=true"),
        "deploy.duration": alt("deploy.duration=1d"),
        "deploy.failure_probability": alt("deploy.failure_probability=0.5"),
        "deploy.canary": alt("deploy.canary=null"),
        "deploy.canary.fraction": alt("deploy.canary.fraction=0.5"),
        "deploy.canary.duration": alt("deploy.canary.duration=1d"),
        "deploy.canary.detection": alt("deploy.canary.detection=0.1"),
        "deploy.rollback": alt("deploy.rollback=null"),
        "deploy.rollback.automated": alt("deploy.rollback.automated=true"),
        "deploy.rollback.duration": alt("deploy.rollback.duration=1d"),
        "deploy.team": alt("deploy.team=dev"),
        "operations": alt("operations=null"),
        "operations.incident_probability": alt("operations.incident_probability=0.1"),
        "operations.detection": alt("operations.detection=3d"),
        "operations.restore": alt("operations.restore=fix_forward"),
        "ml": alt("ml=null"),
        "ml.models": alt("ml.models=6"),
        "ml.quality": alt("ml.quality={initial: 0.97, threshold: 0.8}"),
        "ml.quality.initial": alt("ml.quality.initial=0.97"),
        "ml.quality.threshold": alt("ml.quality.threshold=0.8"),
        "ml.drift": alt("ml.drift=null"),
        "ml.drift.gradual": alt("ml.drift.gradual=null"),
        "ml.drift.gradual.per_day": alt("ml.drift.gradual.per_day=0.0001"),
        "ml.drift.shifts": alt("ml.drift.shifts=null"),
        "ml.drift.shifts.every": alt("ml.drift.shifts.every=60d"),
        "ml.drift.shifts.drop": alt("ml.drift.shifts.drop=0.3"),
        "ml.monitoring": alt("ml.monitoring={detection: 5d}"),
        "ml.monitoring.detection": alt("ml.monitoring.detection=5d"),
        "ml.monitoring.false_alarm_per_day": alt("ml.monitoring.false_alarm_per_day=0.5"),
        "ml.user_reports": alt("ml.user_reports=1d", context: ["ml.monitoring=null", "ml.retraining.trigger=manual"]),
        "ml.retraining": alt("ml.retraining={trigger: drift, pipeline: automated, duration: 1d}"),
        "ml.retraining.trigger": alt("ml.retraining.trigger=manual"),
        "ml.retraining.every": alt("ml.retraining.every=10d", context: ["ml.retraining.trigger=scheduled", "ml.retraining.every=30d"]),
        "ml.retraining.pipeline": alt("ml.retraining.pipeline=manual"),
        "ml.retraining.duration": alt("ml.retraining.duration=3d"),
        "ml.retraining.failure_probability": alt("ml.retraining.failure_probability=0.6"),
        "ml.retraining.validation": alt("ml.retraining.validation=null"),
        "ml.retraining.validation.offline_detection": alt("ml.retraining.validation.offline_detection=0.95"),
        "ml.retraining.validation.canary": alt("ml.retraining.validation.canary=null"),
        "ml.retraining.validation.canary.duration": alt("ml.retraining.validation.canary.duration=5d"),
        "ml.retraining.validation.canary.detection": alt("ml.retraining.validation.canary.detection=0.95"),
        "ml.retraining.team": alt("ml.retraining.team=dev"),
        "ml.retraining.handoff": alt("ml.retraining.handoff=5d", context: ["ml.retraining.pipeline=manual"]),
        "economics": alt("economics={people: {dev: 100}}"),
        "economics.people": alt("economics.people={dev: 120, qa: 50}", context: ["economics={people: {dev: 100}}"]),
        "economics.delay": alt("economics.delay={feature: 900}", context: ["economics={delay: {feature: 1000}}"]),
        "economics.incident_hour": alt("economics.incident_hour=7000", context: ["economics={incident_hour: 5000}"]),
        "ml.pipeline_changes": alt("ml.pipeline_changes=null"),
        "ml.pipeline_changes.arrivals": alt("ml.pipeline_changes.arrivals=2d"),
        "ml.pipeline_changes.through_ci_cd": alt("ml.pipeline_changes.through_ci_cd=true"),
        "ml.pipeline_changes.failure_probability": alt("ml.pipeline_changes.failure_probability=0.9"),
        "ml.pipeline_changes.repair": alt("ml.pipeline_changes.repair=5d"),
    ]

    /// Every metric of every replication of the fixture with `overrides`.
    static func results(_ overrides: [String]) throws -> [[MetricValue]] {
        let scenario = try ScenarioLoader.load(yaml: everyAreaScenario, path: "every-area.yaml", overrides: overrides).scenario
        return try ScenarioRunner.run(scenario, replications: scenario.replications).map(\.metrics)
    }

    @Test func everyAlternativeIsForADeclaredKey() {
        let declared = Set(ScenarioKeys.all.map(\.path))
        #expect(Set(Self.alternatives.keys).subtracting(declared).sorted() == [])
        #expect(Set(Self.exempt.keys).subtracting(declared).sorted() == [])
    }

    /// Every declared key is read by the model: changing it changes some metric.
    @Test(arguments: ScenarioKeys.all.map(\.path))
    func changingTheKeyChangesAResult(_ path: String) throws {
        if Self.exempt[path] != nil { return }
        let alternative = try #require(Self.alternatives[path], "no alternative value for `\(path)`: add one to DeclaredKeyTests.alternatives")
        let base = try Self.results(alternative.context)
        let changed = try Self.results(alternative.context + alternative.change)
        let differs = base != changed
        #expect(differs, "`\(path)`: \(alternative.change.joined(separator: " ")) changes no metric")
    }
}
