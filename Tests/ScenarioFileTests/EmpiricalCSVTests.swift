import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
import TestSupport

/// `{empirical: {csv:, column:, unit:, fit:}}`: distributions from one's own delivery data.
struct EmpiricalCSVTests {
    /// A tracker export with the usual quirks: a byte-order mark, CRLF line ends, a quoted field
    /// with a comma and another with a newline inside it.
    static let csv = "\u{FEFF}key,summary,cycle_days\r\n"
        + "A-1,\"Login, faster\",2\r\n"
        + "A-2,\"Two\nlines\",4\r\n"
        + "A-3,plain,1.5\r\n"
        + "A-4,no value,\r\n"
        + "A-5,\"\"\"quoted\"\"\",6.5\r\n"

    func scenario(_ work: String, csv: String = Self.csv) throws -> (dir: URL, yaml: String) {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        try write(csv, to: dir.appendingPathComponent("history.csv"))
        let yaml = smallScenario.replacingOccurrences(of: "    work: 1d\n", with: "    work: \(work)\n")
        return (dir, yaml)
    }

    @Test func columnValuesAreResampledInTheirUnit() throws {
        let (dir, yaml) = try scenario("{empirical: {csv: history.csv, column: cycle_days, unit: d}}")
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = try ScenarioLoader.load(yaml: yaml, path: dir.appendingPathComponent("s.yaml").path)
        // calendar 24/7 here, so a day is 24 h; the empty value of A-4 is skipped.
        #expect(loaded.scenario.stages[0].work == (try Distribution.empirical([48, 96, 36, 156])))
        #expect(loaded.notes.isEmpty)
    }

    @Test func fitUsesTheFittedFamilyAndSaysSo() throws {
        let (dir, yaml) = try scenario("{empirical: {csv: history.csv, column: cycle_days, unit: h, fit: lognormal}}")
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = try ScenarioLoader.load(yaml: yaml, path: dir.appendingPathComponent("s.yaml").path)
        #expect(loaded.scenario.stages[0].work == (try Distribution.fit(.lognormal, to: [2, 4, 1.5, 6.5])))
        #expect(loaded.notes.count == 1 && loaded.notes[0].contains("fitted lognormal: {mu: ") && loaded.notes[0].contains("4 values of `cycle_days`"))
    }

    @Test func badRowsAreReportedByLine() throws {
        // Line numbers count physical lines: A-2's quoted newline pushes the rows below it down.
        let csv = Self.csv + "A-6,typo,3,5\r\nA-7,oops,two\r\nA-8,minus,-1\r\n"
        let (dir, yaml) = try scenario("{empirical: {csv: history.csv, column: cycle_days}}", csv: csv)
        defer { try? FileManager.default.removeItem(at: dir) }
        let errors = loadErrors(yaml, path: dir.appendingPathComponent("s.yaml").path)
        #expect(errors.count == 1)
        #expect(errors.first?.keyPath == "stages[0].work.empirical.csv")
        #expect(errors.first?.message.contains("2 values are not a non-negative number: line 9: `two`; line 10: `-1`") == true, "\(errors)")
    }

    @Test func missingColumnOrFileIsExplained() throws {
        let (dir, yaml) = try scenario("{empirical: {csv: history.csv, column: cycle_day}}")
        defer { try? FileManager.default.removeItem(at: dir) }
        let errors = loadErrors(yaml, path: dir.appendingPathComponent("s.yaml").path)
        #expect(errors.first?.message.contains("did you mean `cycle_days`?") == true)
        let missing = loadErrors(yaml.replacingOccurrences(of: "history.csv", with: "nope.csv"), path: dir.appendingPathComponent("s.yaml").path)
        #expect(missing.first?.message.contains("nope.csv") == true)
    }
}
