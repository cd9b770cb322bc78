import ScenarioFile
import Testing

/// Sweep files are read through the scenario document layer: every problem, with key path,
/// line and column.
@Suite struct SweepSpecTests {
    @Test func readsAGridWithListsAndRanges() throws {
        let spec = try SweepSpec.parse("""
        base: base.yaml
        seed: 7
        set: ["release.approval=null"]
        vary:
          teams.dev.people: {from: 7, to: 11, step: 2}
          release.policy: [continuous, {scheduled: {every: 7d}}, "yes"]
        """, path: "sweeps/s.yaml")
        #expect(spec.base == "sweeps/base.yaml")
        #expect(spec.seed == 7 && spec.replications == nil && spec.overrides == ["release.approval=null"])
        #expect(spec.axes == [Axis(key: "teams.dev.people", values: ["7", "9", "11"]),
                              Axis(key: "release.policy", values: ["continuous", "{scheduled: {every: 7d}}", "\"yes\""])])
        #expect(spec.points(seed: 1).count == 9)
    }

    @Test func reportsEveryProblemWithItsPosition() {
        let text = """
        base: x.yaml
        replications: 1
        vary:
          a: []
          c: {from: x, to: 2, stepp: 1}
        extra: 1
        """
        #expect {
            try SweepSpec.parse(text, path: "s.yaml")
        } throws: { error in
            let lines = (error as? ScenarioErrors)?.errors.map(\.description) ?? []
            return lines == [
                "s.yaml:2:15: replications: must be an integer between 2 and 100000 (got 1)",
                "s.yaml:4:6: vary.a: the list of values is empty",
                "s.yaml:5:6: vary.c.step: missing required key `step`",
                "s.yaml:5:13: vary.c.from: must be a number (got \"x\")",
                "s.yaml:5:23: vary.c.stepp: unknown key `stepp`; did you mean `step`?",
                "s.yaml:6:1: extra: unknown key `extra` (expected one of: base, replications, seed, set, vary, latin_hypercube)",
            ]
        }
    }
}
