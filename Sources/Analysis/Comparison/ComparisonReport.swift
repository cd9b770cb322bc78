import DeliveryModel

/// A comparison as JSON or CSV, complete (every metric, every paired difference); the terminal
/// shows ``ComparisonView``. JSON and CSV depend only on the simulated values (no timings), so
/// they are byte-identical across runs and worker counts.
public struct ComparisonReport: Sendable {
    public var comparison: Comparison
    /// What produced it, e.g. `compare: 3 scenarios` (the view's heading).
    public var heading: String

    public init(_ comparison: Comparison, heading: String) {
        self.comparison = comparison
        self.heading = heading
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
    /// cell is a missing value, and `note` says why. Each scenario's rows are written on one of
    /// up to `jobs` threads (the text does not depend on it): printing the numbers is most of
    /// what a comparison does after its last replication.
    public func csv(jobs: Int = 1) -> String {
        var out: [UInt8] = []
        CSVText.appendRow(["scenario", "metric", "mean", "ci_low", "ci_high", "n", "baseline_diff", "baseline_diff_low",
                           "baseline_diff_high", "dora_bucket", "dora_cluster", "baseline_diff_percent", "note"], to: &out)
        let entries = comparison.entries
        for rows in ParallelMap.map(entries.count, jobs: jobs, { Self.csvRows(entries[$0]) }) { out += rows }
        return String(decoding: out, as: UTF8.self)
    }

    /// The CSV rows of one scenario, written field by field: the numbers straight as text
    /// (CSVText.appendNumber), no array of strings per row.
    static func csvRows(_ entry: Comparison.Entry) -> [UInt8] {
        var out: [UInt8] = []
        var label: [UInt8] = []
        CSVText.appendField(entry.variant.label, to: &label)
        let comma = UInt8(ascii: ",")
        for metric in entry.metrics {
            let s = metric.summary, d = metric.difference
            let dora = DORAKey(rawValue: metric.name).map { entry.dora[$0] }
            out += label
            out.append(comma); CSVText.appendField(metric.name, to: &out)
            out.append(comma); CSVText.appendNumber(s.mean, to: &out)
            out.append(comma); CSVText.appendNumber(s.ciLow, to: &out)
            out.append(comma); CSVText.appendNumber(s.ciHigh, to: &out)
            out.append(comma); out.append(contentsOf: String(s.n).utf8)
            out.append(comma); CSVText.appendNumber(d?.mean, to: &out)
            out.append(comma); CSVText.appendNumber(d?.low, to: &out)
            out.append(comma); CSVText.appendNumber(d?.high, to: &out)
            out.append(comma); CSVText.appendField(dora?.bucket?.label ?? "", to: &out)
            out.append(comma); CSVText.appendField(dora?.cluster?.name ?? "", to: &out)
            out.append(comma); CSVText.appendNumber(d?.percent, to: &out)
            out.append(comma); CSVText.appendField(s.note ?? "", to: &out)
            out.append(UInt8(ascii: "\r")); out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
