import Analysis
import DeliveryModel
import Foundation

/// Everything an export writes: a comparison (one scenario for `run`), the replications behind
/// it, and how it was run.
public struct ExportRun: Sendable {
    /// The command that produced it: `run`, `compare` or `whatif`.
    public var command: String
    /// The command line as given (program name first).
    public var arguments: [String]
    public var comparison: Comparison
    /// `results[s][r]`: replication r of scenario s, with flow snapshots and, if recorded, items.
    public var results: [[ReplicationResult]]
    /// Whether item records were asked for (`--items`): then `items.csv` is written.
    public var itemsRecorded: Bool
    /// When the run finished.
    public var timestamp: Date
    /// The program's version.
    public var version: String
    /// Replications asked for, when an interruption cut the run short (then `run.json` says
    /// `complete: false`); nil for a complete run.
    public var interruptedOf: Int?

    public init(command: String, arguments: [String], comparison: Comparison, results: [[ReplicationResult]],
                itemsRecorded: Bool, timestamp: Date = Date(), version: String) {
        precondition(results.count == comparison.entries.count, "one result list per scenario")
        self.command = command
        self.arguments = arguments
        self.comparison = comparison
        self.results = results
        self.itemsRecorded = itemsRecorded
        self.timestamp = timestamp
        self.version = version
    }

    /// What the runs must record for an export: daily flow snapshots, and items with `--items`.
    public static func runOptions(items: Bool, maxEvents: Int) -> RunOptions {
        RunOptions(recordItems: items, flowInterval: 24, maxEvents: maxEvents)
    }

    /// The scenarios in order, baseline first.
    public var scenarios: [Variant] { comparison.entries.map(\.variant) }
}
