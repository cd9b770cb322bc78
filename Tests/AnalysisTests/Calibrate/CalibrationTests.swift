import Analysis
import DeliveryModel
import Foundation
import ScenarioFile
import SimStats
import Testing
import TestSupport

/// Calibration from a tracker export, and the round trip: simulate an organization, export its
/// items as a tracker CSV (committed as `Fixtures/tracker-export.csv`, with a byte-order mark,
/// CRLF line ends, quoted summaries holding commas, quotes and newlines, and a few broken
/// rows), calibrate from it, simulate the calibrated scenario — the lead times come back.
struct CalibrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let export = fixtures.appendingPathComponent("tracker-export.csv").path

    /// Regenerates the fixture (run with DELIVERYSIM_REGENERATE_FIXTURES=1): the example
    /// organization's replication 0, one row per change in production. Reported as skipped
    /// otherwise (it used to return early and pass).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DELIVERYSIM_REGENERATE_FIXTURES"] == "1",
                   "regenerates Fixtures/tracker-export.csv only with DELIVERYSIM_REGENERATE_FIXTURES=1"))
    func regenerateFixtureWhenAsked() throws {
        let root = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/example.yaml").path).scenario
        let run = try ScenarioRunner.run(scenario, replication: 0, options: RunOptions(recordItems: true))
        let epoch = Date(timeIntervalSince1970: 1_767_571_200)  // Monday 2026-01-05 00:00 UTC
        let iso = ISO8601DateFormatter()
        func stamp(_ hours: Double) -> String { iso.string(from: epoch.addingTimeInterval((hours * 3600).rounded())) }
        var text = "\u{FEFF}key,summary,type,created,started,done\r\n"
        for (i, item) in run.items.enumerated() {
            let summary: String
            switch i % 7 {
            case 0: summary = "\"Checkout, faster\""
            case 1: summary = "\"Two\r\nlines\""
            case 2: summary = "\"Say \"\"hello\"\"\""
            default: summary = "Item \(i)"
            }
            text += "DS-\(i + 1),\(summary),\(item.workClass),\(stamp(item.arrival)),\(stamp(item.start)),\(stamp(item.deployed))\r\n"
        }
        text += "DS-X1,broken date,feature,yesterday,2026-02-01T10:00:00Z,2026-02-02T10:00:00Z\r\n"
        text += "DS-X2,reversed,bug,2026-03-05T10:00:00Z,2026-03-04T10:00:00Z,2026-03-06T10:00:00Z\r\n"
        text += "DS-X3,not done,feature,2026-03-05T10:00:00Z,2026-03-05T11:00:00Z,\r\n"
        try text.write(toFile: Self.export, atomically: true, encoding: .utf8)
    }

    @Test func readsTheQuirkyExportAndReportsBadRowsByLine() throws {
        let c = try Calibration.read(path: Self.export)
        #expect(c.items.count > 200)
        #expect(c.rejected.count == 3)
        // Every seventh row's summary holds a CRLF, so physical lines run ahead of rows.
        let lastLine = c.items.map(\.line).max()!
        #expect(lastLine > c.items.count + 1)
        #expect(c.rejected.map(\.reason).contains { $0.contains("`yesterday` is not a date-time") })
        #expect(c.rejected.map(\.reason).contains { $0.contains("out of order") })
        #expect(abs(c.classes.reduce(0) { $0 + $1.share } - 1) < 1e-12)
        #expect(Set(c.classes.map(\.name)) == ["feature", "bug", "expedite"])
        // The example scenario's arrivals are Poisson with a 30 h mean.
        #expect(abs(c.interarrivalMean / 30 - 1) < 0.15)
    }

    @Test func calibratedScenarioReproducesLeadTimes() throws {
        let c = try Calibration.read(path: Self.export)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try c.valuesCSV().write(to: dir.appendingPathComponent("calibration-values.csv"), atomically: true, encoding: .utf8)
        let yaml = try c.scenarioYAML(name: "calibrated", valuesFile: "calibration-values.csv", fit: nil)
        let path = dir.appendingPathComponent("calibrated.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path).scenario
        let results = try ScenarioRunner.run(scenario, replications: scenario.replications)
        // The observed mean and 85th percentile of lead time (created → done) must lie within the
        // 95% prediction interval of one replication's value, mean ± t·s·√(1 + 1/n): the data is
        // one realization, so it is compared with the spread of single replications.
        let observed = c.items.map(\.leadTimeHours).sorted()
        let observedMean = observed.reduce(0, +) / Double(observed.count)
        let observedP85 = SampleStatistics.quantile(observed, 0.85)!
        for (metric, value) in [("lead_time_hours", observedMean), ("lead_time_hours.p85", observedP85)] {
            let values = results.map { $0[metric]! }
            let ci = ConfidenceInterval(values)!
            let spread = ci.halfWidth * (Double(values.count) + 1).squareRoot()
            #expect(abs(value - ci.mean) <= spread, "\(metric): observed \(value), calibrated \(ci.mean) ± \(spread) (prediction)")
        }
    }

    @Test func missingColumnsAreNamedWithASuggestion() throws {
        var columns = Calibration.Columns()
        columns.created = "create"
        #expect(throws: CalibrationError.self) { try Calibration.read(path: Self.export, columns: columns) }
        do { _ = try Calibration.read(path: Self.export, columns: columns) } catch {
            #expect("\(error)".contains("did you mean `created`?"))
        }
    }
}
