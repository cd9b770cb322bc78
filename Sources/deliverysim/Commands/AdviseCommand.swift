import Analysis
import ArgumentParser

/// `deliverysim advise`: which single practice step towards the next maturity level buys the most.
struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Try each practice step towards the next maturity level alone, paired, and rank the steps.",
        discussion: """
        Without --step, the steps are the differences between the scenario and the next level: \
        the preset after the scenario's name (cd-base → cd-beginner → … → cd-expert, \
        mlops-0 → mlops-1 → mlops-2) in --scenarios-dir, or the file given with --to. Each step \
        is applied alone as an override and run with the baseline's seed; steps are ranked by \
        the relative change in lead time for changes.
        """
    )

    @Argument(help: "The scenario file (YAML): the baseline.")
    var scenario: String

    @Option(help: "The scenario to move towards (default: the next maturity preset).")
    var to: String?

    @Option(help: ArgumentHelp("A step to try instead of the differences (repeatable).", valueName: "key.path=value"))
    var step: [String] = []

    @Option(help: "Where the next maturity preset is found (default: the presets built into deliverysim).")
    var scenariosDir: String?

    @OptionGroup var options: ComparisonOptions

    func run() throws {
        let plan = try reportingFailures {
            try AdvicePlan.make(path: scenario, to: to, steps: step, directory: scenariosDir, overrides: options.simulation.overrides)
        }
        let progress = Console.progress("advise", quiet: options.simulation.quiet)
        let advice = try reportingFailures {
            try plan.run(replications: options.simulation.replications, seed: options.simulation.seed, year: options.year,
                         jobs: options.simulation.jobs, maxEvents: options.simulation.maxEvents, progress: { progress.update(done: $0, total: $1) })
        }
        progress.finish()
        let name = plan.baseline.scenario.name
        let heading = plan.target.map { "advise: \(name) → \($0.scenario.name) (\($0.path))" } ?? "advise: \(name)"
        let report = AdviceReport(advice, heading: heading)
        let view = AdviceView(advice, heading: heading)
        options.print(table: view.render(width:style:), json: report.json, csv: report.csv)
    }
}
