import Analysis
import ArgumentParser
import Foundation
import DeliveryModel
import Export
import ScenarioFile

/// `deliverysim run`: simulate one scenario and report every metric with its interval.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and report the DORA four keys and flow metrics with 95% intervals."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Replications (default: the file's).")
    var replications: Int?

    @Option(help: "Master seed (default: the file's).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key: --set stages[0].wip_limit=4 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Stop a replication that handles more events than this (guards against unstable scenarios).")
    var maxEvents: Int = 200_000_000

    @Option(help: "Worker threads (default: all cores). The results do not depend on it.")
    var jobs: Int = ParallelReplications.defaultJobs

    @Flag(help: "Run a scenario whose demand exceeds capacity anyway (each replication still stops at --max-events).")
    var allowUnstable = false

    @Flag(name: .shortAndLong, help: "No progress line and no notes on standard error (progress is only shown on a terminal anyway).")
    var quiet = false

    @OptionGroup(title: "Export") var export: ExportOptions

    func validate() throws {
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 (an interval needs two)") }
        guard maxEvents > 0 else { throw ValidationError("--max-events must be positive") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let loaded = try loadScenarioFile(scenario, overrides: overrides)
        try checkStability([loaded.scenario], allow: allowUnstable)
        let count = replications ?? loaded.scenario.replications
        let masterSeed = seed ?? loaded.scenario.seed
        let folder = try export.begin(defaultName: loaded.scenario.name)
        defer { folder?.abandon() }
        let variant = Variant(label: loaded.scenario.name, file: scenario, scenario: loaded.scenario, resolvedYAML: loaded.resolvedYAML)
        let record = export.runOptions(maxEvents: maxEvents, exporting: folder != nil)
        let progress = Console.progress("run", quiet: quiet)
        let (comparison, results) = try reportingFailures {
            try export.savingInterrupted(command: "run", into: folder, quiet: quiet) {
                try Comparison.runKeepingResults([variant], replications: count, seed: masterSeed, jobs: jobs, options: record,
                                                 progress: { progress.update(done: $0, total: $1) }, stop: StopRequest.shared)
            }
        }
        progress.finish()
        let report = RunReport(scenario: comparison.entries[0].variant.scenario, replications: count,
                               summaries: comparison.entries[0].metrics.map(\.summary))
        print(report.render(format, style: Console.style), terminator: "")
        if let folder {
            let exported = ExportRun(command: "run", arguments: commandArguments, comparison: comparison, results: results,
                                     itemsRecorded: export.items, version: DeliverySimVersion.current)
            try export.finish(exported, into: folder, quiet: quiet)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Loads a scenario file, printing its errors and exiting non-zero if it is malformed.
func loadScenario(_ path: String, overrides: [String]) throws -> Scenario {
    try loadScenarioFile(path, overrides: overrides).scenario
}

/// Loads a scenario file with its resolved document, printing its errors and exiting non-zero
/// if it is malformed.
func loadScenarioFile(_ path: String, overrides: [String]) throws -> LoadedScenario {
    do {
        let loaded = try ScenarioLoader.load(path: path, overrides: overrides)
        for note in loaded.notes { printError("note: \(note)") }
        return loaded
    } catch let errors as ScenarioErrors {
        printError(errors.description)
        throw ExitCode(2)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
