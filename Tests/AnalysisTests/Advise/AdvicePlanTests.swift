import Analysis
import Testing
import TestSupport

/// `advise`: the next level from the preset ladder, each step alone, invalid steps reported.
@Suite struct AdvicePlanTests {
    static func presets() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.write("cd-base.yaml", scenarioYAML(name: "cd-base"))
        try dir.write("cd-beginner.yaml", scenarioYAML(name: "cd-beginner", replacing: [
            ("policy: {scheduled: {every: 7d}}", "policy: continuous"),
            ("wip_limit: 6", "wip_limit: 4"),
            ("dev: {people: 5}", "dev: {people: 5}\n  qa: {people: 1}"),
            ("  - name: review\n    team: dev", "  - name: review\n    team: qa"),
        ]))
        return dir
    }

    @Test func findsTheNextLevelAndItsSteps() throws {
        let dir = try Self.presets()
        defer { dir.remove() }
        let plan = try AdvicePlan.make(path: dir.path + "/cd-base.yaml", directory: dir.path)
        #expect(plan.target?.scenario.name == "cd-beginner")
        #expect(plan.steps == ["teams.qa={people: 1}", "stages.develop.wip_limit=4", "stages.review.team=qa", "release.policy=continuous"])

        let (variants, invalid) = plan.variants()
        // `stages.review.team=qa` alone names a team the baseline lacks: invalid, reported.
        #expect(invalid.map(\.step) == ["stages.review.team=qa"])
        #expect(invalid[0].error.contains("qa"))
        #expect(variants.map(\.label) == ["cd-base", "teams.qa={people: 1}", "stages.develop.wip_limit=4", "release.policy=continuous", "cd-beginner"])

        let advice = try plan.run(replications: 6, jobs: 2)
        #expect(advice.steps.count == 3)
        #expect(advice.target?.variant.label == "cd-beginner")
        #expect(advice.steps.map(\.rank) == [1, 2, 3])
        let improvements = advice.steps.compactMap(\.improvement)
        #expect(improvements == improvements.sorted(by: >))
        // Continuous delivery instead of a weekly train shortens lead time the most.
        #expect(advice.steps[0].step == "release.policy=continuous")

        let one = AdviceReport(try plan.run(replications: 6, jobs: 1), heading: "advise")
        let two = AdviceReport(advice, heading: "advise")
        #expect(one.json() == two.json())
        #expect(one.csv() == two.csv())
        #expect(AdviceView(advice, heading: "advise").render(width: 100).contains("steps that do not apply"))
        #expect(two.json().contains("\"invalid_steps\": [\n"))
    }

    @Test func explicitStepsAndTarget() throws {
        let dir = try Self.presets()
        defer { dir.remove() }
        let plan = try AdvicePlan.make(path: dir.path + "/cd-base.yaml", steps: ["teams.dev.people=6", "deploy.duration=oops"])
        #expect(plan.target == nil)
        let advice = try plan.run(replications: 4, jobs: 2)
        #expect(advice.steps.map(\.step) == ["teams.dev.people=6"])
        #expect(advice.invalid.map(\.step) == ["deploy.duration=oops"])

        let toPlan = try AdvicePlan.make(path: dir.path + "/cd-beginner.yaml", to: dir.path + "/cd-base.yaml")
        #expect(toPlan.target?.scenario.name == "cd-base")
        #expect(toPlan.steps.contains("release.policy={scheduled: {every: 7d}}"))
    }

    /// A scenario with no next level (not a preset, or the top of a ladder) gets the practice
    /// catalogue's steps that apply to it; `catalogue` forces them for a preset too.
    @Test func noNextLevelGetsTheCatalogue() throws {
        let dir = try Self.presets()
        defer { dir.remove() }
        let other = try dir.write("other.yaml", scenarioYAML(name: "example"))
        let plan = try AdvicePlan.make(path: other, directory: dir.path)
        #expect(plan.target == nil && plan.steps.isEmpty && plan.practices.count >= 5)
        #expect(plan.practices.count + plan.inPlace.count == PracticeCatalogue.all.count)
        #expect(!plan.baselineIsPreset)
        try dir.write("cd-expert.yaml", scenarioYAML(name: "cd-expert"))
        let top = try AdvicePlan.make(path: dir.path + "/cd-expert.yaml", directory: dir.path)
        #expect(top.target == nil && top.baselineIsPreset && !top.practices.isEmpty)
        let forced = try AdvicePlan.make(path: dir.path + "/cd-base.yaml", directory: dir.path, catalogue: true)
        #expect(forced.target == nil && !forced.practices.isEmpty)
        let variants = plan.variants().variants
        #expect(variants.dropFirst().map(\.label) == plan.practices.map(\.step.name) || !plan.variants().invalid.isEmpty)
    }
}
