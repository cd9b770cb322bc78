import Analysis
import DeliveryModel
import Foundation
import SimRandom

/// The report's charts are drawn in a viewBox this wide and scaled to the column they sit in
/// (one column below about 1 500 px of window, two above): at 800 and 1 600 px of window the
/// text is about the size it was drawn at.
public enum ReportLayout {
    /// The width of every chart's viewBox.
    public static let chartWidth = 760.0
}

/// The report's charts, drawn as SVG from ``ReportData``, each with a title and labelled axes.
enum ReportCharts {
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    static let doneColor = "#b8c4cc"
    static let clusterColors: [(String, String)] = [("elite", "#1a9850"), ("high", "#66bd63"), ("medium", "#f46d43"), ("low", "#a50026")]
    static let axis = "#555", grid = "#e4e4e4"

    /// Short scenario names: in a what-if or a sweep the varied values (`every=7d`,
    /// `people=9, wip_limit=4`); a label still longer than 24 characters becomes `#k` (the
    /// tables list the full names).
    static func shortNames(_ data: ReportData) -> [String] {
        let varied = data.varied
        return data.scenarios.enumerated().map { k, s in
            var name = s.name
            if !varied.isEmpty {
                name = varied.map { v in "\(v.key.split(separator: ".").last.map(String.init) ?? v.key)=\(v.values[k])" }.joined(separator: ", ")
            }
            return name.count > 24 ? "#\(k + 1)" : name
        }
    }

    /// The width of a column of scenario names at 11 px (at least 90, at most 200).
    static func labelWidth(_ names: [String]) -> Double {
        min(200, max(90, 14 + 6.4 * Double(names.map(\.count).max() ?? 0)))
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
        svg.text(svg.width / 2, 20, text, size: 14, anchor: .middle, bold: true, fill: "#222")
    }

    /// A frame of axes with grid lines, tick labels and the axes' titles (with their units).
    static func axes(_ svg: inout SVG, x: Scale?, y: Scale?, left: Double, top: Double, right: Double, bottom: Double,
                     xLabel: String? = nil, yLabel: String? = nil, size: Double = 10) {
        for (v, label) in x?.ticks() ?? [] {
            let px = x!(v)
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
        if let xLabel { svg.text((left + right) / 2, bottom + 2 * size + 8, xLabel, size: size + 1, anchor: .middle, fill: "#333") }
        if let yLabel { svg.text(left - 3.4 * size - 4, (top + bottom) / 2, yLabel, size: size + 1, anchor: .middle, fill: "#333", rotate: -90) }
    }

    /// Legend entries laid out in rows that wrap at the chart's width; returns the rows' height.
    @discardableResult
    static func legend(_ svg: inout SVG, _ entries: [(label: String, color: String, opacity: Double)], y: Double, draw: Bool = true) -> Double {
        let widths = entries.map { 24 + Double($0.label.count) * 6.7 }
        var rows: [[Int]] = [[]]
        var used = 0.0
        for (i, w) in widths.enumerated() {
            if used + w > svg.width - 20 && !rows[rows.count - 1].isEmpty { rows.append([]); used = 0 }
            rows[rows.count - 1].append(i)
            used += w
        }
        guard draw else { return Double(rows.count) * 16 }
        for (r, row) in rows.enumerated() {
            var x = (svg.width - row.reduce(0) { $0 + widths[$1] }) / 2
            let ly = y + Double(r) * 16
            for i in row {
                svg.rect(x, ly - 9, 12, 12, fill: entries[i].color, stroke: entries[i].opacity < 1 ? entries[i].color : nil,
                         opacity: entries[i].opacity < 1 ? entries[i].opacity : nil)
                svg.text(x + 16, ly + 1, entries[i].label, size: 11)
                x += widths[i]
            }
        }
        return Double(rows.count) * 16
    }

    /// Durations on an axis in hours, or in days when the largest is over three days.
    static func durationUnit(_ largest: Double) -> (hours: Double, name: String) {
        largest > 72 ? (24, "days") : (1, "hours")
    }

    // MARK: 1. cumulative flow

    /// Cumulative flow, two panels a row; nil when the export has no flow snapshots (a sweep).
    static func cumulativeFlow(_ data: ReportData, width: Double) -> SVG? {
        let shown = data.scenarios.enumerated().filter { data.flow[$0.element.name].map { !$0.days.isEmpty } ?? false }
        guard !shown.isEmpty else { return nil }
        let names = shortNames(data), colors = stageColors(data)
        let columns = min(2, shown.count), rows = (shown.count + columns - 1) / columns
        let panelH = 210.0
        let order = [ExportTables.backlogStage] + data.scenarios.flatMap(\.stages) + [ExportTables.awaitingReleaseStage, "done"]
        var seen = Set<String>()
        let entries = order.filter { seen.insert($0).inserted }.map { (label: $0, color: colors[$0] ?? "#999", opacity: 1.0) }
        var probe = SVG(width: width, height: 0)
        let legendH = legend(&probe, entries, y: 0, draw: false)
        var svg = SVG(width: width, height: 34 + Double(rows) * panelH + legendH + 8)
        title(&svg, "Cumulative flow: items per stage, day by day (mean over replications)")
        let panelW = (width - 8) / Double(columns)
        for (n, (k, scenario)) in shown.enumerated() {
            let flow = data.flow[scenario.name]!
            let px = 4 + Double(n % columns) * panelW, py = 30 + Double(n / columns) * panelH
            let left = px + 56, right = px + panelW - 12, top = py + 20, bottom = py + panelH - 40
            svg.text((left + right) / 2, py + 13, names[k], size: 12, anchor: .middle, bold: true)
            // Bands bottom to top: done, awaiting release, the last stage … the first, backlog.
            var layers = [flow.done]
            var labels = ["done"]
            for i in flow.stages.indices.reversed() { layers.append(flow.inStage[i]); labels.append(flow.stages[i]) }
            var totals = Array(repeating: 0.0, count: flow.days.count)
            var cumulative: [[Double]] = []
            for layer in layers {
                for d in totals.indices { totals[d] += d < layer.count ? layer[d] : 0 }
                cumulative.append(totals)
            }
            let xs = Scale(values: [0, Double(flow.days.last!)], from: left, to: right, log: false)
            let y = Scale(values: [0, totals.max() ?? 1], from: bottom, to: top, log: false, includeZero: true)
            axes(&svg, x: xs, y: y, left: left, top: top, right: right, bottom: bottom, xLabel: "day of the run",
                 yLabel: "items (cumulative)", size: 9)
            var lower = Array(repeating: 0.0, count: flow.days.count)
            for (layer, label) in zip(cumulative, labels) {
                let upperPoints = flow.days.indices.map { (xs(Double(flow.days[$0])), y(layer[$0])) }
                let lowerPoints = flow.days.indices.reversed().map { (xs(Double(flow.days[$0])), y(lower[$0])) }
                svg.polygon(upperPoints + lowerPoints, fill: colors[label] ?? "#999")
                lower = layer
            }
            let warm = xs(scenario.warmupHours / 24)
            svg.line(warm, top, warm, bottom, stroke: "#000", width: 1, dash: "2,3")
            svg.text(warm + 3, top + 9, "end of warm-up", size: 8, fill: "#000")
        }
        legend(&svg, entries, y: svg.height - legendH + 4)
        return svg
    }

    // MARK: 2. lead time

    static func leadTime(_ data: ReportData, width: Double) -> SVG {
        let names = shortNames(data)
        let height = max(340, 120 + 16 * Double(data.scenarios.count))
        var svg = SVG(width: width, height: height)
        let left = 64.0, right = width - 16, top = 34.0, bottom = height - 46
        if data.fromItems {
            title(&svg, "Lead time, arrival → production: share of changes done within")
            var all: [Double] = []
            for s in data.scenarios { if case .changes(let h)? = data.leadTimes[s.name] { all += [h.first, h.last].compactMap { $0 } } }
            let x = Scale(values: all, from: left, to: right, log: true)
            let y = Scale(values: [0, 1], from: bottom, to: top, log: false, includeZero: true)
            axes(&svg, x: x, y: y, left: left, top: top, right: right, bottom: bottom,
                 xLabel: "lead time (hours, log scale; 24 h = 1 day, 168 h = 1 week)", yLabel: "share of changes (0–1)")
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
            let lx = right - 170
            var ly = bottom - 8 - rowH * Double(data.scenarios.count - 1)
            svg.rect(lx - 6, ly - rowH, 176, rowH * Double(data.scenarios.count) + 6, fill: "#fff", opacity: 0.85)
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
            let left = labelWidth(names)
            let x = Scale(values: all, from: left, to: right, log: true)
            axes(&svg, x: x, y: nil, left: left, top: top, right: right, bottom: bottom,
                 xLabel: "lead time (hours, log scale; 24 h = 1 day, 168 h = 1 week)")
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

    /// The four keys with the unit of each axis, and whether it is drawn on a log scale.
    static let keys: [(key: DORAKey, label: String, log: Bool)] = [
        (.deploymentFrequency, "deployment frequency (per day, log)", true), (.leadTime, "lead time for changes (hours, log)", true),
        (.changeFailureRate, "change failure rate (share of deployments)", false), (.timeToRestore, "time to restore (hours, log)", true),
    ]

    /// Each key in its own panel, two a row, a row per scenario: mean and 95% interval.
    static func fourKeys(_ data: ReportData, width: Double) -> SVG {
        let names = shortNames(data)
        let labelW = labelWidth(names), gap = 24.0
        let rowH = min(26.0, max(14, 220 / Double(max(1, data.scenarios.count))))
        let panelH = 40 + rowH * Double(data.scenarios.count) + 30
        var svg = SVG(width: width, height: 34 + 2 * panelH + 26)
        title(&svg, "DORA four keys: mean and 95% interval, coloured by DORA \(data.doraYear) cluster")
        let panelW = (width - labelW - gap - 12) / 2
        for (p, (key, label, log)) in keys.enumerated() {
            let left = labelW + Double(p % 2) * (panelW + gap), right = left + panelW
            let top = 34 + Double(p / 2) * panelH + 28, bottom = top + rowH * Double(data.scenarios.count)
            svg.text((left + right) / 2, top - 10, label, size: 11, anchor: .middle, bold: true)
            if p % 2 == 0 {
                for (k, name) in names.enumerated() { svg.text(labelW - 8, top + rowH * (Double(k) + 0.5) + 4, name, size: 11, anchor: .end) }
            }
            let rows = data.scenarios.map { data.row($0.name, key.metric) }
            var values = rows.flatMap { r in [r?.mean, r?.ciLow, r?.ciHigh].compactMap { $0 } }
            // A share lies in [0, 1]: an interval reaching beyond (few replications) is cut there.
            if key == .changeFailureRate { values = values.map { min(1, max(0, $0)) } }
            let x = Scale(values: values, from: left + 6, to: right - 6, log: log, includeZero: !log)
            axes(&svg, x: x, y: nil, left: left, top: top, right: right, bottom: bottom)
            for (k, row) in rows.enumerated() {
                let cy = top + rowH * (Double(k) + 0.5)
                guard let row, let mean = row.mean else {
                    svg.text((left + right) / 2, cy + 4, "no value", size: 9, anchor: .middle, fill: "#999")
                    continue
                }
                let color = clusterColors.first { $0.0 == row.doraCluster }?.1 ?? "#888"
                let lo = max(x.low, row.ciLow ?? mean), hi = min(x.high, row.ciHigh ?? mean)
                let half = min(5, rowH / 3)
                svg.line(x(lo), cy, x(hi), cy, stroke: color, width: 2)
                svg.line(x(lo), cy - half, x(lo), cy + half, stroke: color, width: 2)
                svg.line(x(hi), cy - half, x(hi), cy + half, stroke: color, width: 2)
                svg.circle(x(mean), cy, min(5.5, rowH / 3), fill: color)
            }
        }
        legend(&svg, clusterColors.map { (label: "DORA \(data.doraYear): \($0.0)", color: $0.1, opacity: 1.0) }, y: svg.height - 10)
        return svg
    }

    // MARK: 4. value stream map

    /// The colour of each fixed segment after the stages (release wait as the CFD's
    /// `awaiting_release` band).
    static let afterColors: [String: String] = [
        "release_wait": "#9467bd", "approval": "#e377c2", "deploy_queue": "#8c564b", "deployment": "#17becf",
        "failed_deployment": "#252525", "canary": "#bcbd22", "rolled_back": "#969696",
    ]

    /// The fixed segments after the stages, in stream order.
    enum ValueStreamOrder {
        static let after = ["release_wait", "approval", "deploy_queue", "deployment", "failed_deployment", "canary", "rolled_back"]
    }

    /// A segment's words, colour and opacity: a stage's queue pale, its handoff half, blocked
    /// time grey, its work solid, its tests dark.
    static func segmentStyle(_ segment: String, colors: [String: String]) -> (words: String, color: String, opacity: Double) {
        if segment == "backlog" { return ("backlog", colors[ExportTables.backlogStage] ?? "#999", 0.35) }
        if let color = afterColors[segment] { return (segment.replacingOccurrences(of: "_", with: " "), color, 1) }
        guard let dot = segment.lastIndex(of: ".") else { return (segment, "#999", 1) }
        let stage = String(segment[..<dot]), part = String(segment[segment.index(after: dot)...])
        let color = colors[stage] ?? "#999"
        switch part {
        case "queue": return ("\(stage) queue", color, 0.3)
        case "handoff": return ("\(stage) handoff", color, 0.55)
        case "blocked": return ("\(stage) blocked", "#5b5b5b", 0.75)
        case "tests": return ("\(stage) tests", shade(color), 1)
        default: return ("\(stage) \(part)", color, 1)
        }
    }

    /// `color` (#rrggbb) darkened to 60%.
    static func shade(_ color: String) -> String {
        guard color.count == 7, let v = Int(color.dropFirst(), radix: 16) else { return color }
        let parts = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map { Int(Double($0) * 0.6) }
        return "#" + parts.map { p in let h = String(p, radix: 16); return h.count < 2 ? "0" + h : h }.joined()
    }

    /// Where a change's lead time goes: per scenario one bar of every segment of the value
    /// stream in stream order (`value_stream_hours.*`), ending at the mean lead time.
    static func valueStream(_ data: ReportData, width: Double) -> SVG {
        let names = shortNames(data), colors = stageColors(data)
        let bars = data.scenarios.map { data.segments($0.name) }
        let leads = data.scenarios.map { data.row($0.name, MetricDefinition.leadTime.name)?.mean }
        let totals = bars.map { $0.reduce(0) { $0 + $1.hours } }
        // The legend in stream order: backlog, each stage's parts, then the fixed segments.
        let stageRank = Dictionary(data.scenarios.flatMap(\.stages).enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: min)
        func rank(_ segment: String) -> Double {
            if segment == "backlog" { return 0 }
            if let k = ValueStreamOrder.after.firstIndex(of: segment) { return 1e6 + Double(k) }
            guard let dot = segment.lastIndex(of: ".") else { return 1e7 }
            let part = ["queue", "handoff", "blocked", "work", "tests"].firstIndex(of: String(segment[segment.index(after: dot)...])) ?? 5
            return 1 + Double(stageRank[String(segment[..<dot])] ?? 999) * 10 + Double(part)
        }
        var used: [String] = []
        for bar in bars { for s in bar where s.hours > 0 && !used.contains(s.segment) { used.append(s.segment) } }
        used.sort { rank($0) < rank($1) }
        let entries = used.map { segment -> (label: String, color: String, opacity: Double) in
            let style = segmentStyle(segment, colors: colors)
            return (style.words, style.color, style.opacity)
        }
        var probe = SVG(width: width, height: 0)
        let legendH = legend(&probe, entries, y: 0, draw: false)
        let rowH = 34.0
        let left = labelWidth(names), right = width - 100, top = 40.0, bottom = top + rowH * Double(max(1, data.scenarios.count))
        var svg = SVG(width: width, height: bottom + 44 + legendH + 6)
        title(&svg, "Value stream map: where a change's lead time goes, arrival → production")
        let unit = durationUnit((totals + leads.compactMap { $0 }).max() ?? 0)
        let x = Scale(values: (totals + leads.compactMap { $0 }).map { $0 / unit.hours } + [0], from: left, to: right, log: false, includeZero: true)
        axes(&svg, x: x, y: nil, left: left, top: top, right: right, bottom: bottom,
             xLabel: "\(unit.name) per change reaching production (mean); the segments add up to the lead time")
        let barH = rowH * 0.62
        for (k, bar) in bars.enumerated() {
            let cy = top + rowH * (Double(k) + 0.5)
            svg.text(left - 6, cy + 4, names[k], size: 11, anchor: .end)
            guard !bar.isEmpty else {
                svg.text(left + 6, cy + 4, "no value-stream data in this export", size: 10, fill: "#999")
                continue
            }
            var at = 0.0
            for segment in bar where segment.hours > 0 {
                let style = segmentStyle(segment.segment, colors: colors)
                let x0 = x(at / unit.hours), x1 = x((at + segment.hours) / unit.hours)
                svg.rect(x0, cy - barH / 2, x1 - x0, barH, fill: style.color, opacity: style.opacity < 1 ? style.opacity : nil)
                // A segment wide enough names itself.
                let label = "\(style.words) \(HumanUnits.duration(hours: segment.hours, form: .short))"
                if x1 - x0 > Double(label.count) * 5.6 + 6 {
                    svg.text((x0 + x1) / 2, cy + 3.5, label, size: 9.5, anchor: .middle, fill: style.opacity < 0.6 ? "#222" : "#fff")
                }
                at += segment.hours
            }
            if let lead = leads[k] {
                let lx = x(lead / unit.hours)
                svg.line(lx, cy - barH / 2 - 4, lx, cy + barH / 2 + 4, stroke: "#000", width: 2)
                svg.text(lx + 5, cy + 4, "lead time \(HumanUnits.duration(hours: lead, form: .short))", size: 10, fill: "#000")
            }
        }
        legend(&svg, entries, y: bottom + 44)
        return svg
    }

    // MARK: 5. what-if and sweep

    /// The metrics drawn against the varied keys: the four keys, then throughput and lead time.
    static let variedMetrics: [(metric: String, label: String, dora: Bool)] = [
        (DORAKey.deploymentFrequency.metric, "deployment frequency (per day)", true),
        (DORAKey.leadTime.metric, "lead time for changes (hours)", true),
        (DORAKey.changeFailureRate.metric, "change failure rate (share of deployments)", true),
        (DORAKey.timeToRestore.metric, "time to restore (hours)", true),
        (MetricDefinition.leadTime.name, "lead time, arrival → production (hours)", false),
        (MetricDefinition.throughput.name, "throughput (changes per week)", false),
    ]

    /// One chart per metric: its mean and 95% interval at each value of the varied key (the one
    /// with the most values) on the x axis; each combination of the other varied keys is a
    /// series of its own colour. Nil unless the scenarios vary some key.
    static func varied(_ data: ReportData, metric: String, label: String, width: Double) -> SVG? {
        let varied = data.varied
        guard !varied.isEmpty else { return nil }
        let axisIndex = varied.indices.max { Set(varied[$0].values).count < Set(varied[$1].values).count } ?? 0
        let xKey = varied[axisIndex]
        var xValues: [String] = []
        for v in xKey.values where !xValues.contains(v) { xValues.append(v) }
        // Numeric values (or durations) in increasing order; others as they came.
        let numbers = xValues.map { Double($0) ?? (try? DurationText.hours($0)) }
        if numbers.allSatisfy({ $0 != nil }) { xValues = zip(xValues, numbers).sorted { $0.1! < $1.1! }.map(\.0) }
        let others = varied.indices.filter { $0 != axisIndex }
        let seriesOf = data.scenarios.indices.map { p in others.map { "\(varied[$0].key)=\(varied[$0].values[p])" }.joined(separator: ", ") }
        var series: [String] = []
        for s in seriesOf where !series.contains(s) { series.append(s) }
        let showSeries = series.count > 1 && series.count <= palette.count
        let dora = DORAKey.allCases.contains { $0.metric == metric }
        let legendEntries = showSeries ? series.enumerated().map { (label: $0.element, color: palette[$0.offset % palette.count], opacity: 1.0) }
            : dora ? clusterColors.map { (label: "DORA \(data.doraYear): \($0.0)", color: $0.1, opacity: 1.0) } : []
        var probe = SVG(width: width, height: 0)
        let legendH = legendEntries.isEmpty ? 0 : legend(&probe, legendEntries, y: 0, draw: false)
        var svg = SVG(width: width, height: 300 + legendH)
        title(&svg, label)
        let left = 70.0, right = width - 20, top = 34.0, bottom = 300.0 - 62
        let rows = data.scenarios.map { data.row($0.name, metric) }
        let log = metric != DORAKey.changeFailureRate.metric && metric != MetricDefinition.throughput.name
        var values = rows.flatMap { r in [r?.mean, r?.ciLow, r?.ciHigh].compactMap { $0 } }
        if metric == DORAKey.changeFailureRate.metric { values = values.map { min(1, max(0, $0)) } }
        let y = Scale(values: values, from: bottom, to: top, log: log, includeZero: !log)
        let step = (right - left) / Double(max(1, xValues.count))
        func px(_ value: String) -> Double { left + step * (Double(xValues.firstIndex(of: value) ?? 0) + 0.5) }
        let yLabel = label.firstIndex(of: "(").map { String(label[$0...]).trimmingCharacters(in: CharacterSet(charactersIn: "()")) } ?? ""
        axes(&svg, x: nil, y: y, left: left, top: top, right: right, bottom: bottom, yLabel: yLabel + (log ? ", log scale" : ""))
        // The x axis: a tick per value (every k-th labelled when they are many).
        let every = max(1, Int((Double(xValues.count) * 46 / (right - left)).rounded(.up)))
        for (i, v) in xValues.enumerated() {
            svg.line(px(v), bottom, px(v), bottom + 4, stroke: axis)
            if i % every == 0 { svg.text(px(v), bottom + 15, v, size: 10, anchor: .middle, fill: axis) }
        }
        svg.text((left + right) / 2, bottom + 34, xKey.key + (others.isEmpty ? "" : " (colours: the other varied keys)"),
                 size: 11, anchor: .middle, fill: "#333")
        for (s, name) in series.enumerated() {
            let color = showSeries ? palette[s % palette.count] : palette[0]
            var line: [(Double, Double)] = []
            for (p, row) in rows.enumerated() where seriesOf[p] == name {
                guard let row, let mean = row.mean else { continue }
                let cx = px(xKey.values[p]) + (showSeries ? (Double(s) - Double(series.count - 1) / 2) * min(6, step / Double(series.count + 1)) : 0)
                let clusterColor = clusterColors.first { $0.0 == row.doraCluster }?.1
                let lo = max(y.low, row.ciLow ?? mean), hi = min(y.high, row.ciHigh ?? mean)
                svg.line(cx, y(lo), cx, y(hi), stroke: color, width: 1.5)
                svg.line(cx - 4, y(lo), cx + 4, y(lo), stroke: color, width: 1.5)
                svg.line(cx - 4, y(hi), cx + 4, y(hi), stroke: color, width: 1.5)
                svg.circle(cx, y(mean), 4.5, fill: showSeries ? color : (clusterColor ?? color))
                line.append((cx, y(mean)))
            }
            if showSeries || series.count == 1 { svg.polyline(line.sorted { $0.0 < $1.0 }, stroke: color, width: 1) }
        }
        if !legendEntries.isEmpty { legend(&svg, legendEntries, y: 300 + 4) }
        return svg
    }
}
