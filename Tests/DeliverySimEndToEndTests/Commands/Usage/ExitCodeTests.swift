import Foundation
import Testing
import TestSupport

/// Every usage error exits with 2 (README: "2 bad input … bad options"), spelled `error:`,
/// and `validate` warns with 4 on a scenario `run` would refuse as unstable.
@Suite struct ExitCodeTests {
    @Test(arguments: [
        ["run", "scenarios/example.yaml", "--replications", "0"],
        ["run", "scenarios/example.yaml", "--format", "xml"],
        ["validate"],
        ["metrics", "--format", "xml"],
        ["compare"],
        ["compare", "--levels", "foo"],
        ["compare", "--levels", "cd", "--dora", "2022"],
        ["whatif", "scenarios/example.yaml"],
        ["advise", "scenarios/example.yaml", "--replications", "1"],
        ["calibrate"],
        ["sweep", "scenarios/sweeps/intermediate-lhs.yaml", "--shard", "0/3", "--out", "/tmp/never"],
        ["merge", "a.json"],
        ["report"],
        ["bench", "--no-such-option"],
        ["presets", "show"],
        ["presets", "copy"],
        ["init", "a.yaml", "b.yaml"],
        ["run", "scenarios/example.yaml", "--metrics", "nonsense"],
    ])
    func usageErrorExitsWithTwo(arguments: [String]) throws {
        let result = try runProcess(try deliverysimPath(), arguments, in: repositoryRoot)
        #expect(result.status == 2, "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"), "\(result.stderr)")
    }

    @Test func validateWarnsOnAScenarioRunRefuses() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("busy.yaml", scenarioYAML(name: "busy", replacing: [("{exponential: {mean: 18h}}", "{exponential: {mean: 5m}}")]))
        let run = try runProcess(try deliverysimPath(), ["run", path, "-q"])
        #expect(run.status == 3, "\(run.stderr)")
        let validate = try runProcess(try deliverysimPath(), ["validate", path])
        #expect(validate.status == 4, "\(validate.stdout) \(validate.stderr)")
        #expect(validate.stdout.hasPrefix("unstable: "))
        #expect(validate.stderr.contains("warning: busy: team"))
        let fine = try runProcess(try deliverysimPath(), ["validate", "scenarios/example.yaml"], in: repositoryRoot)
        #expect(fine.status == 0 && fine.stdout.hasPrefix("ok: "))
    }
}
