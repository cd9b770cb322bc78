import Analysis
import DeliveryModel

/// Output format of results.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

/// One scenario's metric summaries as JSON or CSV, complete; the terminal shows `RunView`.
struct RunReport {
    var scenario: Scenario
    var replications: Int
    var summaries: [MetricSummary]

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
}
