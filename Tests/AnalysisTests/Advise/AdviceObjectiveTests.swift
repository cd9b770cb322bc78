import Analysis
import DeliveryModel
import ScenarioFile
import Testing
import TestSupport

/// `advise --objective`: the steps ranked by cost (with each step's running cost and the weeks
/// its one-off cost takes to pay back), stability or throughput, from one paired run.
@Suite struct AdviceObjectiveTests {
    static let planning = repositoryRoot + "/scenarios/planning-example.yaml"
    static let automation = "automate manual tests"

    /// The catalogue of planning-example (a 1-day manual regression suite, an economics
    /// section), run once paired: 6 replications, seed 1.
    static func run() throws -> (plan: AdvicePlan, comparison: Comparison, results: [[ReplicationResult]], steps: Int) {
        let plan = try AdvicePlan.make(path: planning)
        let (variants, invalid) = plan.variants()
        #expect(invalid.isEmpty)
        let run = try Comparison.runKeepingResults(variants, replications: 6, seed: 1, jobs: 2)
        return (plan, run.comparison, run.results, variants.count - 1)
    }

    static func advice(_ objective: AdviceObjective, _ costs: [String: PracticeCost]) throws -> Advice {
        let r = try run()
        return Advice(comparison: r.comparison, stepCount: r.steps, invalid: [], objective: objective, results: r.results, costs: costs)
    }

    @Test func theEconomicsKeysAreTheCatalogueIds() {
        #expect(Economics.practiceStepIDs == PracticeCatalogue.all.map(\.id))
    }

    @Test func costRanksBySavingAndPaysBackTheOneOffCost() throws {
        let r = try Self.run()
        #expect(r.plan.costs == [Self.automation: PracticeCost(oneOff: 40000, perWeek: 200)], "planning-example declares the automation's costs")
        func advice(_ costs: [String: PracticeCost]) -> Advice {
            Advice(comparison: r.comparison, stepCount: r.steps, invalid: [], objective: .cost, results: r.results, costs: costs)
        }
        let declared = advice(r.plan.costs)
        let step = try #require(declared.steps.first { $0.step == Self.automation })
        // The running cost shifts the paired difference of cost_total per week by exactly its amount.
        let plain = try #require(step.entry.metric(MetricDefinition.costTotal.name)?.difference)
        let net = try #require(step.difference)
        #expect(abs(net.mean - (plain.mean + 200)) < 1e-6 && abs(net.low - (plain.low + 200)) < 1e-6)
        // Automating a 1-day manual suite shortens lead time, so delay costs less: it saves.
        #expect(net.mean < 0)
        let payback = try #require(step.payback)
        #expect(abs(payback.weeks - 40000 / -net.mean) < 1e-9)
        #expect(payback.low <= payback.weeks && payback.weeks <= (payback.high ?? .infinity))
        // Ranked by the net saving: recommended steps first, largest relative saving first.
        let recommended = declared.steps.filter { $0.notRecommended == nil }.compactMap(\.improvement)
        #expect(recommended == recommended.sorted(by: >))
        #expect(declared.steps.filter { $0.step != Self.automation }.allSatisfy { $0.payback == nil && !$0.neverPaysBack })

        // Direction: nothing to pay back is paid back at once; an upkeep beyond the saving, never.
        let free = try #require(advice([Self.automation: PracticeCost(oneOff: 0, perWeek: 200)]).steps.first { $0.step == Self.automation })
        #expect(free.payback?.weeks == 0)
        let dear = try #require(advice([Self.automation: PracticeCost(oneOff: 40000, perWeek: 1e9)]).steps.first { $0.step == Self.automation })
        #expect(dear.payback == nil && dear.neverPaysBack)
        let text = AdviceView(advice([Self.automation: PracticeCost(oneOff: 40000, perWeek: 1e9)]), heading: "advise").render(width: 100)
        #expect(text.contains("never"), "\(text)")
        // The other objectives from the same replications: stability is CFR × time to restore.
        let stability = Advice(comparison: r.comparison, stepCount: r.steps, invalid: [], objective: .stability, results: r.results)
        let products = r.results[0].compactMap { run -> Double? in
            let cfr = run.metrics.first { $0.name == MetricDefinition.changeFailureRate.name }?.value
            let ttr = run.metrics.first { $0.name == MetricDefinition.timeToRestore.name }?.value
            guard let cfr else { return nil }
            return cfr == 0 ? 0 : ttr.map { cfr * $0 }
        }
        let mean = products.reduce(0, +) / Double(products.count)
        #expect(abs((stability.baselineMeasure.mean ?? -1) - mean) < 1e-9)
        let rollback = try #require(stability.steps.first { $0.step == "automated rollback" })
        #expect((rollback.difference?.mean ?? 0) < 0, "a faster rollback restores sooner: fewer failure hours per deployment")
        let throughput = Advice(comparison: r.comparison, stepCount: r.steps, invalid: [], objective: .throughput, results: r.results)
        #expect(throughput.steps.compactMap(\.improvement).first.map { $0 >= (throughput.steps.compactMap(\.improvement).last ?? 0) } ?? false)
    }

    @Test func costNeedsAnEconomicsSection() throws {
        let plan = try AdvicePlan.make(path: Self.planning, overrides: ["economics=null"])
        #expect(throws: AdviceError.self) { try plan.run(replications: 2, jobs: 1, objective: .cost) }
        #expect(AdviceObjective.cost.unavailable(for: plan.baseline.scenario)?.contains("economics") == true)
    }

    @Test func stepCostsAreValidated() throws {
        func errors(_ value: String) -> [String] {
            do {
                _ = try ScenarioLoader.load(path: Self.planning, overrides: ["economics.steps=\(value)"])
                return []
            } catch let errors as ScenarioErrors {
                return errors.errors.map { "\($0.keyPath): \($0.message)" }
            } catch { return ["\(error)"] }
        }
        #expect(errors("{automate-regresion: {one_off: 1}}").first?.contains("did you mean `automate-regression`") == true, "\(errors("{automate-regresion: {one_off: 1}}"))")
        #expect(errors("{automate-regression: {one_off: -1}}").first?.hasPrefix("economics.steps.automate-regression.one_off: must be a cost") == true)
        #expect(errors("{automate-regression: {monthly: 1}}").first?.contains("unknown key `monthly`") == true)
        let loaded = try ScenarioLoader.load(path: Self.planning, overrides: ["economics.steps={wip-limits: {per_week: 5}}"])
        #expect(loaded.scenario.economics?.steps == ["wip-limits": PracticeCost(oneOff: 0, perWeek: 5)])
    }
}
