import Foundation
import Testing
import TestSupport

/// `deliverysim run … --out`: refusal of an existing folder and --force, and a second Ctrl-C
/// quitting at once and leaving nothing.
@Suite(.serialized) struct RunExportTests {
    @Test func refusesAnExistingFolderBeforeRunningAndForceReplacesIt() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        try dir.write("out/mine.txt", "keep")
        let refused = try runProcess(bin, ["run", file, "--replications", "2", "--out", dir.path + "/out"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists: give --force"))
        #expect(refused.stdout.isEmpty)  // refused before running
        #expect(try dir.list("out") == ["mine.txt"])
        // --force replaces only a folder deliverysim wrote: this one is the user's.
        let foreign = try runProcess(bin, ["run", file, "--replications", "2", "--out", dir.path + "/out", "--force"])
        #expect(foreign.status == 2 && foreign.stderr.contains("was not written by deliverysim"), "\(foreign.stderr)")
        #expect(try dir.list("out") == ["mine.txt"])
        let first = try runProcess(bin, ["run", file, "--replications", "2", "--out", dir.path + "/own", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let forced = try runProcess(bin, ["run", file, "--replications", "2", "--out", dir.path + "/own", "--force", "--items", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.isEmpty)
        #expect(try dir.list("own") == ["analysis.ipynb", "deployments.csv", "flow.csv", "incidents.csv", "items.csv", "replications.csv", "run.json",
                                        "scenario-weekly.yaml", "status_history.csv", "status_wide.csv", "summary.csv"])
        #expect(try dir.list().filter { $0.hasPrefix(".") }.isEmpty)
        let usage = try runProcess(bin, ["run", file, "--force"])
        #expect(usage.status != 0 && usage.stderr.contains("--force needs --out DIR or --export"))
    }

    /// A second SIGINT while the first waits for a long replication quits at once, leaving nothing.
    ///
    /// No sleeping or timing: standard error is a terminal, so once the progress line shows a
    /// replication done the command is running its replications with graceful interruption on;
    /// the first SIGINT is answered with "finishing the replications in flight", and the second,
    /// sent then, must end the program through the quit-at-once path (its message, the folder
    /// removed) — not by finishing the replication in flight, which takes far longer (a
    /// 36 000-day horizon with 400 people: about 3.5 s on an idle machine, so that even a test
    /// runner starved by parallel tests answers well within it) and would end in "too few to
    /// save" or "saved".
    @Test func secondInterruptQuitsAtOnce() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("long.yaml", scenarioYAML(name: "long", replacing: [("horizon: 60d", "horizon: 36000d"), ("mean: 18h", "mean: 15m"), ("{people: 5}", "{people: 400}"), ("wip_limit: 6", "wip_limit: 400")]))
        let program = try LaunchedProcess(bin, ["run", file, "--replications", "4", "--jobs", "1", "--out", dir.path + "/out"],
                                          stderrOnTerminal: true)
        try program.waitForStderr(containing: "/4 replications (")
        program.interrupt()  // asks to stop after the replication in flight
        try program.waitForStderr(containing: "interrupted: finishing the replications in flight")
        program.interrupt()  // quits now
        #expect(try program.waitForExit() == 130)
        #expect(program.stderr.contains("interrupted: the unfinished output folder was removed"), "\(program.stderr.suffix(2000))")
        #expect(!program.stderr.contains("too few to save") && !program.stderr.contains("interrupted: saved"))
        #expect(try dir.list() == ["long.yaml"])
    }
}
