import Analysis
import ArgumentParser
import Export

/// `deliverysim compare`: several scenarios (or the maturity presets) side by side, paired.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios: every metric with its 95% interval, the paired difference from the first, and the DORA cluster.",
        discussion: """
        All scenarios run with the same seed and replication count (the first file's unless given), \
        so replication r of each draws the same arrivals and work sizes and the differences from \
        the first scenario (the baseline) are paired replication by replication.
        """
    )

    @Argument(help: "Scenario files (YAML); the first is the baseline.")
    var files: [String] = []

    @Option(help: ArgumentHelp("Compare the maturity presets instead of files: cd (cd-base … cd-expert), mlops (mlops-0 … mlops-2) or all.", valueName: "ladder"))
    var levels: String?

    @Option(help: "Where --levels finds the presets (default: the presets built into deliverysim; `deliverysim presets` lists them).")
    var scenariosDir: String?

    @OptionGroup var options: ComparisonOptions

    @OptionGroup(title: "Export") var export: ExportOptions

    func validate() throws {
        if let levels, MaturityLevels.Ladder(rawValue: levels) == nil {
            throw ValidationError("--levels must be cd, mlops or all (got \(levels))")
        }
        if levels != nil && !files.isEmpty { throw ValidationError("give scenario files or --levels, not both") }
        if levels == nil && files.isEmpty { throw ValidationError("give scenario files to compare, or --levels cd|mlops|all") }
    }

    func run() throws {
        let variants = try reportingFailures {
            if let ladder = levels.flatMap(MaturityLevels.Ladder.init(rawValue:)) {
                return try ScenarioSet.levels(ladder, in: scenariosDir, overrides: options.simulation.overrides, jobs: options.simulation.jobs)
            }
            return try ScenarioSet.files(files, overrides: options.simulation.overrides, jobs: options.simulation.jobs)
        }
        let folder = try export.begin(defaultName: levels.map { "levels-\($0)" } ?? "compare-\(variants[0].label)")
        defer { folder?.abandon() }
        let record = export.runOptions(maxEvents: options.simulation.maxEvents, exporting: folder != nil)
        let heading = "compare: \(variants.count) scenario\(variants.count == 1 ? "" : "s")"
        func view(_ comparison: Comparison) -> ComparisonView {
            ComparisonView(comparison, heading: heading, metrics: options.simulation.selection,
                           hint: levels != nil ? "advice for one level: deliverysim advise \(variants[0].label) (the next level by default, or --to LEVEL)" : nil)
        }
        let (comparison, results) = try export.savingInterrupted(command: "compare", into: folder, quiet: options.simulation.quiet, jobs: options.simulation.jobs,
                                                                 completed: options.tableOnly { view($0).render(width:style:) }) {
            try options.compare(variants, label: "compare", record: record)
        }
        let report = ComparisonReport(comparison, heading: heading)
        options.print(table: view(comparison).render(width:style:), json: report.json, csv: { report.csv(jobs: options.simulation.jobs) })
        if let folder {
            let run = ExportRun(command: "compare", arguments: commandArguments, comparison: comparison, results: results,
                                itemsRecorded: export.items, version: DeliverySimVersion.current)
            try export.finish(run, into: folder, quiet: options.simulation.quiet, jobs: options.simulation.jobs)
        }
    }
}
