import DeliveryModel
import Foundation

/// Makes a ``Comparison``'s entries scenario by scenario, as each scenario's replications are
/// done, on whichever thread finished them: give ``scenarioDone(_:_:)`` to
/// ``ParallelReplications`` as its `scenarioDone`, then the builder to
/// ``Comparison/init(variants:results:seed:year:jobs:builder:)``, which makes what is left.
///
/// An entry needs its own scenario's summary and its baseline's (the paired differences), so it
/// is made by whichever call brings the second of the two. What is made depends only on the
/// results, never on the thread or the order: the comparison is the same whatever `--jobs`.
public final class ComparisonBuilder: @unchecked Sendable {
    private let variants: [Variant]
    private let year: DORAYear
    /// The index of each variant's baseline: the first variant of its family.
    private let baselines: [Int]
    /// What each thread reads and writes under the lock.
    private let lock = NSLock()
    private var summaries: [ScenarioSummary?]
    private var claimed: [Bool]
    private var made: [Comparison.Entry?]

    /// A builder for the comparison of `variants` (in their order, baselines first in each family).
    public init(variants: [Variant], year: DORAYear) {
        self.variants = variants
        self.year = year
        baselines = variants.map { v in variants.firstIndex { $0.family == v.family }! }
        summaries = Array(repeating: nil, count: variants.count)
        claimed = Array(repeating: false, count: variants.count)
        made = Array(repeating: nil, count: variants.count)
    }

    /// Scenario `s`'s replications are all done (`runs`, in replication order): summarizes it,
    /// unless that is done already, and makes every entry that now has both summaries it needs.
    public func scenarioDone(_ s: Int, _ runs: [ReplicationResult]) {
        if lock.withLock({ summaries[s] == nil }) {
            let summary = ScenarioSummary(runs)
            lock.withLock { if summaries[s] == nil { summaries[s] = summary } }
        }
        // The entries this summary may complete: its own, and those it is the baseline of.
        let ready: [(entry: Int, own: ScenarioSummary, baseline: ScenarioSummary)] = lock.withLock {
            variants.indices.compactMap { t in
                guard t == s || baselines[t] == s, !claimed[t], let own = summaries[t], let base = summaries[baselines[t]] else { return nil }
                claimed[t] = true
                return (t, own, base)
            }
        }
        for (t, own, base) in ready {
            let entry = makeEntry(t, own, base)
            lock.withLock { made[t] = entry }
        }
    }

    /// Every entry, in variant order; each scenario must have been done.
    func entries() -> [Comparison.Entry] {
        lock.withLock { made.map { $0! } }
    }

    private func makeEntry(_ i: Int, _ own: ScenarioSummary, _ baseline: ScenarioSummary) -> Comparison.Entry {
        let isBaseline = baselines[i] == i
        let metrics = own.metrics.map { summary in
            let difference = isBaseline ? nil : baseline.values(of: summary.name).flatMap { base in
                PairedDifference(baseline: base, values: own.values(of: summary.name) ?? [],
                                 range: MetricRegistry.definition(of: summary.name)?.quantity.intervalScale.range
                                     ?? -Double.infinity...Double.infinity)
            }
            return MetricComparison(summary: summary, difference: difference)
        }
        let dora = DORAClassification(year: year) { key in
            let summary = metrics.first { $0.name == key.metric }?.summary
            return (summary?.mean, summary?.note)
        }
        return Comparison.Entry(variant: variants[i], metrics: metrics, dora: dora, baseline: baselines[i], isBaseline: isBaseline,
                                growingQueue: own.growingQueue)
    }
}
