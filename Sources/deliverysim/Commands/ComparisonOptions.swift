import Analysis
import ArgumentParser
import DeliveryModel
import Foundation
import ScenarioFile

/// Options shared by `compare`, `whatif` and `advise`: every scenario runs with the same seed
/// and replication count, so replication r of each shares its random streams (common random
/// numbers) and differences are paired replication by replication.
struct ComparisonOptions: ParsableArguments {
    @Option(help: "Replications of every scenario (default: the first scenario's).")
    var replications: Int?

    @Option(help: "Master seed for every scenario (default: the first scenario's).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var jobs: Int = ParallelReplications.defaultJobs

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key in every scenario: --set stages.develop.wip_limit=4 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("The State of DevOps report whose clusters classify the results: 2019, 2021 or 2023.", valueName: "year"))
    var dora: Int = 2023

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Stop a replication that handles more events than this (guards against unstable scenarios).")
    var maxEvents: Int = 200_000_000

    @Flag(help: "Run scenarios whose demand exceeds capacity anyway (each replication still stops at --max-events).")
    var allowUnstable = false

    @Flag(name: .shortAndLong, help: "No progress line and no notes on standard error (progress is only shown on a terminal anyway).")
    var quiet = false

    func validate() throws {
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 (an interval needs two)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxEvents > 0 else { throw ValidationError("--max-events must be positive") }
        guard DORAYear(rawValue: dora) != nil else {
            throw ValidationError("--dora must be one of \(DORAYear.allCases.map { String($0.rawValue) }.joined(separator: ", ")) (got \(dora))")
        }
    }

    var year: DORAYear { DORAYear(rawValue: dora)! }

    /// Runs `variants` paired: the seed and replications given, or the first scenario's; each
    /// replication records what `record` asks for. Shows progress on a terminal.
    func compare(_ variants: [Variant], label: String, record: RunOptions? = nil) throws -> (comparison: Comparison, results: [[ReplicationResult]]) {
        guard let first = variants.first?.scenario else { throw ValidationError("no scenario to run") }
        try checkStability(variants.map(\.scenario), allow: allowUnstable)
        let progress = Console.progress(label, quiet: quiet)
        defer { progress.finish() }
        return try reportingFailures {
            try Comparison.runKeepingResults(variants, replications: replications ?? first.replications, seed: seed ?? first.seed,
                                             year: year, jobs: jobs, options: record ?? RunOptions(maxEvents: maxEvents),
                                             progress: { progress.update(done: $0, total: $1) }, stop: StopRequest.shared)
        }
    }

    /// Runs `variants` paired and returns only the comparison (no records, progress on a terminal).
    func compare(_ variants: [Variant]) throws -> Comparison {
        try compare(variants, label: "compare").comparison
    }

    /// Prints a report in the chosen format (a table without styling).
    func print(table: () -> String, json: () -> String, csv: () -> String) {
        print(table: { _ in table() }, json: json, csv: csv)
    }

    /// Prints a report in the chosen format; a table is styled for the terminal.
    func print(table: (TextStyle) -> String, json: () -> String, csv: () -> String) {
        switch format {
        case .table: Swift.print(table(Console.style), terminator: "")
        case .json: Swift.print(json(), terminator: "")
        case .csv: Swift.print(csv(), terminator: "")
        }
    }
}

/// Runs `body`, turning scenario errors into exit code 2 and a failed replication into exit
/// code 1, each with its message on standard error.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let errors as ScenarioErrors {
        printError(errors.description)
        throw ExitCode(2)
    } catch let failure as ReplicationFailure {
        printError("error: \(failure)")
        throw ExitCode(1)
    } catch let error as AdviceError {
        printError("error: \(error)")
        throw ExitCode(2)
    } catch let error as StepError {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}
