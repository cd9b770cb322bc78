import Export
import Foundation
import Testing

/// `deliverysim … --out` end to end: the files, agreement with the JSON output, refusal and
/// --force, cleanup on interruption, and a quiet standard error when it is not a terminal.
@Suite(.serialized) struct ExportCommandTests {
    static func scenarios(in dir: TemporaryDirectory) throws -> [String] {
        [try dir.write("a.yaml", scenarioYAML(name: "weekly")),
         try dir.write("b.yaml", scenarioYAML(name: "continuous", replacing: [("policy: {scheduled: {every: 7d}}", "policy: continuous")]))]
    }

    @Test func compareExportsAndAgreesWithItsJSON() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let files = try Self.scenarios(in: dir)
        let exported = try runProcess(bin, ["compare"] + files + ["--replications", "3", "--format", "json", "--out", dir.path + "/out", "--report"])
        #expect(exported.status == 0, "\(exported.stderr)")
        // Standard error is a pipe here: no progress line, only the note where the files went.
        #expect(!exported.stderr.contains("\r") && !exported.stderr.contains("\u{1B}"))
        #expect(exported.stderr.hasPrefix("exported to \(dir.path)/out/: replications.csv, summary.csv, flow.csv, "))
        #expect(try dir.list("out") == ["analysis.ipynb", "flow.csv", "replications.csv", "report.html", "run.json",
                                        "scenario-continuous.yaml", "scenario-weekly.yaml", "summary.csv"])
        // Without --out: the same JSON (recording flow changes no result), and summary.csv
        // is the --format csv output.
        let plain = try runProcess(bin, ["compare"] + files + ["--replications", "3", "--format", "json"])
        #expect(plain.stdout == exported.stdout)
        let csv = try runProcess(bin, ["compare"] + files + ["--replications", "3", "--format", "csv", "--quiet"])
        #expect(try dir.read("out/summary.csv") == csv.stdout)
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(dir.read("out/run.json").utf8)) as? [String: Any])
        #expect((manifest["command_line"] as? String)?.hasPrefix("deliverysim compare ") == true)
        #expect(manifest["version"] as? String == DeliverySimVersionForTests.current)
    }

    @Test func refusesAnExistingFolderBeforeRunningAndForceReplacesIt() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let files = try Self.scenarios(in: dir)
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        try dir.write("out/mine.txt", "keep")
        let refused = try runProcess(bin, ["run", files[0], "--replications", "2", "--out", dir.path + "/out"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists: give --force"))
        #expect(refused.stdout.isEmpty)  // refused before running
        #expect(try dir.list("out") == ["mine.txt"])
        let forced = try runProcess(bin, ["run", files[0], "--replications", "2", "--out", dir.path + "/out", "--force", "--items", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.isEmpty)
        #expect(try dir.list("out") == ["analysis.ipynb", "flow.csv", "items.csv", "replications.csv", "run.json",
                                        "scenario-weekly.yaml", "summary.csv"])
        #expect(try dir.list().filter { $0.hasPrefix(".") }.isEmpty)
        let usage = try runProcess(bin, ["run", files[0], "--force"])
        #expect(usage.status != 0 && usage.stderr.contains("--force needs --out DIR or --export"))
    }

    /// SIGINT while the replications run: the staging folder goes, no output folder appears.
    @Test func interruptionLeavesNoFolder() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("long.yaml", scenarioYAML(name: "long", replacing: [("horizon: 60d", "horizon: 3000d")]))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["run", file, "--replications", "400", "--jobs", "1", "--out", dir.path + "/out"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the staging folder exists (the run is under way), then interrupt.
        let deadline = Date().addingTimeInterval(20)
        while try dir.list().allSatisfy({ !$0.hasPrefix(".out.partial-") }) && Date() < deadline { usleep(10_000) }
        #expect(try dir.list().contains { $0.hasPrefix(".out.partial-") })
        usleep(200_000)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try dir.list() == ["long.yaml"])
    }
}

/// The version the CLI writes into run.json (kept in step with `DeliverySimVersion.current`).
enum DeliverySimVersionForTests {
    static var current: String {
        (try? runProcess(deliverysimPath(), ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }
}
