import Analysis
import ArgumentParser
import Export
import ScenarioFile

/// `deliverysim whatif`: one scenario over a grid of key values, paired.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Run a scenario over a grid of values and compare every point with the first.",
        discussion: """
        Each --vary gives a key path and its values; the grid is every combination (the first \
        --vary varies slowest), and its first point takes every first value. Values are split \
        on top-level commas only: --vary 'release.policy={scheduled: {every: 7d}},continuous'.
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: ArgumentHelp("A key and its values (repeatable): --vary stages.develop.wip_limit=2,4,8.", valueName: "key.path=v1,v2,..."))
    var vary: [String] = []

    @OptionGroup var options: ComparisonOptions

    @OptionGroup(title: "Export") var export: ExportOptions

    func validate() throws {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary key.path=v1,v2,...") }
        for text in vary {
            do { _ = try Axis(parsing: text) } catch { throw ValidationError("--vary \(error)") }
        }
    }

    func run() throws {
        let grid = WhatIfGrid(axes: try vary.map { try Axis(parsing: $0) })
        let variants = try reportingFailures { try ScenarioSet.whatIf(scenario, grid: grid, overrides: options.simulation.overrides, jobs: options.simulation.jobs) }
        let name = variants.first?.scenario.name ?? scenario
        let folder = try export.begin(defaultName: "whatif-\(name)")
        defer { folder?.abandon() }
        let record = export.runOptions(maxEvents: options.simulation.maxEvents, exporting: folder != nil)
        let heading = "whatif \(name): \(variants.count) grid point\(variants.count == 1 ? "" : "s")"
        func view(_ comparison: Comparison) -> ComparisonView {
            let points = ComparisonView.whatIfLabels(comparison)
            return ComparisonView(ComparisonView.whatIfRelabelled(comparison), heading: heading, metrics: options.simulation.selection,
                                  labelTitle: points.title, labels: points.labels,
                                  hint: "points: " + grid.axes.map { "\($0.key) = \($0.values.joined(separator: ", "))" }.joined(separator: " × "))
        }
        let (comparison, results) = try export.savingInterrupted(command: "whatif", into: folder, quiet: options.simulation.quiet, jobs: options.simulation.jobs,
                                                                 completed: options.tableOnly { view($0).render(width:style:) }) {
            try options.compare(variants, label: "whatif", record: record)
        }
        let report = ComparisonReport(comparison, heading: heading)
        options.print(table: view(comparison).render(width:style:), json: report.json, csv: { report.csv(jobs: options.simulation.jobs) })
        if let folder {
            let run = ExportRun(command: "whatif", arguments: commandArguments, comparison: comparison, results: results,
                                itemsRecorded: export.items, version: DeliverySimVersion.current)
            try export.finish(run, into: folder, quiet: options.simulation.quiet, jobs: options.simulation.jobs)
        }
    }
}
