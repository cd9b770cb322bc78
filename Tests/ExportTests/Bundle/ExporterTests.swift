import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The export folder: its files, byte-identical whatever the jobs, and scenario copies that
/// reproduce the run.
@Suite struct ExporterTests {
    @Test func writesEveryFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2)
        let files = try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let expected = ["analysis.ipynb", "deployments.csv", "flow.csv", "incidents.csv", "items.csv", "replications.csv", "report.html", "run.json",
                        "scenario-continuous.yaml", "scenario-six-quoted-name.yaml", "scenario-weekly.yaml", "status_history.csv", "status_wide.csv",
                        "summary.csv"]
        #expect(try dir.list("out") == expected)
        #expect(files.sorted() == expected)
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(dir.read("out/run.json").utf8)) as? [String: Any])
        #expect(manifest["complete"] as? Bool == true)
        #expect(manifest["seed"] as? String == "7")
        #expect(manifest["replications"] as? Int == 2)
        #expect(manifest["version"] as? String == "test")
        #expect(manifest["timestamp"] as? String == "2023-11-14T22:13:20Z")
        #expect(manifest["command_line"] as? String == "deliverysim compare --jobs 2")
        let scenarios = try #require(manifest["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["yaml"] as? String } == ["scenario-weekly.yaml", "scenario-continuous.yaml", "scenario-six-quoted-name.yaml"])
        #expect(scenarios[0]["stages"] as? [String] == ["develop", "review"])
        #expect(scenarios[0]["warmup_hours"] as? Int == 240)
    }

    @Test func withoutItemsThereIsNoItemsFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: false)
        #expect(try !dir.list("out").contains("items.csv") && !dir.list("out").contains("report.html"))
        #expect(run.results.allSatisfy { $0.allSatisfy { $0.items.isEmpty && !$0.flow.isEmpty } })
    }

    /// Every file but run.json (command line, timestamp) is byte-identical with 1 and 2 jobs.
    @Test func byteIdenticalWhateverTheJobs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let variants = try testVariants(in: dir)
        try Exporter.export(exportRun(variants, replications: 3, jobs: 1), to: dir.path + "/one", force: false, report: true)
        try Exporter.export(exportRun(variants, replications: 3, jobs: 2, timestamp: Date()), to: dir.path + "/two", force: false, report: true)
        let names = try dir.list("one")
        #expect(try names == dir.list("two"))
        for name in names where name != "run.json" && name != "report.html" {
            let one = try Data(contentsOf: dir.url.appendingPathComponent("one/" + name))
            let two = try Data(contentsOf: dir.url.appendingPathComponent("two/" + name))
            #expect(one == two, "\(name) differs between --jobs 1 and --jobs 2")
        }
        // The report differs only in its header line (command line and time).
        let one = try dir.read("one/report.html").split(separator: "\n").filter { !$0.hasPrefix("<p") }
        let two = try dir.read("two/report.html").split(separator: "\n").filter { !$0.hasPrefix("<p") }
        #expect(one == two)
    }

    /// The copy of each scenario loads to the scenario run (seed and replications as run), and
    /// running it again reproduces the exported summary exactly.
    @Test func scenarioCopiesReproduceTheRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let variants = try testVariants(in: dir)
        let run = try exportRun(variants, replications: 3, seed: 99, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: false)
        let copy = try ScenarioLoader.load(path: dir.path + "/out/scenario-continuous.yaml")
        #expect(copy.scenario.seed == 99 && copy.scenario.replications == 3)
        #expect(copy.scenario.name == "continuous")
        #expect(try dir.read("out/scenario-continuous.yaml").hasPrefix("# Resolved by deliverysim from "))
        let again = try ScenarioRunner.run(copy.scenario, replications: 3)
        #expect(MetricSummary.all(again) == run.comparison.entries[1].metrics.map(\.summary))
    }

    @Test func fileNamesOfScenarioCopies() {
        #expect(ScenarioCopies.fileNames(["cd-base", "a b/c", "a b/c", "<script>", "stages.develop.wip_limit=2; release.policy={x: 1}", "é"])
            == ["scenario-cd-base.yaml", "scenario-a-b-c.yaml", "scenario-a-b-c-2.yaml", "scenario-script.yaml",
                "scenario-stages.develop.wip_limit-2-release.policy-x-1.yaml", "scenario-scenario.yaml"])
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(Exporter.defaultFolder(name: "levels-all", date: date).hasPrefix("notebooks-out/levels-all-2023-11-1"))
    }
}
