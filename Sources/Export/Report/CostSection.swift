import Analysis

/// The cost breakdown of the HTML report (scenarios with an `economics` section): per scenario,
/// the cost of people, of delay and of incidents per week — means over the replications — as a
/// table and as stacked bars on one scale. Empty when no scenario reports costs.
enum CostSection {
    static let parts = [("cost_of_people", "people", "#1f77b4"), ("cost_of_delay", "delay", "#ff7f0e"), ("cost_of_incidents", "incidents", "#d62728")]

    static func html(_ data: ReportData) -> String {
        var means: [String: [String: Double]] = [:]
        for row in data.summary where row.metric.hasPrefix("cost_") { means[row.scenario, default: [:]][row.metric] = row.mean }
        let scenarios = data.scenarios.map(\.name).filter { means[$0]?["cost_total"] != nil }
        guard !scenarios.isEmpty else { return "" }
        var html = "<h2>Cost per week</h2>\n<table class=\"costs\"><thead><tr><th>scenario</th>"
        for (_, label, _) in parts { html += "<th>\(label)</th>" }
        html += "<th>total</th></tr></thead><tbody>\n"
        for name in scenarios {
            html += "<tr><td>\(HTMLText.escape(name))</td>"
            for (metric, _, _) in parts + [("cost_total", "", "")] { html += "<td>\(HTMLReport.number(means[name]?[metric]))</td>" }
            html += "</tr>\n"
        }
        html += "</tbody></table>\n"
        // Scaled to the page's width (figure.chart), the total written after each bar.
        let width = 900.0, rowHeight = 22.0, left = 220.0, right = width - 90
        var svg = SVG(width: width, height: Double(scenarios.count) * rowHeight + 40)
        let largest = max(1, scenarios.map { means[$0]?["cost_total"] ?? 0 }.max() ?? 1)
        for (i, name) in scenarios.enumerated() {
            let y = 10 + Double(i) * rowHeight
            svg.text(left - 8, y + 14, name, size: 11, anchor: .end)
            var x = left
            for (metric, _, color) in parts {
                let w = (means[name]?[metric] ?? 0) / largest * (right - left)
                svg.rect(x, y + 2, w, rowHeight - 6, fill: color)
                x += w
            }
            svg.text(x + 6, y + 14, HTMLReport.number(means[name]?["cost_total"]), size: 11)
        }
        let legendY = 10 + Double(scenarios.count) * rowHeight + 16
        for (k, (_, label, color)) in parts.enumerated() {
            svg.rect(left + Double(k) * 110, legendY - 9, 10, 10, fill: color)
            svg.text(left + Double(k) * 110 + 14, legendY, label, size: 11)
        }
        return html + "<figure class=\"chart\">" + svg.render(id: "cost-breakdown", label: "Cost per week by part, per scenario") + "</figure>\n"
    }
}
