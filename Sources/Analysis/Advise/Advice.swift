import DeliveryModel
import SimStats

/// "Which single step buys the most": each practice step applied alone to a baseline scenario,
/// run paired with it, ranked by its effect on the objective (lead time for changes unless
/// `--objective` says otherwise, ``AdviceObjective``).
public struct Advice: Sendable {
    /// The metrics a step is judged by, and whether a rise is an improvement (from the registry).
    public static let effects: [(metric: String, higherIsBetter: Bool)] = [
        MetricDefinition.leadTimeForChanges, .changeFailureRate, .timeToRestore, .throughput,
    ].map { ($0.name, $0.better == .higher) }
    /// Steps are ranked by default by the relative improvement of this metric (the first effect).
    public static var rankedBy: String { effects[0].metric }

    /// The quantity and direction the steps are ranked by.
    public var objective: AdviceObjective = .leadTime

    /// One scenario's value of the objective: its mean over the replications and 95% interval
    /// (after a step: including its running cost).
    public struct Measure: Sendable, Equatable {
        public var mean: Double?
        public var low: Double?
        public var high: Double?
    }
    /// The baseline's objective.
    public var baselineMeasure = Measure()

    /// A step that ran.
    public struct Step: Sendable {
        /// 1 = the largest improvement.
        public var rank: Int
        /// The `key.path=value` override.
        public var step: String
        public var entry: Comparison.Entry
        /// The relative improvement of ``Advice/rankedBy`` in percent (positive: better); nil if
        /// it could not be compared.
        public var improvement: Double?
        /// Why the step is not recommended, whatever it does to ``Advice/rankedBy``: its flow
        /// cannot keep up with demand, or it lengthens arrival → production lead time. Such
        /// steps are ranked after every recommended one.
        public var notRecommended: String?
        /// The objective after the step (for cost: with the step's running cost).
        public var measure = Measure()
        /// The objective's paired difference from the baseline (the step's minus the baseline's).
        public var difference: PairedDifference?
        /// What the step costs (`economics.steps`), when declared.
        public var cost: PracticeCost?
        /// With the cost objective, weeks to repay the one-off cost from the net weekly saving;
        /// nil for another objective, a step without declared costs, or a saving that does not
        /// cover the running cost (``neverPaysBack``).
        public var payback: Payback?
        /// With the cost objective: the step's costs are declared and its mean weekly saving does
        /// not cover its running cost, so the one-off cost is never repaid.
        public var neverPaysBack = false
    }

    /// A step the scenario does not load with (alone it makes the scenario invalid).
    public struct InvalidStep: Sendable, Equatable {
        public var step: String
        public var error: String

        public init(step: String, error: String) {
            self.step = step
            self.error = error
        }
    }

    /// Baseline, then each valid step, then the target (if any).
    public var comparison: Comparison
    public var steps: [Step]
    public var invalid: [InvalidStep]
    /// The scenario with every step (the next level), run as a reference.
    public var target: Comparison.Entry?

    public var baseline: Comparison.Entry { comparison.entries[0] }

    /// Ranks `comparison.entries[1...stepCount]` (labelled by their step) by `objective`; an
    /// entry after them is the target. `results[s][r]` are the replications behind entry s
    /// (needed for an objective other than lead time); `costs` what each step (by label) costs.
    public init(comparison: Comparison, stepCount: Int, invalid: [InvalidStep], objective: AdviceObjective = .leadTime,
                results: [[ReplicationResult]] = [], costs: [String: PracticeCost] = [:]) {
        precondition(comparison.entries.count - 1 - stepCount <= 1, "baseline, steps, at most one target")
        precondition(objective == .leadTime || results.count == comparison.entries.count, "the replications of every entry")
        self.comparison = comparison
        self.invalid = invalid
        self.objective = objective
        target = comparison.entries.count > stepCount + 1 ? comparison.entries.last : nil
        let demand = 168 * comparison.entries[0].variant.scenario.demand.arrivalRate
        // The objective per replication of entry i, with `running` added (cost).
        func column(_ i: Int, running: Double) -> [Double?] { results[i].map { objective.value($0, running: running) } }
        func measure(_ i: Int, running: Double) -> Measure {
            if objective != .stability, let s = comparison.entries[i].metric(objective.metric)?.summary {
                return Measure(mean: s.mean.map { $0 + running }, low: s.ciLow.map { $0 + running }, high: s.ciHigh.map { $0 + running })
            }
            guard !results.isEmpty else { return Measure() }
            let values = column(i, running: running).compactMap { $0 }
            guard let ci = ConfidenceInterval(values, level: 0.95, scale: .natural) else { return Measure(mean: values.first) }
            return Measure(mean: ci.mean, low: max(0, ci.low), high: ci.high)
        }
        baselineMeasure = measure(0, running: 0)
        let scored = comparison.entries[1..<(1 + stepCount)].enumerated().map { k, entry -> (Comparison.Entry, Double?, Step) in
            let i = k + 1, cost = costs[entry.variant.label]
            var step = Step(rank: 0, step: entry.variant.label, entry: entry, cost: cost)
            step.measure = measure(i, running: cost?.perWeek ?? 0)
            if objective == .leadTime || (objective != .stability && (cost?.perWeek ?? 0) == 0) {
                step.difference = entry.metric(objective.metric)?.difference
            } else {
                step.difference = PairedDifference(baseline: column(0, running: 0), values: column(i, running: cost?.perWeek ?? 0),
                                                   range: 0...Double.infinity)
            }
            if objective == .cost, let cost, let net = step.difference {
                step.payback = Payback(oneOff: cost.oneOff, net: net)
                step.neverPaysBack = step.payback == nil
            }
            return (entry, Self.improvement(step.difference, higherIsBetter: objective.higherIsBetter), step)
        }
        let refusals = scored.map { Self.refusal($0.0, demandPerWeek: demand) }
        // Recommended steps first; then largest improvement first; steps that cannot be compared
        // last; ties keep step order.
        let order = scored.indices.sorted { i, j in
            if (refusals[i] == nil) != (refusals[j] == nil) { return refusals[i] == nil }
            switch (scored[i].1, scored[j].1) {
            case let (x?, y?): return x != y ? x > y : i < j
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return i < j
            }
        }
        steps = order.enumerated().map { rank, i in
            var step = scored[i].2
            step.rank = rank + 1
            step.improvement = scored[i].1
            step.notRecommended = refusals[i]
            return step
        }
    }

    /// Why a step must not be recommended, or nil: a queue kept growing in most replications,
    /// its throughput is below demand and significantly below the baseline's, or arrival →
    /// production lead time is significantly longer than the baseline's (paired 95% interval).
    static func refusal(_ entry: Comparison.Entry, demandPerWeek demand: Double) -> String? {
        if let growth = entry.growingQueue { return "the flow does not keep up with demand: \(growth)" }
        if let throughput = entry.metric(MetricDefinition.throughput.name), let d = throughput.difference,
           let mean = throughput.summary.mean, d.high < 0, mean < 0.95 * demand {
            return "throughput falls below demand (\(NumberText.short(mean)) against \(NumberText.short(demand)) a week)"
        }
        if let lead = entry.metric(MetricDefinition.leadTime.name)?.difference, lead.low > 0 {
            return "arrival → production lead time grows by \(NumberText.short(lead.mean)) h"
        }
        return nil
    }

    /// The relative change as an improvement in percent: −Δ% where lower is better.
    public static func improvement(_ difference: PairedDifference?, higherIsBetter: Bool) -> Double? {
        guard let percent = difference?.percent else { return nil }
        return higherIsBetter ? percent : -percent
    }
}
