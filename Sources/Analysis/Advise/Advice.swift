import DeliveryModel

/// "Which single step buys the most": each practice step applied alone to a baseline scenario,
/// run paired with it, ranked by its effect on lead time for changes.
public struct Advice: Sendable {
    /// The metrics a step is judged by, and whether a rise is an improvement (from the registry).
    public static let effects: [(metric: String, higherIsBetter: Bool)] = [
        MetricDefinition.leadTimeForChanges, .changeFailureRate, .timeToRestore, .throughput,
    ].map { ($0.name, $0.better == .higher) }
    /// Steps are ranked by the relative improvement of this metric (the first effect).
    public static var rankedBy: String { effects[0].metric }

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

    /// Ranks `comparison.entries[1...stepCount]` (labelled by their step); an entry after them is
    /// the target.
    public init(comparison: Comparison, stepCount: Int, invalid: [InvalidStep]) {
        precondition(comparison.entries.count - 1 - stepCount <= 1, "baseline, steps, at most one target")
        self.comparison = comparison
        self.invalid = invalid
        target = comparison.entries.count > stepCount + 1 ? comparison.entries.last : nil
        let demand = 168 * comparison.entries[0].variant.scenario.demand.arrivalRate
        let scored = comparison.entries[1..<(1 + stepCount)].map { entry -> (Comparison.Entry, Double?) in
            (entry, Self.improvement(entry.metric(Self.rankedBy)?.difference, higherIsBetter: Self.effects[0].higherIsBetter))
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
            Step(rank: rank + 1, step: scored[i].0.variant.label, entry: scored[i].0, improvement: scored[i].1,
                 notRecommended: refusals[i])
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
