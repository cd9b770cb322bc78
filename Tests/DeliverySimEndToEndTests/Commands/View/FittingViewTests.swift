import Foundation
import Testing
import TestSupport

/// The terminal view fits: at COLUMNS=100, from an empty folder (so the presets are the built-in
/// ones), no line of `compare --levels cd|all`, a 9-point `whatif` or `advise` is longer than 100
/// characters; narrower terminals wrap the columns into blocks rather than exceed the width.
@Suite struct FittingViewTests {
    /// Runs deliverysim in an empty folder with `COLUMNS` set; returns standard output.
    static func output(_ arguments: [String], columns: Int = 100) throws -> String {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = String(columns)
        let result = try runProcess(try deliverysimPath(), arguments + ["-q"], in: dir.path, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    static func longest(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

    @Test(arguments: [["compare", "--levels", "cd"], ["compare", "--levels", "all"]])
    func compareLevelsFits(_ arguments: [String]) throws {
        let text = try Self.output(arguments + ["--replications", "3"])
        #expect(Self.longest(text) <= 100, "\(text)")
        // The headline first, then the presets as rows with the DORA cluster.
        let first = try #require(text.split(separator: "\n").first)
        #expect(first.contains(" against cd-base"), "\(first)")
        for preset in ["cd-base", "cd-expert"] { #expect(text.contains("\n\(preset) ")) }
        #expect(text.contains("Elite") && text.contains("DORA"))
        #expect(arguments.last != "all" || text.contains("\nmlops-2 "))
    }

    @Test func whatIfNinePointsFitsAndIsLabelledByValue() throws {
        let text = try Self.output(["whatif", "cd-intermediate", "--vary", "stages.develop.wip_limit=6,8,12",
                                    "--vary", "teams.dev.people=7,9,11", "--replications", "3"])
        #expect(Self.longest(text) <= 100, "\(text)")
        #expect(text.contains("wip_limit, people") && text.contains("\n12, 11 ") && !text.contains("#1"), "\(text)")
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("6, ") || $0.hasPrefix("8, ") || $0.hasPrefix("12, ") }.count == 9)
    }

    @Test func adviseFits() throws {
        let text = try Self.output(["advise", "cd-base", "--replications", "3"])
        #expect(Self.longest(text) <= 100, "\(text)")
        #expect(text.contains("baseline: cd-base") && text.contains("all steps: cd-beginner") && text.contains("--to"), "\(text)")
    }

    @Test func narrowTerminalsWrapColumnsIntoBlocks() throws {
        let text = try Self.output(["compare", "--levels", "all", "--replications", "3"], columns: 60)
        #expect(Self.longest(text) <= 60, "\(text)")
        // The scenario column repeats in every block.
        #expect(text.components(separatedBy: "\ncd-base ").count > 2, "\(text)")
        let all = try Self.output(["compare", "--levels", "cd", "--replications", "3", "--metrics", "all"])
        #expect(Self.longest(all) <= 100)
        #expect(all.contains("flow_efficiency") && all.contains("utilization"))
    }

    @Test func metricsChoosesTheColumnsAndJSONStaysComplete() throws {
        let flow = try Self.output(["run", "cd-base", "--replications", "3", "--metrics", "wip,lead_time_hours.p85"])
        #expect(flow.contains("wip") && flow.contains("lead_time_hours.p85") && !flow.contains("deployment frequency"), "\(flow)")
        let json = try Self.output(["run", "cd-base", "--replications", "3", "--metrics", "wip", "--format", "json"])
        #expect(json.contains("\"deployment_frequency_per_day\"") && json.contains("\"user_impact_hours\""))
        let bad = try runProcess(try deliverysimPath(), ["run", "cd-base", "--metrics", "nonsense"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown: nonsense"), "\(bad.stderr)")
    }

    @Test func runShowsTheDORABlockFirstWithItsCluster() throws {
        let text = try Self.output(["run", "cd-base", "--replications", "3"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("DORA 2024 cluster: "), "\(text)")
        #expect(lines.firstIndex { $0.hasPrefix("deployment frequency") }! < lines.firstIndex { $0.hasPrefix("throughput") }!)
        #expect(Self.longest(text) <= 100)
    }
}
