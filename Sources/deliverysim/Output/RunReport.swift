import Analysis
import DeliveryModel

/// Output format of results.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

/// Prints one scenario's metric summaries as a table, JSON or CSV.
struct RunReport {
    var scenario: Scenario
    var replications: Int
    var summaries: [MetricSummary]

    func render(_ format: OutputFormat, style: TextStyle = .plain) -> String {
        switch format {
        case .table: return table(style: style)
        case .json: return json()
        case .csv: return csv()
        }
    }

    /// Aligned columns with each metric's unit; `style` makes the header bold and the notes dim.
    func table(style: TextStyle = .plain) -> String {
        var table = TextTable(header: [["metric", "unit", "mean", "95% CI", "n"]], leftAligned: 2)
        var notes: [String] = []
        for m in summaries {
            let mean = m.mean.map(Self.short) ?? "—"
            let ci = (m.ciLow != nil && m.ciHigh != nil) ? "[\(Self.short(m.ciLow!)), \(Self.short(m.ciHigh!))]" : ""
            table.rows.append([m.name, MetricRegistry.unit(of: m.name), mean, ci, String(m.n)])
            if let note = m.note { notes.append("\(m.name): \(note)") }
        }
        var out = style.bold("\(scenario.name): \(replications) replications, horizon \(fixed(scenario.horizon / 24, 0)) d, warm-up \(fixed(scenario.warmup / 24, 0)) d, seed \(scenario.seed)") + "\n"
        out += "counts per \(MetricDefinition.countPeriodName) of the measured window (\(fixed((scenario.horizon - scenario.warmup) / 24, 0)) days after the warm-up); intervals: Student-t, logit scale for shares, log scale for quantities ≥ 0\n"
        out += table.render(style: style)
        if !notes.isEmpty { out += "\n" + style.dim("notes:\n" + notes.map { "  \($0)" }.joined(separator: "\n")) + "\n" }
        return out
    }

    func json() -> String {
        let metrics: [(String, JSONText.Value)] = summaries.map { m in
            var fields: [(String, JSONText.Value)] = [
                ("mean", .number(m.mean)), ("ci_low", .number(m.ciLow)), ("ci_high", .number(m.ciHigh)), ("n", .integer(m.n)),
            ]
            if let note = m.note { fields.append(("note", .string(note))) }
            return (m.name, .object(fields))
        }
        let doc: JSONText.Value = .object([
            ("name", .string(scenario.name)),
            ("replications", .integer(replications)),
            ("seed", .string(String(scenario.seed))),
            ("horizon_hours", .number(scenario.horizon)),
            ("warmup_hours", .number(scenario.warmup)),
            ("count_period", .string(MetricDefinition.countPeriodName)),
            ("metrics", .object(metrics)),
        ])
        return JSONText.render(doc) + "\n"
    }

    func csv() -> String {
        var out = CSVText.row(["scenario", "metric", "mean", "ci_low", "ci_high", "n", "note"])
        for m in summaries {
            out += CSVText.row([scenario.name, m.name, CSVText.number(m.mean), CSVText.number(m.ciLow), CSVText.number(m.ciHigh), String(m.n), m.note ?? ""])
        }
        return out
    }

    /// Four significant digits, without exponent for everyday magnitudes.
    static func short(_ x: Double) -> String { NumberText.short(x) }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
