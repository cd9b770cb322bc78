import Analysis
import DeliveryModel
import Foundation

/// `run.json`: how an export was made — the command line, seed, replications, DORA year,
/// version, timestamp, every scenario with its file, stages and copy — and `complete: true`,
/// written last of all the files.
public enum RunManifest {
    /// The manifest of `run`, naming the scenario copies `copies` (one per scenario) and the
    /// data files written.
    public static func json(_ run: ExportRun, copies: [String], files: [String]) -> String {
        let c = run.comparison
        let scenarios: [JSONText.Value] = c.entries.enumerated().map { i, entry in
            let v = entry.variant
            return .object([
                ("name", .string(v.label)),
                ("file", .string(v.file)),
                ("overrides", .array(v.overrides.map { .string($0) })),
                ("yaml", .string(copies[i])),
                ("stages", .array(v.scenario.stages.map { .string($0.name) })),
                ("horizon_hours", .number(v.scenario.horizon)),
                ("warmup_hours", .number(v.scenario.warmup)),
                ("dora_cluster", entry.dora.overall.map { .string($0.name) } ?? .null),
            ])
        }
        let doc: JSONText.Value = .object([
            ("format", .string(OwnFolder.exportFormat)),
            ("command", .string(run.command)),
            ("command_line", .string(ShellText.line(run.arguments))),
            ("arguments", .array(run.arguments.map { .string($0) })),
            ("seed", .string(String(c.seed))),
            ("replications", .integer(c.replications)),
            ("dora_year", .integer(c.year.rawValue)),
            ("headline", Headline.text(c).map { .string($0) } ?? .null),
            ("version", .string(run.version)),
            ("timestamp", .string(timestamp(run.timestamp))),
            ("items", .bool(run.itemsRecorded)),
            ("scenarios", .array(scenarios)),
            ("files", .array(files.map { .string($0) })),
            ("metrics", .array(MetricRegistry.all.map(metric))),
            ("complete", .bool(run.interruptedOf == nil)),
            ("replications_requested", .integer(run.interruptedOf ?? c.replications)),
        ])
        return JSONText.render(doc) + "\n"
    }

    /// ISO 8601 in UTC with seconds: `2025-01-31T12:00:00Z` (no locale).
    /// A metric's definition for readers of the export (the notebook labels its charts with it).
    static func metric(_ d: MetricDefinition) -> JSONText.Value {
        .object([
            ("metric", .string(d.name)), ("unit", .string(d.unit)), ("quantity", .string(d.quantity.rawValue)),
            ("better", .string(d.better.rawValue)), ("dora_key", d.dora.map { .string($0.title) } ?? .null),
            ("meaning", .string(d.meaning)),
        ])
    }

    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let s = String(n ?? 0); return s.count < 2 ? "0" + s : s }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}
