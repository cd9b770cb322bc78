import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The HTML report: self-contained, every chart drawn from the export's files, and every text
/// from a scenario file escaped.
@Suite struct HTMLReportTests {
    /// The `<svg id="…">…</svg>` element of a chart.
    static func chart(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<svg id=\"\(id)\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func scriptInScenarioTextIsEscaped() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("evil.yaml", scenarioYAML(name: "\"<script>x('n')</script>\"",
                                                          description: "\"</pre><script>alert(2)</script> & <i>italic</i>\""))
        let plain = try dir.write("plain.yaml", scenarioYAML(name: "plain"))
        let variants = try ScenarioSet.files([plain, path])
        #expect(variants[1].label == "<script>x('n')</script>")
        let run = try exportRun(variants, replications: 2, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let html = try dir.read("out/report.html")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<i>italic</i>"))
        #expect(html.contains("&lt;script&gt;x(&#39;n&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; &lt;i&gt;italic&lt;/i&gt;"))
        // The name appears in the title, the four charts' labels, the two tables and the
        // definitions, escaped each time.
        #expect(Self.count("&lt;script&gt;x(&#39;n&#39;)&lt;/script&gt;", in: html) >= 8)
        // Self-contained: no script, no external resource.
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url("))
    }

    @Test func everyChartIsDrawnFromTheData() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2, items: true)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let html = try dir.read("out/report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        // Cumulative flow: per scenario one band for done and one per stage and pseudo-stage.
        #expect(Self.count("<polygon", in: try Self.chart("cumulative-flow", in: html)) == 3 * 5)
        // The four keys: a dot per scenario and key with a value (time to restore may have none).
        let dots = Self.count("<circle", in: try Self.chart("dora-keys", in: html))
        let withValue = run.comparison.entries.flatMap { e in DORAKey.allCases.filter { e.metric($0.metric)?.summary.mean != nil } }.count
        #expect(dots == withValue && dots >= 9)
        // Lead time from items.csv: one line per scenario.
        #expect(Self.count("<polyline", in: try Self.chart("lead-time", in: html)) == 3)
        // Value stream: a wait and a work bar per scenario and stage.
        let bars = Self.count("<rect", in: try Self.chart("value-stream", in: html))
        #expect(bars >= 3 * 2 * 2)
        #expect(html.contains("DORA 2024 classification") && html.contains("overall (worst key)"))
        #expect(html.contains("lead_<wbr>time_<wbr>for_<wbr>changes_<wbr>hours") && html.contains("Scenario definitions"))
        #expect(html.contains("six, &quot;quoted&quot;\nname"))

        // `report DIR` draws the same page from the files alone.
        #expect(HTMLReport.render(try ReportData.load(folder: dir.path + "/out")) == html)
    }

    /// A what-if's report plots each key against the varied values (with intervals), names the
    /// points by them, opens with the headline summary, and folds the scenario YAML away.
    @Test func whatIfChartsPlotEachKeyAgainstTheVariedValues() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let variants = try ScenarioSet.whatIf(path, grid: WhatIfGrid(axes: [try Axis(parsing: "teams.dev.people=4,5,6")]), overrides: [])
        let run = try exportRun(variants, replications: 2, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let html = try dir.read("out/report.html")
        for id in ["varied-1", "varied-2"] {
            let chart = try Self.chart(id, in: html)
            #expect(Self.count("<circle", in: chart) == 3, "\(id): a point per value")
            // Error bars: the interval line and its two caps per point.
            #expect(Self.count("<line", in: chart) >= 3 * 3)
            for value in ["4", "5", "6"] { #expect(chart.contains(">\(value)</text>"), "\(id): the tick of \(value)") }
            #expect(chart.contains(">teams.dev.people</text>"))
        }
        #expect(html.contains(">people=5</text>") && !html.contains(">#1<"))
        let summary = try #require(html.range(of: "<section class=\"summary\">"))
        #expect(summary.lowerBound < html.range(of: "<svg")!.lowerBound, "the summary comes before the charts")
        #expect(!html.contains("<details open") && html.contains("<details class=\"definition\"><summary><b>"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width"))
    }

    /// Without items.csv the lead-time chart shows the per-replication quantiles.
    @Test func leadTimeFromQuantilesWithoutItems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let data = try ReportData.load(folder: dir.path + "/out")
        #expect(!data.fromItems)
        guard case .quantiles(let p50, _, let p95)? = data.leadTimes["weekly"] else {
            Issue.record("no quantiles for weekly")
            return
        }
        let expected = run.results[0].map { $0["lead_time_hours.p50"]! }.reduce(0, +) / 2
        #expect(abs(p50! - expected) < 1e-9 * expected && p95! > p50!)
        let chart = try Self.chart("lead-time", in: try dir.read("out/report.html"))
        #expect(Self.count("<circle", in: chart) == 9)
    }

    @Test func aFolderWithoutRunJSONIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: ExportError.self) { try ReportData.load(folder: dir.path) }
    }
}
