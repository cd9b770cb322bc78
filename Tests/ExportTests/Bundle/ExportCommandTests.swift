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

    /// The first SIGINT stops scheduling replications, lets those in flight finish, and saves the
    /// replications every scenario completed: the folder holds only complete files, `run.json`
    /// says `complete: false`, and the exit status is 130.
    @Test func firstInterruptSavesTheCompletedReplications() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try dir.write("a.yaml", scenarioYAML(name: "a", replacing: [("horizon: 60d", "horizon: 3000d")]))
        let b = try dir.write("b.yaml", scenarioYAML(name: "b", replacing: [("horizon: 60d", "horizon: 3000d"), ("dev: {people: 5}", "dev: {people: 6}")]))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["compare", a, b, "--replications", "2000", "--jobs", "2", "--out", dir.path + "/out"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try dir.list().allSatisfy({ !$0.hasPrefix(".out.partial-") }) && Date() < deadline { usleep(10_000) }
        usleep(1_500_000)  // well over two replications of each scenario
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try dir.list().sorted() == ["a.yaml", "b.yaml", "out"])  // no staging folder left
        let manifest = try dir.read("out/run.json")
        #expect(manifest.contains("\"complete\": false") && manifest.contains("\"replications_requested\": 2000"))
        let k = try #require(manifest.split(separator: "\n").first { $0.contains("\"replications\":") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))) })
        #expect(k >= 2 && k < 2000)
        // Every file is whole: replications.csv has k rows per scenario after its header.
        let rows = try dir.read("out/replications.csv").split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.count == 1 + 2 * k)
        for name in ["summary.csv", "flow.csv", "analysis.ipynb", "scenario-a.yaml", "scenario-b.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/out/" + name), "\(name)")
        }
    }

    /// A second SIGINT while the first waits for a long replication quits at once, leaving nothing.
    @Test func secondInterruptQuitsAtOnce() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("long.yaml", scenarioYAML(name: "long", replacing: [("horizon: 60d", "horizon: 200000d")]))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["run", file, "--replications", "4", "--jobs", "1", "--out", dir.path + "/out"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try dir.list().allSatisfy({ !$0.hasPrefix(".out.partial-") }) && Date() < deadline { usleep(10_000) }
        usleep(200_000)
        process.interrupt()  // asks to stop after the replication in flight (which takes seconds)
        usleep(200_000)
        let asked = Date()
        process.interrupt()  // quits now
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(Date().timeIntervalSince(asked) < 2)
        #expect(try dir.list() == ["long.yaml"])
    }
}

/// The version the CLI writes into run.json (kept in step with `DeliverySimVersion.current`).
enum DeliverySimVersionForTests {
    static var current: String {
        (try? runProcess(deliverysimPath(), ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }
}
