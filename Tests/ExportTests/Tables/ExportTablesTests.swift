import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The tidy CSV files: quoting, shape, missing values, and agreement with the simulation.
@Suite struct ExportTablesTests {
    /// A scenario name with a comma, quotes and a line break survives every file: each row has
    /// as many fields as the header, and the name reads back exactly.
    @Test func quotingOfAwkwardNames() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let variants = try testVariants(in: dir)
        let awkward = "six, \"quoted\"\nname"
        #expect(variants[2].label == awkward)
        let run = try exportRun(variants)
        for (name, text) in [("replications", ExportTables.replications(run)), ("summary", ExportTables.summary(run)),
                             ("flow", ExportTables.flow(run)), ("items", ExportTables.items(run))] {
            let reader = try CSVTable.parse(text, file: "test.csv")
            let rows = reader.rows.map(\.fields)
            #expect(!rows.isEmpty, "\(name).csv has rows")
            #expect(rows.allSatisfy { $0.count == reader.header.count }, "\(name).csv: every row has the header's width")
            let names = Set(rows.map { $0[0] })
            #expect(names == ["weekly", "continuous", awkward], "\(name).csv: scenario names read back")
            // The raw text quotes the name and doubles its quotes.
            #expect(text.contains("\"six, \"\"quoted\"\"\nname\","), "\(name).csv quotes the name")
            #expect(text.hasSuffix("\r\n"))
        }
    }

    @Test func replicationsHaveOneRowPerScenarioAndReplicationAndOneColumnPerMetric() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 3)
        let reader = try CSVTable.parse(ExportTables.replications(run), file: "test.csv")
        let rows = reader.rows.map(\.fields)
        #expect(Array(reader.header.prefix(2)) == ["scenario", "replication"])
        #expect(Array(reader.header.dropFirst(2)) == run.comparison.metricNames)
        #expect(reader.header.contains("lead_time_for_changes_hours") && reader.header.contains("queue_wait_hours.review"))
        #expect(rows.count == 9)
        #expect(rows.map { $0[1] } == ["0", "1", "2", "0", "1", "2", "0", "1", "2"])
        // Every cell is the replication's value, in shortest round-trip text, or empty for none.
        for (s, results) in run.results.enumerated() {
            for (r, result) in results.enumerated() {
                let row = rows[s * 3 + r]
                for metric in result.metrics {
                    let cell = row[reader.column(metric.name)!]
                    if let v = metric.value { #expect(cell == "\(v)" && Double(cell) == v) } else { #expect(cell == "") }
                }
            }
        }
    }

    /// A metric without value in a replication is an empty cell, not 0 or NaN.
    @Test func missingValuesAreEmptyCells() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // No incidents and no failed deployments: nothing is ever restored.
        let path = try dir.write("calm.yaml", scenarioYAML(name: "calm", replacing: [("failure_probability: 0.05", "failure_probability: 0"),
                                                                                 ("incident_probability: 0.5", "incident_probability: 0")]))
        let run = try exportRun(ScenarioSet.files([path]), replications: 2, items: false)
        let reader = try CSVTable.parse(ExportTables.replications(run), file: "test.csv")
        let column = try #require(reader.column("time_to_restore_hours"))
        let rows = reader.rows.map(\.fields)
        #expect(rows.count == 2 && rows.allSatisfy { $0[column] == "" })
        #expect(!ExportTables.replications(run).contains("nan") && !ExportTables.replications(run).contains("inf"))
        let summary = try CSVTable.parse(ExportTables.summary(run), file: "test.csv")
        let restore = try #require(summary.rows.map(\.fields).first { $0[1] == "time_to_restore_hours" })
        #expect(restore[2] == "" && restore[summary.column("note")!].contains("no failures were restored"))
    }

    /// flow.csv: one row per scenario, replication, day and stage (backlog, the stages,
    /// awaiting_release), whose counts are the snapshots' and add up to the arrivals.
    @Test func flowRowsAreTheSnapshots() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2)
        let reader = try CSVTable.parse(ExportTables.flow(run), file: "test.csv")
        #expect(reader.header == ["scenario", "replication", "day", "stage_index", "stage", "arrivals", "in_stage", "done"])
        let rows = reader.rows.map(\.fields)
        let days = 61  // day 0 to day 60
        #expect(rows.count == 3 * 2 * days * 4)
        #expect(rows.prefix(4).map { $0[4] } == ["backlog", "develop", "review", "awaiting_release"])
        #expect(rows.prefix(4).map { $0[3] } == ["0", "1", "2", "3"])
        let snapshot = run.results[1][1].flow[30]
        let at = (1 * 2 * days + 1 * days + 30) * 4
        #expect(rows[at][0] == "continuous" && rows[at][1] == "1" && rows[at][2] == "30")
        #expect(rows[at..<(at + 4)].map { Int($0[6])! } == [snapshot.backlog] + snapshot.inStage + [snapshot.awaitingRelease])
        #expect(rows[at..<(at + 4)].allSatisfy { Int($0[5]) == snapshot.arrivals && Int($0[7]) == snapshot.done })
        // Arrived ≤ waiting + in the stages + awaiting release + done: a change rolled back and
        // back in the stream is counted again (see FlowSnapshot), so only ≥ holds in general.
        for group in stride(from: 0, to: rows.count, by: 4) {
            let inSystem = rows[group..<(group + 4)].reduce(0) { $0 + Int($1[6])! }
            #expect(Int(rows[group][5])! <= inSystem + Int(rows[group][7])!)
        }
    }

    /// Without rollbacks every change is in exactly one band: the bands add up to the arrivals.
    @Test func flowBandsAddUpToTheArrivals() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("calm.yaml", scenarioYAML(name: "calm", replacing: [("failure_probability: 0.05", "failure_probability: 0"),
                                                                                 ("incident_probability: 0.5", "incident_probability: 0")]))
        let run = try exportRun(ScenarioSet.files([path]), replications: 2, items: false)
        let reader = try CSVTable.parse(ExportTables.flow(run), file: "test.csv")
        let rows = reader.rows.map(\.fields)
        #expect(rows.count == 2 * 61 * 4)
        for group in stride(from: 0, to: rows.count, by: 4) {
            let bands = rows[group..<(group + 4)].reduce(0) { $0 + Int($1[6])! } + Int(rows[group][7])!
            #expect(Int(rows[group][5])! == bands, "replication \(rows[group][1]) day \(rows[group][2])")
        }
        #expect(Int(rows.last![7])! > 50)
    }

    /// items.csv reproduces the lead-time metrics from its rows after the warm-up.
    @Test func itemsReproduceTheLeadTimeMetric() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2)
        let reader = try CSVTable.parse(ExportTables.items(run), file: "test.csv")
        #expect(reader.header == ["scenario", "replication", "id", "class", "arrival", "start", "development_done", "released", "deployed",
                                  "lead_time_hours", "cycle_time_hours", "lead_time_for_changes_hours", "rework_count",
                                  "escaped_defect", "incident", "after_warmup"])
        let rows = reader.rows.map(\.fields)
        #expect(rows.count == run.results.flatMap { $0 }.reduce(0) { $0 + $1.items.count })
        let measured = rows.filter { $0[0] == "weekly" && $0[1] == "1" && $0[15] == "true" }.map { Double($0[9])! }
        let mean = measured.reduce(0, +) / Double(measured.count)
        let metric = try #require(run.results[0][1]["lead_time_hours"])
        #expect(abs(mean - metric) <= 1e-9 * metric)
        #expect(rows.allSatisfy { Int($0[2]).map { $0 >= 1 } == true })
        #expect(Set(rows.map { $0[3] }) == ["feature", "bug"])
        #expect(rows.allSatisfy { ["true", "false"].contains($0[13]) && ["true", "false"].contains($0[14]) })
        #expect(rows.contains { $0[15] == "false" } && rows.contains { $0[15] == "true" })
    }

    /// `summary.csv` and the JSON report print the same numbers: every mean, interval and
    /// difference, as text, parses to the same Double (the JSON writes whole numbers without
    /// `.0`; every other number is Swift's shortest round-trip text in both).
    @Test func summaryAgreesWithJSONToTheLastDigit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 4)
        let json = try RawJSON.parse(ComparisonReport(run.comparison, heading: "x").json())
        let scenarios = try #require(json["scenarios"]?.array)
        let reader = try CSVTable.parse(ExportTables.summary(run), file: "test.csv")
        let rows = reader.rows.map(\.fields)
        var compared = 0, sameText = 0
        for row in rows {
            let scenario = try #require(scenarios.first { $0["name"]?.string == row[0] })
            let metric = try #require(scenario["metrics"]?[row[1]])
            for (column, key) in [("mean", "mean"), ("ci_low", "ci_low"), ("ci_high", "ci_high"), ("baseline_diff", "diff"),
                                  ("baseline_diff_low", "diff_low"), ("baseline_diff_high", "diff_high"),
                                  ("baseline_diff_percent", "diff_percent")] {
                let cell = row[reader.column(column)!]
                let value = metric[key]
                if cell.isEmpty {
                    #expect(value == nil || value == .null, "\(row[0]) \(row[1]) \(column)")
                } else {
                    let text = try #require(value?.number, "\(row[0]) \(row[1]) \(key)")
                    #expect(Double(cell)! == Double(text)!, "\(row[0]) \(row[1]) \(column): \(cell) vs \(text)")
                    if cell == text { sameText += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared > 300)
        #expect(sameText > compared / 2)  // most are not whole numbers: the very same characters
    }
}
