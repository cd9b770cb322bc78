import Foundation
import Testing
import TestSupport

/// `deliverysim compare … --out`: the files, agreement with the JSON output, a quiet standard
/// error when it is not a terminal, and the first Ctrl-C saving the completed replications.
@Suite(.serialized) struct CompareExportTests {
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
        #expect(plain.status == 0)
        #expect(plain.stdout == exported.stdout)
        let csv = try runProcess(bin, ["compare"] + files + ["--replications", "3", "--format", "csv", "--quiet"])
        #expect(try dir.read("out/summary.csv") == csv.stdout)
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(dir.read("out/run.json").utf8)) as? [String: Any])
        #expect((manifest["command_line"] as? String)?.hasPrefix("deliverysim compare ") == true)
        let version = try runProcess(bin, ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty && manifest["version"] as? String == version)
    }

    /// The first SIGINT stops scheduling replications, lets those in flight finish, and saves the
    /// replications every scenario completed: the folder holds only complete files, `run.json`
    /// says `complete: false`, and the exit status is 130.
    ///
    /// No sleeping: standard error is a terminal, so the program draws its progress line, and the
    /// interrupt is sent once that line shows at least 6 of the 4 000 replications done. Units run
    /// replication by replication (a0 b0 a1 b1 …) on 2 workers, so with 6 done the first 4 are
    /// done or in flight, and those in flight finish: at least 2 replications of each scenario.
    @Test func firstInterruptSavesTheCompletedReplications() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try dir.write("a.yaml", scenarioYAML(name: "a", replacing: [("horizon: 60d", "horizon: 3000d")]))
        let b = try dir.write("b.yaml", scenarioYAML(name: "b", replacing: [("horizon: 60d", "horizon: 3000d"), ("dev: {people: 5}", "dev: {people: 6}")]))
        let program = try LaunchedProcess(bin, ["compare", a, b, "--replications", "2000", "--jobs", "2", "--out", dir.path + "/out"],
                                          stderrOnTerminal: true, stdoutTo: dir.path + "/table.txt")
        try waitUntil("the progress line to show 6 replications done (standard error: \(program.stderr.suffix(300).debugDescription))") {
            guard program.process.isRunning else { throw TestFailure("the program exited early: \(program.stderr.suffix(2000))") }
            return Self.replicationsDone(in: program.stderr) >= 6
        }
        program.interrupt()
        #expect(try program.waitForExit() == 130, "\(program.stderr.suffix(2000))")
        #expect(program.stderr.contains("interrupted: finishing the replications in flight"))
        #expect(try dir.list().sorted() == ["a.yaml", "b.yaml", "out", "table.txt"])  // no staging folder left
        let manifest = try dir.read("out/run.json")
        #expect(manifest.contains("\"complete\": false") && manifest.contains("\"replications_requested\": 2000"))
        let k = try #require(manifest.split(separator: "\n").first { $0.contains("\"replications\":") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))) })
        #expect(k >= 2 && k < 2000)
        #expect(program.stderr.contains("interrupted: saved the \(k) of 2000 replications"))
        // The table of what was completed is printed: both scenarios, k replications each.
        let table = try dir.read("table.txt")
        #expect(table.contains("\(k) replications each") && table.contains("\na ") && table.contains("\nb "), "\(table)")
        #expect(program.stderr.contains("interrupted: the table shows the \(k) of 2000 replications"))
        // Every file is whole: replications.csv has k rows per scenario after its header.
        let rows = try dir.read("out/replications.csv").split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.count == 1 + 2 * k)
        for name in ["summary.csv", "flow.csv", "analysis.ipynb", "scenario-a.yaml", "scenario-b.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/out/" + name), "\(name)")
        }
    }

    /// The largest `N` of the progress lines `…: N/TOTAL replications` in `text`.
    static func replicationsDone(in text: String) -> Int {
        text.split(separator: "\r").compactMap { line -> Int? in
            guard let slash = line.firstIndex(of: "/"), line[slash...].hasPrefix("/4000 replications") else { return nil }
            return Int(line[..<slash].split(separator: " ").last ?? "")
        }.max() ?? 0
    }
}
