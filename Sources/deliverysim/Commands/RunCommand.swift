import ArgumentParser
import Foundation
import DeliveryModel
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

    func validate() throws {
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 (an interval needs two)") }
        guard maxEvents > 0 else { throw ValidationError("--max-events must be positive") }
    }

    func run() throws {
        var loaded = try loadScenario(scenario, overrides: overrides)
        if let replications { loaded.replications = replications }
        if let seed { loaded.seed = seed }
        let count = loaded.replications
        let scenarioValue = loaded
        let (results, seconds) = try measure { try ScenarioRunner.run(scenarioValue, replications: count, maxEvents: maxEvents) }
        let report = RunReport(scenario: loaded, replications: count, summaries: MetricSummary.all(results),
                               events: results.reduce(0) { $0 + $1.events }, seconds: seconds)
        print(report.render(format), terminator: "")
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Loads a scenario file, printing its errors and exiting non-zero if it is malformed.
func loadScenario(_ path: String, overrides: [String]) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path, overrides: overrides).scenario
    } catch let errors as ScenarioErrors {
        printError(errors.description)
        throw ExitCode(2)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
