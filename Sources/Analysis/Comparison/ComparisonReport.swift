import DeliveryModel

/// A comparison as an aligned table, JSON or CSV. JSON and CSV depend only on the simulated
/// values (no timings), so they are byte-identical across runs and worker counts.
public struct ComparisonReport: Sendable {
    public var comparison: Comparison
    /// The first line of the table, e.g. `compare: 3 scenarios`.
    public var heading: String

    public init(_ comparison: Comparison, heading: String) {
        self.comparison = comparison
        self.heading = heading
    }

    // MARK: table

    /// The comparison as aligned text; `style` makes the headers bold and the notes dim on a
    /// terminal (the text is otherwise the same).
    public func table(style: TextStyle = .plain) -> String {
        let c = comparison
        var out = style.bold("\(heading): \(c.replications) replications each, seed \(c.seed) for all (common random numbers), DORA \(c.year.rawValue)") + "\n"
        out += c.windowText + "\n\n"
        // Long labels (what-if points) would make the columns too wide: number them instead.
        let numbered = c.entries.contains { $0.variant.label.count > Self.labelWidth }
        let names = c.entries.enumerated().map { i, entry in numbered ? "#\(i + 1)" : entry.variant.label }
        if numbered {
            out += c.entries.enumerated().map { i, entry in "\(names[i])\(entry.isBaseline ? " (baseline)" : ""): \(entry.variant.label)\n" }.joined() + "\n"
        }
        var first = ["metric", "unit"], second = ["", ""]
        let families = Set(c.entries.map(\.baseline)).count > 1
        for (i, name) in names.enumerated() {
            let entry = c.entries[i]
            first.append(entry.isBaseline ? "\(name) (baseline)" : name)
            second.append("mean [95% CI]")
            if !entry.isBaseline {
                first += ["", ""]
                second += [families ? "Δ vs \(names[entry.baseline]) [95% CI]" : "Δ vs baseline [95% CI]", "Δ%"]
            }
        }
        var table = TextTable(header: [first, second], leftAligned: 2)
        var marked = false
        for name in c.metricNames {
            var row = [name, MetricRegistry.unit(of: name)]
            for entry in c.entries {
                let metric = entry.metric(name)
                row.append(metric.map { Self.meanCell($0.summary.mean, $0.summary.ciLow, $0.summary.ciHigh) } ?? "")
                if !entry.isBaseline {
                    if let d = metric?.difference {
                        marked = marked || d.excludesZero
                        row.append(Self.meanCell(d.mean, d.low, d.high) + (d.excludesZero ? "*" : " "))
                        row.append(d.percent.map(NumberText.percent) ?? "")
                    } else {
                        row += ["", ""]
                    }
                }
            }
            table.rows.append(row)
        }
        out += table.render(style: style)

        var dora = TextTable(header: [["DORA \(c.year.rawValue)"] + names])
        for key in DORAKey.allCases {
            dora.rows.append([key.metric] + c.entries.map { Self.doraCell($0.dora[key]) })
        }
        dora.rows.append([DORAClassification.overallLabel] + c.entries.map {
            $0.dora.overall?.title ?? (c.year.hasClusters ? "unclassified" : "no clusters in \(c.year.rawValue)")
        })
        out += "\n" + dora.render(style: style)

        var notes: [String] = []
        if marked { notes.append("* the paired 95% interval of the difference excludes zero") }
        notes.append("intervals: Student-t over independent replications, on the logit scale for shares and the log scale for quantities ≥ 0 (so they stay in range); Δ: paired, over per-replication differences from the baseline")
        if families { notes.append("each scenario is paired with the first of its own family (organization), never across families") }
        notes.append(c.year.hasClusters
                     ? "DORA \(c.year.rawValue): each key's mean gets the cluster whose published range or value it matches; overall: \(DORAClassification.overallRule)"
                     : "DORA \(c.year.rawValue): \(c.year.noClustersNote)")
        for entry in c.entries {
            for key in entry.dora.keys where key.value == nil || c.year.hasClusters {
                if let note = key.note { notes.append("\(entry.variant.label): \(key.key.metric): \(note)") }
            }
            for metric in entry.metrics { if let note = metric.summary.note { notes.append("\(entry.variant.label): \(metric.name): \(note)") } }
        }
        out += "\n" + style.dim("notes:\n" + notes.map { "  \($0)" }.joined(separator: "\n")) + "\n"
        return out
    }

    /// Scenario labels longer than this are numbered in the table (`#1`, `#2` …) and listed above it.
    static let labelWidth = 24

    static func meanCell(_ mean: Double?, _ low: Double?, _ high: Double?) -> String {
        guard let mean else { return "—" }
        guard let low, let high else { return NumberText.significant(mean) }
        return "\(NumberText.significant(mean)) [\(NumberText.significant(low)), \(NumberText.significant(high))]"
    }

    static func doraCell(_ key: DORAClassification.Key) -> String {
        guard let value = key.value, let bucket = key.bucket else { return "— (left out)" }
        guard let cluster = key.cluster else { return "\(NumberText.significant(value)) \(bucket.label)" }
        return "\(NumberText.significant(value)) \(bucket.label): \(cluster.title)"
    }

    // MARK: JSON

    public func json() -> String {
        let c = comparison
        let scenarios: [JSONText.Value] = c.entries.map { entry in
            .object([
                ("name", .string(entry.variant.label)),
                ("file", .string(entry.variant.file)),
                ("overrides", .array(entry.variant.overrides.map { .string($0) })),
                ("baseline", .string(c.entries[entry.baseline].variant.label)),
                ("dora", Self.doraJSON(entry.dora)),
                ("metrics", .object(entry.metrics.map { ($0.name, Self.metricJSON($0, baseline: entry.isBaseline)) })),
            ])
        }
        let doc: JSONText.Value = .object([
            ("dora_year", .integer(c.year.rawValue)),
            ("dora_overall_rule", .string(c.year.hasClusters ? DORAClassification.overallRule : c.year.noClustersNote)),
            ("count_period", .string(MetricDefinition.countPeriodName)),
            ("replications", .integer(c.replications)),
            ("seed", .string(String(c.seed))),
            ("scenarios", .array(scenarios)),
        ])
        return JSONText.render(doc) + "\n"
    }

    static func doraJSON(_ dora: DORAClassification) -> JSONText.Value {
        let keys: [(String, JSONText.Value)] = dora.keys.map { key in
            var fields: [(String, JSONText.Value)] = [
                ("value", .number(key.value)),
                ("bucket", key.bucket.map { .string($0.label) } ?? .null),
                ("cluster", key.cluster.map { .string($0.name) } ?? .null),
            ]
            if let note = key.note { fields.append(("note", .string(note))) }
            return (key.key.metric, .object(fields))
        }
        return .object([("cluster", dora.overall.map { .string($0.name) } ?? .null), ("keys", .object(keys))])
    }

    static func metricJSON(_ metric: MetricComparison, baseline: Bool) -> JSONText.Value {
        let s = metric.summary
        var fields: [(String, JSONText.Value)] = [
            ("mean", .number(s.mean)), ("ci_low", .number(s.ciLow)), ("ci_high", .number(s.ciHigh)), ("n", .integer(s.n)),
        ]
        if !baseline {
            let d = metric.difference
            fields += [("diff", .number(d?.mean)), ("diff_low", .number(d?.low)), ("diff_high", .number(d?.high)),
                       ("diff_percent", .number(d?.percent))]
        }
        if let note = s.note { fields.append(("note", .string(note))) }
        return .object(fields)
    }

    // MARK: CSV

    /// Tidy CSV: one row per scenario and metric (also an export's `summary.csv`). Numbers are
    /// Swift's shortest round-trip text (`"\(double)"`), the same digits as the JSON; an empty
    /// cell is a missing value, and `note` says why.
    public func csv() -> String {
        var out = CSVText.row(["scenario", "metric", "mean", "ci_low", "ci_high", "n", "baseline_diff", "baseline_diff_low",
                               "baseline_diff_high", "dora_bucket", "dora_cluster", "baseline_diff_percent", "note"])
        for entry in comparison.entries {
            for metric in entry.metrics {
                let s = metric.summary, d = metric.difference
                let dora = DORAKey(rawValue: metric.name).map { entry.dora[$0] }
                out += CSVText.row([
                    entry.variant.label, metric.name, CSVText.number(s.mean), CSVText.number(s.ciLow), CSVText.number(s.ciHigh), String(s.n),
                    CSVText.number(d?.mean), CSVText.number(d?.low), CSVText.number(d?.high),
                    dora?.bucket?.label ?? "", dora?.cluster?.name ?? "", CSVText.number(d?.percent), s.note ?? "",
                ])
            }
        }
        return out
    }
}
