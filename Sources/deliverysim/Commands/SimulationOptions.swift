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
        guard maxEvents > 0 else { throw ValidationError("--max-events must be positive") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

extension OutputFormat: ExpressibleByArgument {}
