import Analysis
import DeliveryModel
import ScenarioFile
import Testing

/// The practice catalogue: unique ids, a maturity-model source for every step, changes computed
/// from the scenario's own document, and no step for a practice already in place.
@Suite struct PracticeCatalogueTests {
    static func applied(_ yaml: String) throws -> [String: [String]] {
        let loaded = try ScenarioLoader.load(yaml: yaml)
        var out: [String: [String]] = [:]
        for step in PracticeCatalogue.all {
            if let o = step.overrides(for: loaded.scenario, document: loaded.resolvedYAML) { out[step.id] = o }
        }
        return out
    }

    @Test func everyStepHasAnIdAndASource() {
        #expect(Set(PracticeCatalogue.all.map(\.id)).count == PracticeCatalogue.all.count)
        #expect(PracticeCatalogue.all.allSatisfy { $0.source.hasPrefix("CDMM ") || $0.source.hasPrefix("MLOps level ") })
        #expect(PracticeCatalogue.all.count >= 10)
    }

    @Test func stepsAreComputedFromTheScenario() throws {
        let steps = try Self.applied(StarterScenario.text)
        // WIP limits from team sizes: review (dev, 6 people) → 9, test (qa, 2 people) → 3; develop has one.
        #expect(steps["wip-limits"] == ["stages.review.wip_limit=9", "stages.test.wip_limit=3"])
        #expect(steps["automate-deployments"] == ["deploy.automated=true", "deploy.duration=30m"])
        #expect(steps["smaller-batches"] == ["release.policy={scheduled: {every: 168h}}"])
        #expect(steps["automate-regression"] == ["tests.regression.manual=false"])
        #expect(steps["remove-handoffs"] == ["stages.test.handoff=null"])
        let tests = try #require(steps["add-integration-tests"]?.first)
        #expect(tests.hasPrefix("tests=[{name: unit") && tests.hasSuffix("{name: integration, at: develop, duration: 30m, detection: 0.3, flaky: 0.015}]"))
        #expect(steps["ml-monitoring"] == nil, "no ml section: ML steps do not apply")
        // Every computed step loads.
        for (id, overrides) in steps {
            #expect(throws: Never.self, "\(id)") { try ScenarioLoader.load(yaml: StarterScenario.text, overrides: overrides) }
        }
    }

    @Test func practicesInPlaceDoNotApply() throws {
        let expert = try #require(BuiltInPresets.preset("cd-expert"))
        let steps = try Self.applied(try ScenarioLoader.load(path: expert.path).resolvedYAML)
        for id in ["continuous-release", "remove-change-approval", "automate-deployments", "automate-rollback", "canary-releases", "smaller-batches"] {
            #expect(steps[id] == nil, "\(id) is in place at cd-expert")
        }
        let mlops = try Self.applied(try ScenarioLoader.load(path: "builtin:mlops-0.yaml").resolvedYAML)
        #expect(mlops["ml-monitoring"] != nil && mlops["ml-automated-training"] != nil)
    }
}
