import Analysis
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// Status histories of the shapes real trackers export (fixtures written for these tests, with a
/// byte-order mark, CRLF, quoted commas and newlines, and broken rows): each calibrates with no
/// column options, says what it mapped, and reports bad rows by line.
struct StatusHistoryTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Reads, resolves the workflow, calibrates, and checks the scenario loads (with its values file).
    static func calibrate(_ name: String) throws -> (StatusHistory, Workflow, StreamCalibration) {
        let history = try StatusHistory.read(path: fixture(name))
        let workflow = try Workflow.resolve(nil, for: history)
        let stream = try StreamCalibration(history, workflow: workflow)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (yaml, values) = try stream.scenario(name: "calibrated", valuesFile: "values.csv", fit: nil, log: nil, wipLimits: true)
        _ = try dir.write("values.csv", values.csv())
        let scenario = try ScenarioLoader.load(path: try dir.write("calibrated.yaml", yaml)).scenario
        #expect(scenario.stages.map(\.name) == stream.stages.map(\.name))
        return (history, workflow, stream)
    }

    @Test func aJiraChangelogCalibratesWithNoOptions() throws {
        let (history, workflow, stream) = try Self.calibrate("jira-changelog.csv")
        #expect(history.shape == .long)
        #expect(history.mapping.contains("id ← Issue key") && history.mapping.contains("type ← Issue Type")
                && history.mapping.contains("status ← To Status") && history.mapping.contains("time ← Changed"))
        #expect(history.types == ["Story", "Bug"])
        // Jira's `dd/MMM/yy h:mm AM` read; created with its first status (the `From` of the first change).
        #expect(history.statuses.contains("To Do"))
        #expect(workflow.statuses.map(\.name) == ["To Do", "Selected for Development", "In Progress", "Blocked", "In Review", "Done"])
        #expect(stream.stages.map(\.name) == ["In Progress", "In Review"])
        #expect(stream.stages[1].backward > 0, "In Review → In Progress is rework")
        #expect(stream.stages[0].blockedVisits > 0, "the Blocked status is blocked time")
        #expect(stream.openAges.count == 5)
        // The broken row, by its line (a quoted summary holds a line break above it).
        #expect(history.rejected.count == 1)
        #expect(history.rejected[0].reason.contains("`not a date` (Changed) is not a date-time"))
        let lines = try String(contentsOfFile: Self.fixture("jira-changelog.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        #expect(history.rejected[0].line == lines.firstIndex { $0.hasPrefix("SHOP-99") }! + 1)
    }

    @Test func anActionableAgileWideExportCalibratesWithNoOptions() throws {
        let (history, _, stream) = try Self.calibrate("actionableagile-wide.csv")
        #expect(history.shape == .wide)
        #expect(history.statuses == ["Backlog", "Analysis", "Development", "Review", "Test", "Done"])
        #expect(stream.stages.map(\.name) == ["Analysis", "Development", "Review", "Test"])
        #expect(history.types.sorted() == ["Defect", "Feature"])
        #expect(history.rejected.map(\.line) == [62])
        #expect(history.rejected[0].reason.contains("`13/45/2026` (Analysis) is not a date-time"))
        #expect(stream.openAges.count == 6)
    }

    @Test func anAzureDevOpsRevisionsExportCalibratesWithNoOptions() throws {
        let (history, workflow, stream) = try Self.calibrate("azure-devops-revisions.csv")
        #expect(history.mapping.contains("type ← Work Item Type") && history.mapping.contains("status ← State")
                && history.mapping.contains("time ← Changed Date"))
        // A revision repeating the state is not a change; Resolved waits for Closed.
        #expect(history.transitions.count == 60 * 3 + 56)
        #expect(workflow.statuses.first { $0.name == "Resolved" }?.kind == .queue)
        #expect(stream.stages.map(\.name) == ["Active"])
        #expect(stream.leadTimes.count == 56)
    }

    @Test func aFileWithoutRecognizableColumnsIsRefusedWithItsColumns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("odd.csv", "ticket,what,when\r\nA-1,x,y\r\n")
        #expect {
            try StatusHistory.read(path: path)
        } throws: { error in
            "\(error)".contains("columns: ticket, what, when") && "\(error)".contains("--status-column")
        }
        // Given columns are used (and a missing one is named).
        let given = try dir.write("given.csv", "ticket,column_now,moved,kind\r\nA-1,Doing,2026-12-02 09:15,task\r\nA-1,Done,2026-12-03T09:15:00+01:00,task\r\n")
        let history = try StatusHistory.read(path: given, columns: HistoryColumns(given: [.status: "column_now", .time: "moved"]))
        #expect(history.transitions.map(\.at) == [Double(20_789 * 24) + 9.25, Double(20_790 * 24) + 8.25])
        #expect(throws: CalibrationError.self) { try StatusHistory.read(path: given, columns: HistoryColumns(given: [.status: "nope"])) }
    }

    @Test func aWorkflowIsReadInlineAndChecked() throws {
        let workflow = try Workflow.parse("Backlog=queue, Dev=active:team-a, Blocked=blocked, Done=done")
        #expect(workflow.statuses.map(\.kind) == [.queue, .active, .blocked, .done])
        #expect(workflow.statuses[1].team == "team-a")
        #expect(throws: CalibrationError.self) { try Workflow.parse("Dev=working") }
        let history = try StatusHistory.read(path: Self.fixture("actionableagile-wide.csv"))
        #expect { try Workflow.resolve(workflow, for: history) } throws: { "\($0)".contains("`Analysis`") }
    }

    @Test func theKolmogorovSmirnovTestSeparatesShiftedSamples() {
        let a = (0..<400).map { Double($0) / 400 }
        let same = (0..<300).map { (Double($0) + 0.5) / 300 }
        let shifted = same.map { $0 + 0.3 }
        #expect(KolmogorovSmirnov(a, same).p > 0.9)
        let far = KolmogorovSmirnov(a, shifted)
        #expect(abs(far.d - 0.3) < 0.01 && far.p < 1e-10)
    }
}

/// `--workflow` given as a YAML file.
struct WorkflowFileTests {
    @Test func aYAMLWorkflowFileGivesOrderKindsAndTeams() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("workflow.yaml", """
        Backlog: queue
        Analysis: {kind: active, team: analysts}
        Development: active:dev
        Blocked: blocked
        Done: done
        """)
        let workflow = try Workflow.parse(path)
        #expect(workflow.statuses.map(\.name) == ["Backlog", "Analysis", "Development", "Blocked", "Done"])
        #expect(workflow.statuses.map(\.team) == [nil, "analysts", "dev", nil, nil])
        let bad = try dir.write("bad.yaml", "Backlog: [queue]\n")
        #expect { try Workflow.parse(bad) } throws: { "\($0)".contains("Backlog: must be a kind") }
    }
}

/// Linear's issue list: one row per issue with Created, Started, Completed (and Updated, Due
/// Date, Canceled, which are not statuses), ISO 8601 with milliseconds.
struct LinearExportTests {
    @Test func aLinearIssueListCalibratesAsOneRowPerItem() throws {
        let (history, workflow, stream) = try StatusHistoryTests.calibrate("linear-issues.csv")
        #expect(history.shape == .wide)
        #expect(history.statuses == ["Created", "Started", "Completed"])
        #expect(workflow.statuses.map(\.kind) == [.queue, .active, .done])
        #expect(history.types == ["Feature", "Bug"])
        #expect(stream.leadTimes.count == 55 && stream.openAges.count == 5)
    }
}
