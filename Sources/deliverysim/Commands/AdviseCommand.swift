import Analysis
import ArgumentParser

/// `deliverysim advise`: which single practice step towards the next maturity level buys the most.
struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Try each practice step alone, paired, and rank the steps: towards the next maturity level, a --to scenario, or from the practice catalogue.",
        discussion: """
        Without --step, the steps are the differences between the scenario and the next level: \
        the preset after the scenario's name (cd-base → cd-beginner → … → cd-expert, \
        mlops-0 → mlops-1 → mlops-2), built in or in --scenarios-dir, or the file given with --to. \
        A scenario of your own (no preset with a next level), or any with --practices, gets the \
        practice catalogue instead: named steps (automate deployments, continuous release, WIP \
        limits, …) computed from its own teams, stages and settings. Each step is applied alone \
        and run with the baseline's seed; steps are ranked by the relative change in lead time \
        for changes, steps whose flow cannot keep up or that lengthen arrival → production lead \
        time last (not recommended). --objective ranks by another quantity: cost (each step's \
        cost per week, its running cost from economics.steps included, and the weeks its one-off \
        cost takes to pay back), stability (change failure rate × time to restore) or throughput.
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

    @Flag(help: "Try the practice catalogue's steps even when the scenario is a maturity preset.")
    var practices = false

    @Option(help: ArgumentHelp("Rank by lead-time (for changes), cost (cost_total per week with each step's running cost, and payback of its one-off cost; needs an economics section), stability (change failure rate × time to restore) or throughput.",
                               valueName: "objective"))
    var objective: AdviceObjective = .leadTime

    @OptionGroup var options: ComparisonOptions

    func run() throws {
        let plan = try reportingFailures {
            try AdvicePlan.make(path: scenario, to: to, steps: step, directory: scenariosDir, overrides: options.simulation.overrides,
                                catalogue: practices)
        }
        let progress = Console.progress("advise", quiet: options.simulation.quiet)
        let advice = try reportingFailures {
            try plan.run(replications: options.simulation.replications, seed: options.simulation.seed, year: options.year,
                         jobs: options.simulation.jobs, maxEvents: options.simulation.maxEvents, objective: objective, progress: { progress.update(done: $0, total: $1) })
        }
        progress.finish()
        let name = plan.baseline.scenario.name
        let heading = plan.target.map { "advise: \(name) → \($0.scenario.name) (\($0.path))" } ?? "advise: \(name)"
        let report = AdviceReport(advice, heading: heading, practices: plan.practices)
        var hints: [String] = []
        if !plan.practices.isEmpty {
            hints.append("steps from the practice catalogue, applied to \(name)'s own teams, stages and settings; in place already or not applicable: "
                         + (plan.inPlace.isEmpty ? "none" : plan.inPlace.map(\.name).joined(separator: ", ")))
            for practice in plan.practices { hints.append("\(practice.step.name) [\(practice.step.source)]: \(practice.overrides.joined(separator: " "))") }
        }
        if plan.baselineIsPreset {
            hints.append("compare with another level: deliverysim advise \(name) --to LEVEL (see deliverysim presets)"
                         + (plan.practices.isEmpty ? "; the practice catalogue: --practices" : ""))
        } else if plan.practices.isEmpty == false {
            hints.append("towards a scenario of your own: deliverysim advise \(ShellText.quoted(scenario)) --to TARGET.yaml")
        }
        let view = AdviceView(advice, heading: heading, hints: hints)
        options.print(table: view.render(width:style:), json: report.json, csv: report.csv)
    }
}

extension AdviceObjective: ExpressibleByArgument {}
