import Analysis
import ArgumentParser
import DeliveryModel

/// Options of every command that simulates scenarios (`run`, `compare`, `whatif`, `advise`).
/// With several scenarios, every one runs with the same seed and replication count, so
/// replication r of each shares its random streams (common random numbers).
struct SimulationOptions: ParsableArguments {
    @Option(help: "Replications of every scenario (default: the scenario file's; with several, the first's).")
    var replications: Int?

    @Option(help: "Master seed for every scenario (default: the scenario file's; with several, the first's).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key in every scenario: --set stages.develop.wip_limit=4 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("What the table shows: keys (the four DORA keys, throughput, arrival → production lead time, DORA cluster), flow, quality, ml, cost, all, or metric names separated by commas. JSON and CSV always hold every metric.", valueName: "keys|flow|quality|ml|cost|all|NAME,..."))
    var metrics: String = "keys"

    @Flag(help: "Let the table be as wide as it needs (by default it fits the terminal, or COLUMNS).")
    var wide = false

    @Option(help: "Stop a replication that handles more events than this (guards against unstable scenarios).")
    var maxEvents: Int = 200_000_000

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var jobs: Int = ParallelReplications.defaultJobs

    @Flag(help: "Run scenarios whose demand exceeds capacity anyway (each replication still stops at --max-events).")
    var allowUnstable = false

    @Flag(name: .shortAndLong, help: "No progress line and no notes on standard error (progress is only shown on a terminal anyway).")
    var quiet = false

    func validate() throws {
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 (an interval needs two)") }
        if let replications, replications > Scenario.Keys.maxReplications {
            throw ValidationError("--replications \(replications) is above the limit of \(Scenario.Keys.maxReplications) (the same as the file's)")
        }
        do { _ = try MetricSelection(parsing: metrics) } catch { throw ValidationError("\(error)") }
        guard maxEvents > 0 else { throw ValidationError("--max-events must be positive") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

extension OutputFormat: ExpressibleByArgument {}

extension SimulationOptions {
    /// The metrics the table shows (validated).
    var selection: MetricSelection { (try? MetricSelection(parsing: metrics)) ?? .keys }

    /// The width the table fits: the terminal's (or `COLUMNS`), unlimited with `--wide`.
    var width: Int { wide ? Int.max : Console.width }
}
