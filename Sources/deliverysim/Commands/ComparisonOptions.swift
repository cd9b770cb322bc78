import Analysis
import ArgumentParser
import DeliveryModel
import Foundation
import ScenarioFile

/// Options shared by `compare`, `whatif` and `advise`: every scenario runs with the same seed
/// and replication count, so replication r of each shares its random streams (common random
/// numbers) and differences are paired replication by replication.
struct ComparisonOptions: ParsableArguments {
    @OptionGroup var simulation: SimulationOptions

    @Option(help: ArgumentHelp("The State of DevOps report whose clusters classify the results: 2019, 2021, 2023 or 2024; 2025 (no clusters: each key's bucket only).", valueName: "year"))
    var dora: Int = DORAYear.newestWithClusters.rawValue

    func validate() throws {
        guard DORAYear(rawValue: dora) != nil else {
            throw ValidationError("--dora must be one of \(DORAYear.allCases.map { String($0.rawValue) }.joined(separator: ", ")) (got \(dora))")
        }
    }

    var year: DORAYear { DORAYear(rawValue: dora)! }

    /// Runs `variants` paired: the seed and replications given, or the first scenario's; each
    /// replication records what `record` asks for. Shows progress on a terminal.
    func compare(_ variants: [Variant], label: String, record: RunOptions? = nil) throws -> (comparison: Comparison, results: [[ReplicationResult]]) {
        guard let first = variants.first?.scenario else { throw ValidationError("no scenario to run") }
        try checkLimits(variants.map(\.scenario), replications: simulation.replications ?? first.replications)
        try checkStability(variants.map(\.scenario), allow: simulation.allowUnstable)
        let progress = Console.progress(label, quiet: simulation.quiet)
        defer { progress.finish() }
        let run = try reportingFailures {
            try Comparison.runKeepingResults(variants, replications: simulation.replications ?? first.replications, seed: simulation.seed ?? first.seed,
                                             year: year, jobs: simulation.jobs, options: record ?? RunOptions(maxEvents: simulation.maxEvents),
                                             progress: { progress.update(done: $0, total: $1) }, stop: StopRequest.shared)
        }
        progress.finish()
        try checkGrowth(run.comparison, allow: simulation.allowUnstable)
        return run
    }

    /// For a table: a printer of a comparison's view (what an interrupted run completed); nil
    /// for JSON and CSV, which are only printed whole.
    func tableOnly(_ table: @escaping (Comparison) -> (Int, TextStyle) -> String) -> ((Comparison) -> Void)? {
        guard simulation.format == .table else { return nil }
        let width = simulation.width
        return { comparison in Swift.print(table(comparison)(width, Console.style), terminator: "") }
    }

    /// Prints a report in the chosen format; the table view fits the terminal and is styled for it.
    func print(table: (Int, TextStyle) -> String, json: () -> String, csv: () -> String) {
        switch simulation.format {
        case .table: Swift.print(table(simulation.width, Console.style), terminator: "")
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
