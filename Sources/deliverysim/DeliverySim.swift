import ArgumentParser

/// The `deliverysim` command line.
@main
struct DeliverySim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliverysim",
        abstract: "Discrete-event simulation of software delivery organizations.",
        version: DeliverySimVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, MetricsCommand.self, CompareCommand.self, WhatIfCommand.self, AdviseCommand.self, CalibrateCommand.self, SweepCommand.self, MergeCommand.self, ReportCommand.self, Bench.self]
    )
}

/// The program's version, reported by `--version` and written into exports.
enum DeliverySimVersion {
    static let current = "0.1.0"
}
