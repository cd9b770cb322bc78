import DeliveryModel
import ScenarioFile

/// What `advise` runs: a baseline, the steps to try one at a time, and the target they lead to.
public struct AdvicePlan: Sendable {
    public var baseline: LoadedScenario
    /// The next level (from `--to` or the preset ladder); nil when the steps were given.
    public var target: LoadedScenario?
    /// `key.path=value` overrides, in the order found.
    public var steps: [String]
    /// `--set` overrides applied to the baseline, the target and every step.
    public var overrides: [String]
    /// Catalogue steps applied to the baseline (each one variant with all its changes), when the
    /// plan comes from the catalogue rather than a target or given steps.
    public var practices: [AppliedPractice] = []
    /// Catalogue steps that do not apply to the baseline (already in place).
    public var inPlace: [PracticeStep] = []
    /// True when the baseline is a maturity preset (`advise` then mentions `--to`).
    public var baselineIsPreset: Bool { MaturityLevels.family(of: baseline.scenario.name) != nil }

    /// Loads the baseline at `path` and, unless `steps` are given, the target — `to`, or the
    /// preset after the baseline's `name` in `directory` (nil: the built-in one) — and the steps
    /// between the two resolved documents (``PracticeSteps``). A baseline that is no preset with
    /// a next level (or any, with `catalogue`) gets the steps of ``PracticeCatalogue`` that
    /// apply to it instead. `overrides` apply to all.
    public static func make(path: String, to: String? = nil, steps given: [String] = [], directory: String? = nil,
                            overrides: [String] = [], catalogue: Bool = false) throws -> AdvicePlan {
        let baseline = try ScenarioLoader.load(path: path, overrides: overrides)
        var targetPath = to
        // A scenario of the user's own (no preset with a next level), or `catalogue`: the practice catalogue.
        if to == nil && given.isEmpty && (catalogue || MaturityLevels.next(after: baseline.scenario.name) == nil) {
            var plan = AdvicePlan(baseline: baseline, target: nil, steps: [], overrides: overrides)
            for step in PracticeCatalogue.all {
                if let changes = step.overrides(for: baseline.scenario, document: baseline.resolvedYAML) {
                    plan.practices.append(AppliedPractice(step: step, overrides: changes))
                } else {
                    plan.inPlace.append(step)
                }
            }
            return plan
        }
        if targetPath == nil && given.isEmpty, let next = MaturityLevels.next(after: baseline.scenario.name) {
            targetPath = MaturityLevels.path(of: next, in: directory)
        }
        let target = try targetPath.map { try ScenarioLoader.load(path: $0, overrides: overrides) }
        var steps = given
        if steps.isEmpty, let target {
            steps = try PracticeSteps.between(baseline.resolvedYAML, target.resolvedYAML)
        }
        return AdvicePlan(baseline: baseline, target: target, steps: steps, overrides: overrides)
    }

    /// The baseline, each step that loads, then the target; and the steps that do not load.
    public func variants() -> (variants: [Variant], invalid: [Advice.InvalidStep]) {
        var variants = [Variant(label: baseline.scenario.name, file: baseline.path, scenario: baseline.scenario, resolvedYAML: baseline.resolvedYAML)]
        var invalid: [Advice.InvalidStep] = []
        for practice in practices {
            do {
                let loaded = try ScenarioLoader.load(path: baseline.path, overrides: overrides + practice.overrides)
                variants.append(Variant(label: practice.step.name, file: baseline.path, overrides: practice.overrides, scenario: loaded.scenario,
                                        resolvedYAML: loaded.resolvedYAML))
            } catch {
                invalid.append(Advice.InvalidStep(step: practice.step.name, error: "\(error)"))
            }
        }
        for step in steps {
            do {
                let loaded = try ScenarioLoader.load(path: baseline.path, overrides: overrides + [step])
                variants.append(Variant(label: step, file: baseline.path, overrides: [step], scenario: loaded.scenario, resolvedYAML: loaded.resolvedYAML))
            } catch {
                invalid.append(Advice.InvalidStep(step: step, error: "\(error)"))
            }
        }
        if let target { variants.append(Variant(label: target.scenario.name, file: target.path, scenario: target.scenario, resolvedYAML: target.resolvedYAML)) }
        return (variants, invalid)
    }

    /// Runs the plan paired (`Comparison.run`) and ranks the steps.
    /// Ranked by `objective`; a catalogue step's costs come from the baseline's `economics.steps`.
    public func run(replications: Int? = nil, seed: UInt64? = nil, year: DORAYear = .newestWithClusters,
                    jobs: Int = ParallelReplications.defaultJobs, maxEvents: Int = .max, objective: AdviceObjective = .leadTime,
                    progress: ParallelReplications.Progress? = nil) throws -> Advice {
        if let reason = objective.unavailable(for: baseline.scenario) { throw AdviceError(reason) }
        let (variants, invalid) = variants()
        let run = try Comparison.runKeepingResults(variants, replications: replications ?? baseline.scenario.replications,
                                                   seed: seed ?? baseline.scenario.seed, year: year, jobs: jobs,
                                                   options: RunOptions(maxEvents: maxEvents), progress: progress)
        return Advice(comparison: run.comparison, stepCount: variants.count - 1 - (target == nil ? 0 : 1), invalid: invalid,
                      objective: objective, results: run.results, costs: costs)
    }

    /// The declared costs (`economics.steps`) of the catalogue steps applied, by their label.
    public var costs: [String: PracticeCost] {
        let declared = baseline.scenario.economics?.steps ?? [:]
        return Dictionary(practices.compactMap { p in declared[p.step.id].map { (p.step.name, $0) } }, uniquingKeysWith: { a, _ in a })
    }
}

/// Why advice cannot be given.
public struct AdviceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
