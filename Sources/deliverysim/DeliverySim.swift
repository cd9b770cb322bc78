import ArgumentParser
import Foundation

/// The `deliverysim` command line.
@main
struct DeliverySim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliverysim",
        abstract: "Discrete-event simulation of software delivery organizations.",
        version: DeliverySimVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, MetricsCommand.self, PresetsCommand.self, InitCommand.self, CompareCommand.self, WhatIfCommand.self, AdviseCommand.self, ForecastCommand.self, CalibrateCommand.self, SweepCommand.self, MergeCommand.self, ReportCommand.self, Bench.self]
    )

    /// Parses and runs the command. A usage error — an unknown option, a bad value, a failed
    /// `validate()`, a `ValidationError` thrown while running — exits with 2 (bad input, as the
    /// README says) rather than swift-argument-parser's 64, with one spelling: `error: …`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(usageMessage(for: error))
                Foundation.exit(ExitCodes.badInput)
            }
            exit(withError: error)
        }
    }

    /// swift-argument-parser's message for a usage error, spelled `error:` like every other.
    static func usageMessage(for error: Error) -> String {
        let text = fullMessage(for: error)
        return text.hasPrefix("Error: ") ? "error: " + text.dropFirst("Error: ".count) : text
    }
}

/// The program's version, reported by `--version` and written into exports.
enum DeliverySimVersion {
    static let current = "0.1.0"
}
