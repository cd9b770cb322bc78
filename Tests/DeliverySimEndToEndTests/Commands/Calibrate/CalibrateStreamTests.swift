import Foundation
import Testing
import TestSupport

/// `deliverysim calibrate` on status histories as a user runs it: a simulated export calibrated
/// and backtested from the command line, names from the data kept as data, bad input refused
/// with exit 2 and the columns listed, nothing left behind.
@Suite(.serialized) struct CalibrateStreamTests {
    let bin: String
    let dir: TemporaryDirectory

    init() throws {
        bin = try deliverysimPath()
        dir = try TemporaryDirectory()
    }

    private func run(_ arguments: [String]) throws -> ProcessResult { try runProcess(bin, arguments, in: dir.path) }

    @Test func anExportCalibratesBackAndTheBacktestPrintsBesideTheData() throws {
        defer { dir.remove() }
        let scenario = try dir.write("s.yaml", """
        name: three
        horizon: 200d
        warmup: 20d
        replications: 2
        demand: {arrivals: {exponential: {mean: 10h}}}
        teams: {dev: {people: 3}, qa: {people: 2}}
        stages:
          - {name: develop, team: dev, work: {exponential: {mean: 12h}}, blockers: {chance: 0.3, duration: 1d}}
          - {name: test, team: qa, work: {exponential: {mean: 4h}}, handoff: 2h}
        release: {policy: {scheduled: {every: 7d}}}
        """)
        let export = try run(["run", scenario, "--out", "exp", "--items", "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")
        let r = try run(["calibrate", "exp/status_history.csv", "--deployments", "exp/deployments.csv", "--incidents", "exp/incidents.csv",
                         "--out", "cal", "--check", "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("status ← status") && r.stdout.contains("develop: active (team develop)"))
        #expect(r.stdout.contains("blockers:") && r.stdout.contains("release.policy: scheduled"))
        #expect(r.stdout.contains("lead time p85") && r.stdout.contains("Kolmogorov–Smirnov: D = "))
        let yaml = try dir.read("cal/calibrated.yaml")
        #expect(yaml.hasPrefix("# Calibrated by `deliverysim calibrate`"))
        // The calibrated scenario runs as any other.
        let again = try run(["run", "cal/calibrated.yaml", "--replications", "2", "--quiet", "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("blocked_hours.develop"))
        // --fit fits the durations instead of resampling them.
        let fitted = try run(["calibrate", "exp/status_wide.csv", "--fit", "gamma", "--out", "fit"])
        #expect(fitted.status == 0, "\(fitted.stderr)")
        #expect(try dir.read("fit/calibrated.yaml").contains("gamma"))
    }

    @Test func namesFromTheDataStayDataAndBadFilesAreRefused() throws {
        defer { dir.remove() }
        var csv = "Key,Issue Type,To Status,Changed\r\n"
        let statuses = ["To Do", "\"calendar: {workdays: Sat}\"", "=HYPERLINK(\"\"x\"\")", "Done"]
        for i in 1...30 {
            for (k, status) in statuses.enumerated() {
                csv += "K-\(i),\(i % 3 == 0 ? "\"bug, \"\"odd\"\"\"" : "story"),\(status),2026-03-\(String(format: "%02d", i % 28 + 1))T\(String(format: "%02d", 8 + 3 * k)):00:00Z\r\n"
            }
        }
        csv += "K-99,story,\"two\nlines\",2026-03-02T09:00:00Z\r\n"
        let r = try run(["calibrate", try dir.write("h.csv", csv), "--out", "cal"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("h.csv:122: left out: a name holds a control character or a line break"), "\(r.stderr)")
        let yaml = try dir.read("cal/calibrated.yaml")
        #expect(!yaml.contains("\ncalendar"))
        let loaded = try run(["validate", "cal/calibrated.yaml"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        // Unrecognizable columns: exit 2, the columns listed, nothing written.
        let odd = try run(["calibrate", try dir.write("odd.csv", "ticket,what,when\r\nA-1,x,y\r\n"), "--out", "odd"])
        #expect(odd.status == 2 && odd.stderr.contains("columns: ticket, what, when"), "\(odd.stderr)")
        #expect(!odd.stderr.contains("Backtrace") && !odd.stderr.contains("Fatal"))
        let workflow = try run(["calibrate", "h.csv", "--workflow", "To Do=queue,Done=done", "--out", "wf"])
        #expect(workflow.status == 2 && workflow.stderr.contains("not in --workflow"), "\(workflow.stderr)")
        #expect(try dir.list().filter { $0.hasPrefix(".") || $0 == "odd" || $0 == "wf" }.isEmpty)
    }
}
