import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
import TestSupport

/// `--set key.path=value` overrides.
struct OverrideTests {
    /// A document written with overrides but not read (an export's scenario copy) is the text a
    /// full load gives, for every built-in preset, with keys the preset sets and keys it leaves
    /// to their defaults.
    @Test func emittedWithoutReadingIsTheLoadedText() throws {
        for preset in BuiltInPresets.all {
            let resolved = try ScenarioLoader.resolve(path: preset.path)
            for overrides in [["seed=7", "replications=12"], ["seed=18446744073709551615", "replications=2", "warmup=3d"]] {
                let loaded = try resolved.load(overrides: overrides).resolvedYAML
                #expect(try resolved.emitted(overrides: overrides) == loaded, "\(preset.name) with \(overrides)")
            }
        }
        // A malformed override is refused the same way.
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader.resolve(yaml: smallScenario).emitted(overrides: ["seed"]) }
    }

    @Test func scalarOverrides() throws {
        let s = try ScenarioLoader.load(yaml: smallScenario, overrides: ["stages[0].wip_limit=7", "seed=3", "teams.dev.people=8"]).scenario
        #expect(s.stages[0].wipLimit == 7)
        #expect(s.seed == 3)
        #expect(s.teams[0].people == 8)
    }

    @Test func flowMappingValue() throws {
        let s = try ScenarioLoader.load(yaml: smallScenario, overrides: ["release.policy={scheduled: {every: 7d}}"]).scenario
        #expect(s.release.policy == .scheduled(every: 168))
        let work = try ScenarioLoader.load(yaml: smallScenario, overrides: ["stages[1].work={lognormal: {median: 1h, p90: 3h}}"]).scenario
        #expect(work.stages[1].work == (try Distribution.lognormal(median: 1, p90: 3)))
    }

    @Test func addressingListElementsByName() throws {
        let s = try ScenarioLoader.load(yaml: smallScenario, overrides: ["stages.develop.wip_limit=4", "stages.test.wip_limit=2"]).scenario
        #expect(s.stages.map(\.wipLimit) == [4, 2])
    }

    @Test func createsMissingIntermediateKeys() throws {
        let s = try ScenarioLoader.load(yaml: smallScenario, overrides: ["deploy.canary.fraction=0.1", "deploy.canary.duration=2h",
                                                                         "deploy.canary.detection=0.5"]).scenario
        #expect(s.deploy.canary?.fraction == 0.1)
        #expect(s.deploy.canary?.duration == constant(2))
    }

    @Test func laterOverridesWin() throws {
        let s = try ScenarioLoader.load(yaml: smallScenario, overrides: ["seed=3", "seed=4"]).scenario
        #expect(s.seed == 4)
    }

    @Test func badOverridesAreErrorsFromSet() {
        let noEquals = loadErrors(smallScenario, overrides: ["seed"])
        #expect(noEquals.count == 1)
        #expect(noEquals.first?.file == "--set")
        #expect(noEquals.first?.keyPath == "")
        #expect(noEquals.first?.message == "`seed` is not of the form key.path=value")

        let badPath = loadErrors(smallScenario, overrides: ["stages[x].wip_limit=3"])
        #expect(badPath.count == 1)
        #expect(badPath.first?.file == "--set")
        #expect(badPath.first?.keyPath == "stages[x].wip_limit")
        #expect(badPath.first?.message == "bad key path in `stages[x].wip_limit=3`: `[x]` is not a list index (a non-negative integer)")

        let range = loadErrors(smallScenario, overrides: ["stages[5].wip_limit=3"])
        #expect(range.map(\.file) == ["--set"])
        #expect(range.first?.keyPath == "stages[5].wip_limit")
        #expect(range.first?.message == "cannot set `stages[5].wip_limit=3`: index 5 is out of range: `stages` has 2 elements")

        let name = loadErrors(smallScenario, overrides: ["stages.devlop.wip_limit=3"])
        #expect(name.map(\.file) == ["--set"])
        #expect(name.first?.message == "cannot set `stages.devlop.wip_limit=3`: `stages` has no element named `devlop`; did you mean `develop`? (names: develop, test)")

        let scalar = loadErrors(smallScenario, overrides: ["horizon.days=3"])
        #expect(scalar.first?.message == "cannot set `horizon.days=3`: `horizon` is \"30d\", not a mapping, so `.days` does not apply")

        let notList = loadErrors(smallScenario, overrides: ["teams[0].people=3"])
        #expect(notList.first?.message == "cannot set `teams[0].people=3`: `teams` is not a list, so `[0]` does not apply")

        let yaml = loadErrors(smallScenario, overrides: ["release.policy={scheduled: {every: 7d}"])
        #expect(yaml.map(\.file) == ["--set"])
        #expect(yaml.first?.keyPath == "release.policy")
        #expect(yaml.first?.message.contains("YAML syntax error") == true)

        let empty = loadErrors(smallScenario, overrides: ["=3", "a..b=1"])
        #expect(empty.map(\.file) == ["--set", "--set"])
    }

    @Test func invalidOverriddenValueIsReportedAgainstSet() {
        let errors = loadErrors(smallScenario, overrides: ["stages.develop.wip_limit=0"])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "--set")
        #expect(errors.first?.keyPath == "stages[0].wip_limit")
        #expect(errors.first?.line == nil)
        #expect(errors.first?.message == "must be an integer ≥ 1 (got 0)")
        #expect(errors.first?.description == "--set: stages[0].wip_limit: must be an integer ≥ 1 (got 0)")

        let unknown = loadErrors(smallScenario, overrides: ["stages[0].wip_limt=3"])
        #expect(unknown.map(\.keyPath) == ["stages[0].wip_limt"])
        #expect(unknown.first?.file == "--set")
        #expect(unknown.first?.message == "unknown key `wip_limt`; did you mean `wip_limit`?")
    }

    @Test func overridesApplyAfterExtends() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(smallScenario, to: dir.appendingPathComponent("base.yaml"))
        let child = dir.appendingPathComponent("child.yaml")
        try write("extends: base.yaml\nseed: 2\n", to: child)
        let loaded = try ScenarioLoader.load(path: child.path, overrides: ["seed=11", "stages.test.work=3h"])
        #expect(loaded.scenario.seed == 11)
        #expect(loaded.scenario.stages[1].work == constant(3))
        #expect(loaded.resolvedYAML.contains("seed: 11"))
        #expect(!loaded.resolvedYAML.contains("extends"))

        let setExtends = loadFileErrors(child.path, overrides: ["extends=other.yaml"])
        #expect(setExtends.map(\.file) == ["--set"])
    }
}

/// The resolved document, re-emitted as YAML.
struct ResolvedYAMLTests {
    @Test func resolvedYAMLLoadsBackToTheSameScenario() throws {
        let original = try ScenarioLoader.load(yaml: ExampleScenarioTests.fullExample, overrides: ["stages.review.wip_limit=3"])
        let again = try ScenarioLoader.load(yaml: original.resolvedYAML)
        #expect(sameScenario(original.scenario, again.scenario))
        #expect(again.scenario.stages[1].wipLimit == 3)
        // Emitting is deterministic and a fixed point.
        #expect(again.resolvedYAML == original.resolvedYAML)
    }

    @Test func resolvedYAMLKeepsFileOrderAndMergesExtends() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(ExtendsTests.base, to: dir.appendingPathComponent("base.yaml"))
        let child = dir.appendingPathComponent("child.yaml")
        try write("extends: base.yaml\nname: child\nreplications: 5\n", to: child)
        let loaded = try ScenarioLoader.load(path: child.path)
        let yaml = loaded.resolvedYAML
        let keys = yaml.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }.map { String($0.prefix { $0 != ":" }) }
        #expect(keys == ["name", "description", "horizon", "seed", "demand", "teams", "stages", "deploy", "replications"])
        #expect(yaml.hasPrefix("name: child\n"))
        let again = try ScenarioLoader.load(yaml: yaml)
        #expect(sameScenario(loaded.scenario, again.scenario))
    }

    @Test func stringsThatLookLikeOtherTypesStayStrings() throws {
        let yaml = smallScenario.replacingOccurrences(of: "name: small", with: "name: \"123\"\ndescription: 'yes'")
            .replacingOccurrences(of: "  qa: {people: 1}", with: "  \"on\": {people: 1}")
            .replacingOccurrences(of: "team: qa", with: "team: \"on\"")
        let loaded = try ScenarioLoader.load(yaml: yaml)
        #expect(loaded.scenario.name == "123")
        #expect(loaded.scenario.description == "yes")
        #expect(loaded.scenario.teams.map(\.name) == ["dev", "on"])
        let again = try ScenarioLoader.load(yaml: loaded.resolvedYAML)
        #expect(sameScenario(loaded.scenario, again.scenario))
    }

    @Test func repositoryExampleRoundTrips() throws {
        let loaded = try ScenarioLoader.load(path: repositoryRootURL.appendingPathComponent("scenarios/example.yaml").path)
        let again = try ScenarioLoader.load(yaml: loaded.resolvedYAML)
        #expect(sameScenario(loaded.scenario, again.scenario))
    }
}
