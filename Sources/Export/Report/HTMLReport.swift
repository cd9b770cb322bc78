import Analysis
import DeliveryModel
import Foundation

/// `report.html`: one self-contained page — inline CSS and SVG drawn here, no script, no
/// network — that reads at any width from about 700 px up without sideways scrolling: the
/// headline and each scenario's four keys first, then the charts (one column, or two on a wide
/// window; each SVG scales to its column), the DORA classification, the comparison tables and
/// every scenario's resolved definition folded away. Every text that comes from a scenario file
/// or the command line is escaped (``HTMLText``).
public enum HTMLReport {
    public static let fileName = "report.html"
    /// Scenarios per comparison table: more are split over several tables, so that each fits.
    public static let scenariosPerTable = 4

    /// The page for `data`.
    public static func render(_ data: ReportData) -> String {
        let names = ReportCharts.shortNames(data)
        let heading = data.scenarios.count == 1 ? data.scenarios[0].name : "\(data.command): \(data.scenarios.count) scenarios"
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>DeliverySim report: \(HTMLText.escape(heading))</title>
        <style>\(css)</style>
        </head>
        <body>
        <header>
        <h1>DeliverySim report: \(HTMLText.escape(heading))</h1>
        <p class="meta">\(data.replications) replications of each scenario, seed \(HTMLText.escape(data.seed)) for all (common random numbers), \
        DORA \(data.doraYear) clusters; deliverysim \(HTMLText.escape(data.version)), \(HTMLText.escape(data.timestamp))</p>
        <p class="command"><code>\(HTMLText.escape(data.commandLine))</code></p>
        </header>
        <main>

        """
        html += summary(data, names: names)
        let width = ReportLayout.chartWidth
        var charts: [(id: String, label: String, svg: SVG)] = [
            ("value-stream", "Value stream map: every wait and all work from arrival to production, adding up to the lead time",
             ReportCharts.valueStream(data, width: width)),
        ]
        if !data.varied.isEmpty {
            for (i, m) in ReportCharts.variedMetrics.enumerated() {
                if let svg = ReportCharts.varied(data, metric: m.metric, label: m.label, width: width) {
                    charts.append(("varied-\(i + 1)", "\(m.label) against the varied keys, with 95% intervals", svg))
                }
            }
        }
        if data.scenarios.count <= 12 || data.varied.isEmpty {
            charts.append(("dora-keys", "DORA four keys with 95% intervals", ReportCharts.fourKeys(data, width: width)))
        }
        charts.append(("lead-time", "Lead-time distribution per scenario", ReportCharts.leadTime(data, width: width)))
        if let flow = ReportCharts.cumulativeFlow(data, width: width) {
            charts.append(("cumulative-flow", "Cumulative flow diagram per scenario", flow))
        }
        html += "<h2>Charts</h2>\n<div class=\"charts\">\n"
        for chart in charts { html += "<figure class=\"chart\">" + chart.svg.render(id: chart.id, label: chart.label) + "</figure>\n" }
        html += "</div>\n"
        if names != data.scenarios.map(\.name) {
            html += "<h2>Scenarios</h2>\n<ol class=\"names\">"
            for s in data.scenarios { html += "<li>\(HTMLText.escape(s.name))</li>" }
            html += "</ol>\n"
        }
        html += doraTable(data, names: names)
        html += comparisonTable(data, names: names)
        html += CostSection.html(data)
        html += definitions(data, names: names)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// The headline metrics of the summary, each with the way a person says its value.
    static let summaryColumns: [(metric: String, title: String)] = [
        (DORAKey.deploymentFrequency.metric, "deployment frequency"), (DORAKey.leadTime.metric, "lead time for changes"),
        (DORAKey.changeFailureRate.metric, "change failure rate"), (DORAKey.timeToRestore.metric, "time to restore"),
        (MetricDefinition.leadTime.name, "lead time, arrival → production"), (MetricDefinition.throughput.name, "throughput"),
    ]

    /// The headline sentence and a row per scenario: its overall DORA cluster and the four keys,
    /// lead time and throughput in the units a person says, with 95% intervals.
    static func summary(_ data: ReportData, names: [String]) -> String {
        var html = "<section class=\"summary\">\n<h2>Summary</h2>\n"
        if let headline = data.headline {
            html += "<p class=\"headline\">\(HTMLText.escape(headline))</p>\n"
        } else if data.scenarios.count > 1 {
            html += "<p class=\"headline\">No headline metric differs from the baseline beyond its 95% interval.</p>\n"
        }
        html += "<table class=\"keys\">\n<tr><th>scenario</th><th>DORA \(data.doraYear)</th>"
        html += summaryColumns.map { "<th>\(HTMLText.escape($0.title))</th>" }.joined() + "</tr>\n"
        for (k, s) in data.scenarios.enumerated() {
            html += "<tr><th>\(HTMLText.escape(names[k]))</th><td>\(overallChip(data, s.name))</td>"
            for column in summaryColumns {
                guard let row = data.row(s.name, column.metric), let mean = row.mean else {
                    html += "<td class=\"none\">—</td>"
                    continue
                }
                let value = HumanUnits.metric(column.metric, mean: mean)
                let interval = HumanUnits.metric(column.metric, mean: mean, low: row.ciLow, high: row.ciHigh)
                let range = interval.hasPrefix(value) ? String(interval.dropFirst(value.count)).trimmingCharacters(in: .whitespaces) : ""
                let chip = row.doraCluster.isEmpty ? "" : " <span class=\"dot \(HTMLText.escape(row.doraCluster))\" title=\"\(HTMLText.escape(row.doraCluster))\"></span>"
                html += "<td><span class=\"nowrap\"><b>\(HTMLText.escape(value))</b>\(chip)</span>" + (range.isEmpty ? "" : "<br><span class=\"ci\">\(HTMLText.escape(range))</span>") + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</table>\n<p class=\"note\">Means over the replications with their 95% intervals (in brackets, in the mean's unit); "
        html += "the dot is the key's DORA \(data.doraYear) cluster. A day is 24 hours of the clock.</p>\n</section>\n"
        return html
    }

    /// The overall cluster chip of `scenario`: the lowest of its keys' clusters.
    static func overallChip(_ data: ReportData, _ scenario: String) -> String {
        let clusters = DORAKey.allCases.compactMap { key in
            data.row(scenario, key.metric).flatMap { row in DORACluster.allCases.first { $0.name == row.doraCluster } }
        }
        return clusters.max().map { "<span class=\"chip \($0.name)\">\($0.title)</span>" } ?? "<span class=\"none\">unclassified</span>"
    }

    static func number(_ v: Double?) -> String { v.map(NumberText.significant) ?? "—" }

    static func interval(_ mean: Double?, _ low: Double?, _ high: Double?, prefix: String = "", suffix: String = "") -> String {
        guard let mean else { return "—" }
        guard let low, let high else { return prefix + number(mean) + suffix }
        return "\(prefix)\(number(mean))\(suffix) <span class=\"ci\">[\(number(low)), \(number(high))]</span>"
    }

    /// A metric name that may break after `_` and `.` (never inside a word).
    static func breakable(_ name: String) -> String {
        HTMLText.escape(name).replacingOccurrences(of: "_", with: "_<wbr>").replacingOccurrences(of: ".", with: ".<wbr>")
    }

    static func doraTable(_ data: ReportData, names: [String]) -> String {
        var html = "<h2>DORA \(data.doraYear) classification</h2>\n<table class=\"dora\">\n<tr><th>scenario</th>"
        html += DORAKey.allCases.map { "<th>\(HTMLText.escape($0.title))</th>" }.joined()
        html += "<th>\(HTMLText.escape(DORAClassification.overallLabel))</th></tr>\n"
        for (k, s) in data.scenarios.enumerated() {
            html += "<tr><th>\(HTMLText.escape(names[k]))</th>"
            for key in DORAKey.allCases {
                guard let row = data.row(s.name, key.metric), let mean = row.mean, !row.doraCluster.isEmpty else {
                    html += "<td class=\"none\">— (left out)</td>"
                    continue
                }
                html += "<td><span class=\"chip \(HTMLText.escape(row.doraCluster))\">\(HTMLText.escape(row.doraCluster))</span> "
                html += "\(NumberText.significant(mean)) <span class=\"ci\">\(HTMLText.escape(row.doraBucket))</span></td>"
            }
            html += "<td>\(overallChip(data, s.name))</td></tr>\n"
        }
        html += "</table>\n"
        return html + "<p class=\"note\">DORA \(data.doraYear): each key's mean gets the cluster whose published range or value it matches; overall: \(HTMLText.escape(DORAClassification.overallRule)).</p>\n"
    }

    /// Every metric (rows) of every scenario: mean and interval, and under it the paired
    /// difference from the baseline; at most ``scenariosPerTable`` scenarios a table, each folded
    /// away (the summary at the top holds the headline numbers).
    static func comparisonTable(_ data: ReportData, names: [String]) -> String {
        var metrics: [String] = []
        var seen = Set<String>()
        for row in data.summary where seen.insert(row.metric).inserted { metrics.append(row.metric) }
        var html = "<h2>Comparison</h2>\n<p class=\"note\">Mean and 95% interval (Student-t over independent replications); "
        if data.scenarios.count > 1 {
            html += "Δ: the paired difference from the baseline (the first scenario, \(HTMLText.escape(names[0])), or the first of a preset family) with its 95% interval and as a percentage; "
                + "<b>bold</b>: the interval excludes zero."
        }
        html += "</p>\n"
        var notes: [String] = []
        for (i, s) in data.scenarios.enumerated() {
            for metric in metrics {
                if let note = data.row(s.name, metric)?.note, !note.isEmpty { notes.append("\(names[i]): \(metric): \(note)") }
            }
        }
        // As few tables as fit, of sizes that differ by at most one (5 scenarios: 3 and 2).
        let n = data.scenarios.count, tables = max(1, (n + scenariosPerTable - 1) / scenariosPerTable)
        let groups = (0..<tables).map { t in Array((t * n / tables)..<((t + 1) * n / tables)) }
        for group in groups {
            let which = groups.count == 1 ? "every scenario" : group.count == 1 ? "scenario \(group[0] + 1) of \(n)"
                : "scenarios \(group[0] + 1)–\(group[group.count - 1] + 1) of \(n)"
            html += "<details class=\"comparison\"><summary>Every metric (\(metrics.count)), \(which): "
            html += group.map { HTMLText.escape(names[$0]) }.joined(separator: ", ") + "</summary>\n"
            html += "<table class=\"comparison\">\n<colgroup><col class=\"metric\"><col class=\"unit\">"
            html += String(repeating: "<col>", count: group.count) + "</colgroup>\n<tr><th>metric</th><th>unit</th>"
            for i in group { html += "<th>\(HTMLText.escape(names[i]))\(i == 0 && names.count > 1 ? " (baseline)" : "")</th>" }
            html += "</tr>\n"
            for metric in metrics {
                html += "<tr><th>\(breakable(metric))</th><td class=\"unit\">\(HTMLText.escape(MetricRegistry.unit(of: metric)))</td>"
                for i in group {
                    guard let row = data.row(data.scenarios[i].name, metric) else { html += "<td></td>"; continue }
                    html += "<td>\(interval(row.mean, row.ciLow, row.ciHigh))"
                    if i > 0, let d = row.diff {
                        let excludes = (row.diffLow ?? 0) > 0 || (row.diffHigh ?? 0) < 0
                        let percent = row.diffPercent.map { " (\(NumberText.percent($0)))" } ?? ""
                        let cell = interval(d, row.diffLow, row.diffHigh, prefix: "Δ ", suffix: percent)
                        html += "<br><span class=\"diff\">" + (excludes ? "<b>\(cell)</b>" : cell) + "</span>"
                    }
                    html += "</td>"
                }
                html += "</tr>\n"
            }
            html += "</table></details>\n"
        }
        if !notes.isEmpty {
            html += "<details class=\"notes\"><summary>\(notes.count) notes on missing values</summary><ul>"
            html += notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></details>\n"
        }
        return html
    }

    /// Every scenario's resolved YAML, folded away.
    static func definitions(_ data: ReportData, names: [String]) -> String {
        var html = "<h2>Scenario definitions</h2>\n<p class=\"note\">Each scenario fully resolved (extends and --set applied, seed and replications as run), as in its <code>scenario-*.yaml</code> copy; open one to read it.</p>\n"
        for (i, s) in data.scenarios.enumerated() {
            let source = s.file + (s.overrides.isEmpty ? "" : " with " + s.overrides.joined(separator: " "))
            html += "<details class=\"definition\"><summary><b>\(HTMLText.escape(names[i]))</b> — \(HTMLText.escape(source))</summary>"
            html += "<pre>\(HTMLText.escape(s.yaml ?? "(no copy: not loaded from a file)"))</pre></details>\n"
        }
        return html
    }

    static let css = """
    *{box-sizing:border-box}\
    body{margin:0 auto;max-width:1800px;background:#fff;color:#222;font:14px/1.45 "DejaVu Sans",Helvetica,Arial,sans-serif;padding:0 16px 24px 16px}\
    header{padding:10px 0 8px 0;border-bottom:1px solid #ddd}\
    h1{font-size:21px;margin:0 0 4px 0;overflow-wrap:anywhere}\
    header p{margin:2px 0;font-size:12px;color:#555;overflow-wrap:anywhere}\
    .command code{white-space:pre-wrap;overflow-wrap:anywhere}\
    h2{font-size:17px;margin:22px 0 8px 0}h3{font-size:14px;margin:14px 0 6px 0}\
    .headline{font-size:17px;font-weight:bold;margin:6px 0 10px 0;padding:8px 12px;background:#f2f6fa;border-left:4px solid #1f77b4}\
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,700px),1fr));gap:14px;align-items:start}\
    figure.chart{margin:0;border:1px solid #ddd;padding:4px;background:#fff;min-width:0}\
    figure.chart svg{display:block;width:100%;height:auto;font-family:"DejaVu Sans",Helvetica,Arial,sans-serif}\
    table{border-collapse:collapse;font-size:12px;width:100%;table-layout:fixed;margin-bottom:6px}\
    th,td{border:1px solid #ddd;padding:3px 6px;text-align:right;vertical-align:top;overflow-wrap:anywhere}\
    th{background:#f4f4f4;text-align:left}td.unit{text-align:left;color:#666}.ci{color:#777}.none,td.none{color:#999}\
    table.keys,table.dora{table-layout:auto}table.keys{font-size:13px}table.keys td{text-align:left}\
    table.keys th,table.keys td,table.dora th,table.dora td{overflow-wrap:break-word}\
    table.comparison col.metric{width:24%}table.comparison col.unit{width:7%}.diff{font-size:11px;color:#444}\
    table.comparison th{overflow-wrap:break-word}.nowrap{white-space:nowrap}\
    .chip{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:11px}\
    .dot{display:inline-block;width:9px;height:9px;border-radius:5px;margin-left:3px}\
    .elite{background:#1a9850}.high{background:#66bd63}.medium{background:#f46d43}.low{background:#a50026}\
    pre{background:#f8f8f8;border:1px solid #e4e4e4;padding:8px;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere}\
    details{margin:6px 0}summary{cursor:pointer;overflow-wrap:anywhere}details.comparison>summary{font-size:13px;padding:4px 0}.note{color:#555;font-size:12px}ol.names{font-size:12px;overflow-wrap:anywhere}
    """
}
