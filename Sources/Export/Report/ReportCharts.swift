import Analysis
import DeliveryModel
import Foundation

/// Where each chart of the report sits, in CSS pixels from the top left of the page: fixed
/// boxes, so the page always looks the same and a test can find every chart on a screenshot.
public enum ReportLayout {
    /// The page's width.
    public static let pageWidth = 1280.0
    /// The header's height: the title, the run and the command line.
    public static let headerHeight = 84.0
    /// The chart boxes, top to bottom, left to right; everything below them is the tables.
    public static let charts: [(id: String, x: Double, y: Double, width: Double, height: Double)] = [
        ("cumulative-flow", 12, 96, 1256, 500),
        ("dora-keys", 12, 608, 1256, 380),
        ("lead-time", 12, 1000, 620, 440),
        ("value-stream", 648, 1000, 620, 440),
    ]
    /// Where the chart area ends (the tables start below it).
    public static let chartsBottom = 1452.0
}

/// The report's four charts, drawn as SVG from ``ReportData``.
enum ReportCharts {
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    static let doneColor = "#b8c4cc"
    static let clusterColors: [(String, String)] = [("elite", "#1a9850"), ("high", "#66bd63"), ("medium", "#f46d43"), ("low", "#a50026")]
    static let axis = "#555", grid = "#e4e4e4"

    /// Short scenario names: a label longer than 24 characters becomes `#k` (listed in the tables).
    static func shortNames(_ data: ReportData) -> [String] {
        data.scenarios.enumerated().map { $0.element.name.count > 24 ? "#\($0.offset + 1)" : $0.element.name }
    }

    /// A colour per stage name, in order of first appearance, the pseudo-stages included.
    static func stageColors(_ data: ReportData) -> [String: String] {
        var names = [ExportTables.backlogStage]
        for s in data.scenarios { for stage in s.stages where !names.contains(stage) { names.append(stage) } }
        names.append(ExportTables.awaitingReleaseStage)
        var colors: [String: String] = [:]
        for (i, name) in names.enumerated() where colors[name] == nil { colors[name] = palette[i % palette.count] }
        colors["done"] = doneColor
        return colors
    }

    static func title(_ svg: inout SVG, _ text: String) {
        svg.text(svg.width / 2, 20, text, size: 15, anchor: .middle, bold: true, fill: "#222")
    }

    /// A frame of axes with grid lines and tick labels.
    static func axes(_ svg: inout SVG, x: Scale, y: Scale?, left: Double, top: Double, right: Double, bottom: Double,
                     xLabel: String? = nil, size: Double = 10) {
        for (v, label) in x.ticks() {
            let px = x(v)
            svg.line(px, top, px, bottom, stroke: grid)
            svg.text(px, bottom + size + 3, label, size: size, anchor: .middle, fill: axis)
        }
        if let y {
            for (v, label) in y.ticks(count: 4) {
                let py = y(v)
                svg.line(left, py, right, py, stroke: grid)
                svg.text(left - 4, py + size / 3, label, size: size, anchor: .end, fill: axis)
            }
        }
        svg.line(left, bottom, right, bottom, stroke: axis)
        svg.line(left, top, left, bottom, stroke: axis)
        if let xLabel { svg.text((left + right) / 2, bottom + 2 * size + 8, xLabel, size: size, anchor: .middle, fill: axis) }
    }

    static func legend(_ svg: inout SVG, _ entries: [(String, String)], y: Double, hatched: Bool = false) {
        let widths = entries.map { 26 + Double($0.0.count) * 6.3 }
        var x = (svg.width - widths.reduce(0, +)) / 2
        for ((label, color), w) in zip(entries, widths) {
            svg.rect(x, y - 9, 12, 12, fill: color)
            svg.text(x + 16, y + 1, label, size: 11)
            x += w
        }
    }

    // MARK: 1. cumulative flow

    static func cumulativeFlow(_ data: ReportData, width: Double, height: Double) -> SVG {
        var svg = SVG(width: width, height: height)
        title(&svg, "Cumulative flow per scenario (mean over replications; dotted: end of warm-up)")
        let names = shortNames(data), colors = stageColors(data)
        let n = max(1, data.scenarios.count)
        let columns = min(4, n), rows = (n + columns - 1) / columns
        let panelW = (width - 8) / Double(columns), panelH = (height - 34 - 30) / Double(rows)
        var used: [String] = []
        for (k, scenario) in data.scenarios.enumerated() {
            guard let flow = data.flow[scenario.name], !flow.days.isEmpty else { continue }
            let px = 4 + Double(k % columns) * panelW, py = 30 + Double(k / columns) * panelH
            let left = px + 46, right = px + panelW - 10, top = py + 20, bottom = py + panelH - 26
            svg.text((left + right) / 2, py + 13, names[k], size: 12, anchor: .middle, bold: true)
            // Bands bottom to top: done, awaiting release, the last stage … the first, backlog.
            let order = Array(flow.stages.indices.reversed())
            var layers = [flow.done]
            var labels = ["done"]
            for i in order { layers.append(flow.inStage[i]); labels.append(flow.stages[i]) }
            var totals = Array(repeating: 0.0, count: flow.days.count)
            var cumulative: [[Double]] = []
            for layer in layers {
                for d in totals.indices { totals[d] += d < layer.count ? layer[d] : 0 }
                cumulative.append(totals)
            }
            let xs = Scale(values: [0, Double(flow.days.last!)], from: left, to: right, log: false)
            let y = Scale(values: [0, totals.max() ?? 1], from: bottom, to: top, log: false, includeZero: true)
            axes(&svg, x: xs, y: y, left: left, top: top, right: right, bottom: bottom, size: 9)
            var lower = Array(repeating: 0.0, count: flow.days.count)
            for (layer, label) in zip(cumulative, labels) {
                let upperPoints = flow.days.indices.map { (xs(Double(flow.days[$0])), y(layer[$0])) }
                let lowerPoints = flow.days.indices.reversed().map { (xs(Double(flow.days[$0])), y(lower[$0])) }
                svg.polygon(upperPoints + lowerPoints, fill: colors[label] ?? "#999")
                lower = layer
                if !used.contains(label) { used.append(label) }
            }
            let warm = xs(scenario.warmupHours / 24)
            svg.line(warm, top, warm, bottom, stroke: "#000", width: 1, dash: "2,3")
        }
        let order = [ExportTables.backlogStage] + data.scenarios.flatMap(\.stages) + [ExportTables.awaitingReleaseStage, "done"]
        var seen = Set<String>()
        let entries = order.filter { used.contains($0) && seen.insert($0).inserted }.map { ($0, colors[$0] ?? "#999") }
        legend(&svg, entries, y: height - 10)
        return svg
    }

    // MARK: 2. lead time

    static func leadTime(_ data: ReportData, width: Double, height: Double) -> SVG {
        var svg = SVG(width: width, height: height)
        let names = shortNames(data)
        let left = 60.0, right = width - 16, top = 34.0, bottom = height - 50
        if data.fromItems {
            title(&svg, "Lead time, arrival → production (every change after warm-up)")
            var all: [Double] = []
            for s in data.scenarios { if case .changes(let h)? = data.leadTimes[s.name] { all += [h.first, h.last].compactMap { $0 } } }
            let x = Scale(values: all, from: left, to: right, log: true)
            let y = Scale(values: [0, 1], from: bottom, to: top, log: false, includeZero: true)
            axes(&svg, x: x, y: y, left: left, top: top, right: right, bottom: bottom, xLabel: "hours (log scale)")
            svg.text(16, (top + bottom) / 2, "share of changes done within", size: 10, anchor: .middle, fill: axis, rotate: -90)
            for (k, s) in data.scenarios.enumerated() {
                guard case .changes(let hours)? = data.leadTimes[s.name], !hours.isEmpty else { continue }
                let m = min(hours.count, 240)
                let points = (0..<m).map { j -> (Double, Double) in
                    let i = m == 1 ? 0 : j * (hours.count - 1) / (m - 1)
                    return (x(hours[i]), y(Double(i + 1) / Double(hours.count)))
                }
                svg.polyline(points, stroke: palette[k % palette.count], width: 2)
            }
            // Legend, bottom right inside the plot.
            let rowH = min(15.0, (bottom - top - 10) / Double(max(1, data.scenarios.count)))
            let lx = right - 150
            var ly = bottom - 8 - rowH * Double(data.scenarios.count - 1)
            for (k, name) in names.enumerated() {
                svg.rect(lx, ly - 4, 14, 3, fill: palette[k % palette.count])
                svg.text(lx + 19, ly, name, size: min(11, rowH - 2))
                ly += rowH
            }
        } else {
            title(&svg, "Lead time, arrival → production: p50, p85, p95 (mean per replication)")
            var all: [Double] = []
            for s in data.scenarios {
                if case .quantiles(let a, let b, let c)? = data.leadTimes[s.name] { all += [a, b, c].compactMap { $0 } }
            }
            let left = 140.0
            let x = Scale(values: all, from: left, to: right, log: true)
            axes(&svg, x: x, y: nil, left: left, top: top, right: right, bottom: bottom, xLabel: "hours (log scale)")
            let rowH = (bottom - top) / Double(max(1, data.scenarios.count))
            for (k, s) in data.scenarios.enumerated() {
                let cy = top + rowH * (Double(k) + 0.5)
                svg.text(left - 6, cy + 4, names[k], size: 11, anchor: .end)
                guard case .quantiles(let p50, let p85, let p95)? = data.leadTimes[s.name] else { continue }
                if let p50, let p95 { svg.line(x(p50), cy, x(p95), cy, stroke: palette[k % palette.count], width: 3) }
                for (v, label) in [(p50, "p50"), (p85, "p85"), (p95, "p95")] {
                    guard let v else { continue }
                    svg.circle(x(v), cy, 5, fill: palette[k % palette.count])
                    svg.text(x(v), cy - 8, label, size: 8, anchor: .middle, fill: axis)
                }
            }
        }
        return svg
    }

    // MARK: 3. DORA four keys

    static func fourKeys(_ data: ReportData, width: Double, height: Double) -> SVG {
        var svg = SVG(width: width, height: height)
        title(&svg, "DORA four keys: mean and 95% interval over replications, coloured by DORA \(data.doraYear) cluster")
        let names = shortNames(data)
        let keys: [(DORAKey, String, Bool)] = [
            (.deploymentFrequency, "deployments per day", true), (.leadTime, "lead time for changes (h)", true),
            (.changeFailureRate, "change failure rate", false), (.timeToRestore, "time to restore (h)", true),
        ]
        let labelW = 150.0, gap = 22.0, top = 50.0, bottom = height - 56
        let panelW = (width - labelW - 10 - gap * 3) / 4
        let rowH = (bottom - top) / Double(max(1, data.scenarios.count))
        for (k, name) in names.enumerated() {
            svg.text(labelW - 8, top + rowH * (Double(k) + 0.5) + 4, name, size: 11, anchor: .end)
        }
        for (p, (key, label, log)) in keys.enumerated() {
            let left = labelW + Double(p) * (panelW + gap), right = left + panelW
            svg.text((left + right) / 2, top - 10, label, size: 12, anchor: .middle, bold: true)
            let rows = data.scenarios.map { data.row($0.name, key.metric) }
            var values = rows.flatMap { r in [r?.mean, r?.ciLow, r?.ciHigh].compactMap { $0 } }
            // A share lies in [0, 1]: an interval reaching beyond (few replications) is cut there.
            if key == .changeFailureRate { values = values.map { min(1, max(0, $0)) } }
            let x = Scale(values: values, from: left + 6, to: right - 6, log: log, includeZero: !log)
            axes(&svg, x: x, y: nil, left: left, top: top, right: right, bottom: bottom)
            for (k, row) in rows.enumerated() {
                guard let row, let mean = row.mean else { continue }
                let cy = top + rowH * (Double(k) + 0.5)
                let color = clusterColors.first { $0.0 == row.doraCluster }?.1 ?? "#888"
                let lo = max(x.low, row.ciLow ?? mean), hi = min(x.high, row.ciHigh ?? mean)
                svg.line(x(lo), cy, x(hi), cy, stroke: color, width: 2)
                svg.line(x(lo), cy - 5, x(lo), cy + 5, stroke: color, width: 2)
                svg.line(x(hi), cy - 5, x(hi), cy + 5, stroke: color, width: 2)
                svg.circle(x(mean), cy, 5.5, fill: color)
            }
        }
        legend(&svg, clusterColors.map { ("\($0.0)", $0.1) }, y: height - 12)
        return svg
    }

    // MARK: 4. value stream map

    static func valueStream(_ data: ReportData, width: Double, height: Double) -> SVG {
        var svg = SVG(width: width, height: height)
        title(&svg, "Value stream map: queue wait (pale) vs work (solid)")
        let names = shortNames(data), colors = stageColors(data)
        let left = 140.0, right = width - 16, top = 34.0, bottom = height - 70
        var totals: [Double] = []
        var segments: [[(stage: String, wait: Double, work: Double)]] = []
        for s in data.scenarios {
            let parts = s.stages.map { stage in
                (stage, data.row(s.name, "queue_wait_hours.\(stage)")?.mean ?? 0, data.row(s.name, "work_hours.\(stage)")?.mean ?? 0)
            }
            segments.append(parts)
            totals.append(parts.reduce(0) { $0 + $1.1 + $1.2 })
        }
        let x = Scale(values: totals + [0], from: left, to: right, log: false, includeZero: true)
        axes(&svg, x: x, y: nil, left: left, top: top, right: right, bottom: bottom, xLabel: "mean hours per visit, stage by stage in stream order")
        let rowH = (bottom - top) / Double(max(1, data.scenarios.count))
        let barH = min(28, rowH * 0.7)
        for (k, parts) in segments.enumerated() {
            let cy = top + rowH * (Double(k) + 0.5)
            svg.text(left - 6, cy + 4, names[k], size: 11, anchor: .end)
            var at = 0.0
            for part in parts {
                let color = colors[part.stage] ?? "#999"
                svg.rect(x(at), cy - barH / 2, x(at + part.wait) - x(at), barH, fill: color, opacity: 0.3)
                at += part.wait
                svg.rect(x(at), cy - barH / 2, x(at + part.work) - x(at), barH, fill: color)
                at += part.work
            }
        }
        var seen = Set<String>()
        let stages = data.scenarios.flatMap(\.stages).filter { seen.insert($0).inserted }
        legend(&svg, stages.map { ("\($0) work", colors[$0] ?? "#999") }, y: height - 30)
        legend(&svg, stages.map { ("\($0) wait", (colors[$0] ?? "#999") + "4d") }, y: height - 12)
        return svg
    }
}
