import Export
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The generated notebook is valid nbformat 4 and its code is valid Python that reads columns
/// the export writes. (Executing it top to bottom is a CI step: `.ci/run`.)
@Suite struct AnalysisNotebookTests {
    static func notebook() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(AnalysisNotebook.json().utf8)) as? [String: Any])
    }

    @Test func isNbformat4() throws {
        let nb = try Self.notebook()
        #expect(nb["nbformat"] as? Int == 4)
        #expect(nb["nbformat_minor"] as? Int == 5)
        let metadata = try #require(nb["metadata"] as? [String: Any])
        let kernel = try #require(metadata["kernelspec"] as? [String: Any])
        #expect(kernel["name"] as? String == "python3" && kernel["language"] as? String == "python")
        #expect(Set(nb.keys) == ["cells", "metadata", "nbformat", "nbformat_minor"])
        let cells = try #require(nb["cells"] as? [[String: Any]])
        #expect(cells.count == 12)
        var ids = Set<String>()
        for cell in cells {
            let kind = try #require(cell["cell_type"] as? String)
            let id = try #require(cell["id"] as? String)
            // nbformat 4.5: ids of 1–64 letters, digits, - and _, unique.
            #expect(id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            #expect(ids.insert(id).inserted)
            #expect(cell["metadata"] is [String: Any])
            let source = try #require(cell["source"] as? [String])
            #expect(!source.isEmpty)
            // Every line but the last ends with its line break; none has one inside.
            #expect(source.dropLast().allSatisfy { $0.hasSuffix("\n") && !$0.dropLast().contains("\n") })
            #expect(!source.last!.hasSuffix("\n"))
            switch kind {
            case "code":
                #expect(Set(cell.keys) == ["cell_type", "execution_count", "id", "metadata", "outputs", "source"])
                #expect(cell["execution_count"] is NSNull)
                #expect((cell["outputs"] as? [Any])?.isEmpty == true)
            case "markdown":
                #expect(Set(cell.keys) == ["cell_type", "id", "metadata", "source"])
            default:
                Issue.record("unexpected cell type \(kind)")
            }
        }
        let kinds = cells.map { $0["cell_type"] as! String }
        #expect(kinds == ["markdown", "code", "markdown", "code", "markdown", "code", "markdown", "code", "markdown", "code", "markdown", "code"])
        // Four figures: every figure cell ends by showing it.
        let code = cells.filter { $0["cell_type"] as? String == "code" }.map { ($0["source"] as! [String]).joined() }
        #expect(code.dropFirst().allSatisfy { $0.hasSuffix("plt.show()") })
        #expect(AnalysisNotebook.json() == AnalysisNotebook.json())
    }

    /// Every code cell compiles as Python 3 (skipped without python3, except on CI: `CI` set).
    @Test(.enabled(if: runsWith(ExternalTools.python3), "needs python3"))
    func codeIsPython() throws {
        let python = try #require(ExternalTools.python3, "python3 is needed on CI")
        #expect(AnalysisNotebook.cells.contains { $0.kind == .code })
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (i, cell) in AnalysisNotebook.cells.enumerated() where cell.kind == .code {
            let path = try dir.write("cell\(i).py", cell.source)
            let result = try runProcess(python, ["-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", path])
            #expect(result.status == 0, "cell \(i): \(result.stderr)")
        }
    }

    /// The columns and run.json keys the notebook reads are ones the export writes.
    @Test func readsColumnsTheExportWrites() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: false)
        var known = Set<String>()
        for file in ["summary.csv", "replications.csv", "flow.csv", "items.csv"] {
            known.formUnion(try CSVTable.load(path: dir.path + "/out/" + file).header)
        }
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(dir.read("out/run.json").utf8)) as? [String: Any])
        known.formUnion(manifest.keys)
        known.formUnion(((manifest["scenarios"] as? [[String: Any]])?.first?.keys).map(Array.init) ?? [])
        known.formUnion(((manifest["metrics"] as? [[String: Any]])?.first?.keys).map(Array.init) ?? [])
        // The pseudo-stages of flow.csv's stage column.
        known.formUnion([ExportTables.backlogStage, ExportTables.awaitingReleaseStage])
        let code = AnalysisNotebook.cells.filter { $0.kind == .code }.map(\.source).joined(separator: "\n")
        // Subscripts with a constant string: df["column"], run["key"], s["key"].
        let pattern = try NSRegularExpression(pattern: #"\[\"([a-z_]+)\"\]"#)
        let used = Set(pattern.matches(in: code, range: NSRange(code.startIndex..., in: code)).map {
            String(code[Range($0.range(at: 1), in: code)!])
        })
        #expect(used.count >= 15)
        #expect(used.subtracting(known).isEmpty, "read but not written: \(used.subtracting(known).sorted())")
        #expect(code.contains("lead_time_hours.{p}") && known.contains("lead_time_hours.p95"))
        // The value stream map reads every value_stream_hours.* row, which the export writes.
        let summary = try dir.read("out/summary.csv")
        #expect(code.contains("prefix = \"value_stream_hours.\"") && summary.contains(",value_stream_hours.backlog,"))
    }
}
