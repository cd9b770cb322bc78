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

    @OptionGroup var options: SimulationOptions

    @OptionGroup(title: "Export") var export: ExportOptions

    func run() throws {
        let loaded = try loadScenarioFile(scenario, overrides: options.overrides)
        try checkStability([loaded.scenario], allow: options.allowUnstable)
        let count = options.replications ?? loaded.scenario.replications
        try checkLimits([loaded.scenario], replications: count)
        let masterSeed = options.seed ?? loaded.scenario.seed
        let folder = try export.begin(defaultName: loaded.scenario.name)
        defer { folder?.abandon() }
        let variant = Variant(label: loaded.scenario.name, file: scenario, scenario: loaded.scenario, resolvedYAML: loaded.resolvedYAML)
        let record = export.runOptions(maxEvents: options.maxEvents, exporting: folder != nil)
        let progress = Console.progress("run", quiet: options.quiet)
        defer { progress.finish() }
        let (comparison, results) = try reportingFailures {
            try export.savingInterrupted(command: "run", into: folder, quiet: options.quiet, jobs: options.jobs, completed: options.format != .table ? nil : { c in
                print(RunView(c, metrics: options.selection).render(width: options.width, style: Console.style), terminator: "")
            }) {
                try Comparison.runKeepingResults([variant], replications: count, seed: masterSeed, jobs: options.jobs, options: record,
                                                 progress: { progress.update(done: $0, total: $1) }, stop: StopRequest.shared)
            }
        }
        progress.finish()
        try checkGrowth(comparison, allow: options.allowUnstable)
        let report = RunReport(scenario: comparison.entries[0].variant.scenario, replications: count,
                               summaries: comparison.entries[0].metrics.map(\.summary))
        switch options.format {
        case .table: print(RunView(comparison, metrics: options.selection).render(width: options.width, style: Console.style), terminator: "")
        case .json: print(report.json(), terminator: "")
        case .csv: print(report.csv(), terminator: "")
        }
        if let folder {
            let exported = ExportRun(command: "run", arguments: commandArguments, comparison: comparison, results: results,
                                     itemsRecorded: export.items, version: DeliverySimVersion.current)
            try export.finish(exported, into: folder, quiet: options.quiet, jobs: options.jobs)
        }
    }
}

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
