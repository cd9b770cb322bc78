import Analysis
import DeliveryModel
import Foundation

/// `report.html`: one self-contained page — inline CSS and SVG drawn here, no script, no
/// network — with the four charts in fixed boxes (``ReportLayout``), the DORA classification,
/// the comparison table and every scenario's resolved definition. Every text that comes from a
/// scenario file or the command line is escaped (``HTMLText``).
public enum HTMLReport {
    public static let fileName = "report.html"

    /// The page for `data`.
    public static func render(_ data: ReportData) -> String {
        let names = ReportCharts.shortNames(data)
        let heading = data.scenarios.count == 1 ? data.scenarios[0].name : "\(data.command): \(data.scenarios.count) scenarios"
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=\(Int(ReportLayout.pageWidth))">
        <title>DeliverySim report: \(HTMLText.escape(heading))</title>
        <style>\(css)</style>
        </head>
        <body>
        <header>
        <h1>DeliverySim report: \(HTMLText.escape(heading))</h1>
        <p>\(data.replications) replications of each scenario, seed \(HTMLText.escape(data.seed)) for all (common random numbers), \
        DORA \(data.doraYear) clusters; deliverysim \(HTMLText.escape(data.version)), \(HTMLText.escape(data.timestamp))</p>
        <p class="command"><code>\(HTMLText.escape(data.commandLine))</code></p>
        </header>
        <div class="charts">

        """
        let charts: [String: SVG] = [
            "cumulative-flow": ReportCharts.cumulativeFlow(data, width: ReportLayout.charts[0].width, height: ReportLayout.charts[0].height),
            "dora-keys": ReportCharts.fourKeys(data, width: ReportLayout.charts[1].width, height: ReportLayout.charts[1].height),
            "lead-time": ReportCharts.leadTime(data, width: ReportLayout.charts[2].width, height: ReportLayout.charts[2].height),
            "value-stream": ReportCharts.valueStream(data, width: ReportLayout.charts[3].width, height: ReportLayout.charts[3].height),
        ]
        let labels = ["cumulative-flow": "Cumulative flow diagram per scenario", "dora-keys": "DORA four keys with 95% intervals",
                      "lead-time": "Lead-time distribution per scenario", "value-stream": "Value stream map: queue wait and work per stage"]
        for box in ReportLayout.charts {
            html += "<figure class=\"chart\" style=\"left:\(SVG.n(box.x))px;top:\(SVG.n(box.y - ReportLayout.headerHeight))px;width:\(SVG.n(box.width))px;height:\(SVG.n(box.height))px\">"
            html += charts[box.id]!.render(id: box.id, label: labels[box.id]!) + "</figure>\n"
        }
        html += "</div>\n<main>\n"
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

    static func number(_ v: Double?) -> String { v.map(NumberText.significant) ?? "—" }

    static func interval(_ mean: Double?, _ low: Double?, _ high: Double?) -> String {
        guard let mean else { return "—" }
        guard let low, let high else { return number(mean) }
        return "\(number(mean)) <span class=\"ci\">[\(number(low)), \(number(high))]</span>"
    }

    static func doraTable(_ data: ReportData, names: [String]) -> String {
        var html = "<h2>DORA \(data.doraYear) classification</h2>\n<div class=\"scroll\"><table class=\"dora\">\n<tr><th>key</th>"
        html += names.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr>\n"
        for key in DORAKey.allCases {
            html += "<tr><th>\(HTMLText.escape(key.metric))</th>"
            for s in data.scenarios {
                guard let row = data.row(s.name, key.metric), let mean = row.mean, !row.doraCluster.isEmpty else {
                    html += "<td class=\"none\">— (left out)</td>"
                    continue
                }
                html += "<td><span class=\"chip \(HTMLText.escape(row.doraCluster))\">\(HTMLText.escape(row.doraCluster))</span> "
                html += "\(NumberText.significant(mean)) <span class=\"ci\">\(HTMLText.escape(row.doraBucket))</span></td>"
            }
            html += "</tr>\n"
        }
        html += "<tr><th>\(HTMLText.escape(DORAClassification.overallLabel))</th>"
        for s in data.scenarios {
            let clusters = DORAKey.allCases.compactMap { key in
                data.row(s.name, key.metric).flatMap { row in DORACluster.allCases.first { $0.name == row.doraCluster } }
            }
            let overall = clusters.max()
            html += overall.map { "<td><span class=\"chip \($0.name)\">\($0.title)</span></td>" } ?? "<td class=\"none\">unclassified</td>"
        }
        html += "</tr>\n</table></div>\n"
        return html + "<p class=\"note\">DORA \(data.doraYear): each key's mean gets the cluster whose published range or value it matches; overall: \(HTMLText.escape(DORAClassification.overallRule)).</p>\n"
    }

    static func comparisonTable(_ data: ReportData, names: [String]) -> String {
        var metrics: [String] = []
        var seen = Set<String>()
        for row in data.summary where seen.insert(row.metric).inserted { metrics.append(row.metric) }
        var html = "<h2>Comparison</h2>\n<p class=\"note\">Mean and 95% interval (Student-t over independent replications); "
        if data.scenarios.count > 1 {
            html += "Δ: the paired difference from the first scenario (the baseline) with its 95% interval and as a percentage; "
                + "<b>bold</b>: the interval excludes zero."
        }
        html += "</p>\n<div class=\"scroll\"><table class=\"comparison\">\n<tr><th>metric</th><th>unit</th>"
        for (i, name) in names.enumerated() {
            html += "<th>\(HTMLText.escape(name))\(i == 0 && names.count > 1 ? " (baseline)" : "")</th>"
            if i > 0 { html += "<th>Δ vs baseline</th>" }
        }
        html += "</tr>\n"
        var notes: [String] = []
        for metric in metrics {
            html += "<tr><th>\(HTMLText.escape(metric))</th><td class=\"unit\">\(HTMLText.escape(MetricRegistry.unit(of: metric)))</td>"
            for (i, s) in data.scenarios.enumerated() {
                let row = data.row(s.name, metric)
                html += "<td>\(row.map { interval($0.mean, $0.ciLow, $0.ciHigh) } ?? "")</td>"
                if let note = row?.note, !note.isEmpty { notes.append("\(s.name): \(metric): \(note)") }
                if i > 0 {
                    guard let row, let d = row.diff else { html += "<td></td>"; continue }
                    let excludes = (row.diffLow ?? 0) > 0 || (row.diffHigh ?? 0) < 0
                    let percent = row.diffPercent.map { " (\(NumberText.percent($0)))" } ?? ""
                    let cell = interval(d, row.diffLow, row.diffHigh) + percent
                    html += excludes ? "<td><b>\(cell)</b></td>" : "<td>\(cell)</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</table></div>\n"
        if !notes.isEmpty {
            html += "<details class=\"notes\"><summary>\(notes.count) notes on missing values</summary><ul>"
            html += notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></details>\n"
        }
        return html
    }

    static func definitions(_ data: ReportData, names: [String]) -> String {
        var html = "<h2>Scenario definitions</h2>\n<p class=\"note\">Each scenario fully resolved (extends and --set applied, seed and replications as run), as in its <code>scenario-*.yaml</code> copy.</p>\n"
        for (i, s) in data.scenarios.enumerated() {
            let source = s.file + (s.overrides.isEmpty ? "" : " with " + s.overrides.joined(separator: " "))
            html += "<details open><summary><b>\(HTMLText.escape(names[i]))</b> — \(HTMLText.escape(source))</summary>"
            html += "<pre>\(HTMLText.escape(s.yaml ?? "(no copy: not loaded from a file)"))</pre></details>\n"
        }
        return html
    }

    static let css = """
    body{margin:0;background:#fff;color:#222;font:14px/1.4 "DejaVu Sans",Helvetica,Arial,sans-serif;width:\(Int(ReportLayout.pageWidth))px}\
    header{height:\(Int(ReportLayout.headerHeight))px;overflow:hidden;padding:6px 12px;box-sizing:border-box;border-bottom:1px solid #ddd}\
    h1{font-size:20px;margin:0 0 2px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\
    header p{margin:0;font-size:12px;color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\
    .charts{position:relative;height:\(Int(ReportLayout.chartsBottom - ReportLayout.headerHeight))px}\
    figure.chart{position:absolute;margin:0;border:1px solid #ddd;box-sizing:border-box;overflow:hidden;background:#fff}\
    figure.chart svg{display:block;font-family:"DejaVu Sans",Helvetica,Arial,sans-serif}\
    main{padding:0 12px 24px 12px}h2{font-size:17px;margin:22px 0 6px 0}\
    .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12px}\
    th,td{border:1px solid #ddd;padding:3px 6px;text-align:right;white-space:nowrap;vertical-align:top}\
    th{background:#f4f4f4;text-align:left}td.unit{text-align:left;color:#666}.ci{color:#777}td.none{color:#999}\
    .chip{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:11px}\
    .chip.elite{background:#1a9850}.chip.high{background:#66bd63}.chip.medium{background:#f46d43}.chip.low{background:#a50026}\
    pre{background:#f8f8f8;border:1px solid #e4e4e4;padding:8px;font-size:12px;overflow-x:auto;white-space:pre}\
    details{margin:6px 0}.note{color:#555;font-size:12px}ol.names{font-size:12px}
    """
}
