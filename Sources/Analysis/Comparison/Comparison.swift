import DeliveryModel
import SimStats

/// One scenario in a comparison: a file, the overrides applied to it, the loaded scenario.
public struct Variant: Sendable {
    /// The name shown in reports (the scenario's name, or a what-if point's overrides).
    public var label: String
    /// The file it was loaded from.
    public var file: String
    /// The `key.path=value` overrides it was loaded with (beyond options common to all).
    public var overrides: [String]
    public var scenario: Scenario
    /// The fully resolved scenario document (after `extends` and every override) as YAML, when
    /// it was loaded from a file: exports copy it so that a result can be reproduced.
    public var resolvedYAML: String?
    /// The organization it belongs to (`compare --levels all`: `cd` or `mlops`). A scenario is
    /// paired with the first scenario of its own family, never across families; nil is one
    /// family for all.
    public var family: String?

    public init(label: String, file: String, overrides: [String] = [], scenario: Scenario, resolvedYAML: String? = nil,
                family: String? = nil) {
        self.family = family
        self.label = label
        self.file = file
        self.overrides = overrides
        self.scenario = scenario
        self.resolvedYAML = resolvedYAML
    }
}

/// The mean difference of a metric from the baseline, paired replication by replication.
///
/// Replication r of every scenario run with the same seed draws the same arrivals and work
/// sizes (common random numbers), so the per-replication differences d_r = x_r − baseline_r are
/// independent across r and the interval is the Student-t interval of their mean. The pairs are
/// positively correlated, which makes the interval narrower than one from two independent
/// samples. Only replications where both have a value are paired.
///
/// The interval stays on the natural scale (a difference may be negative), intersected with the
/// range a difference of the metric can take: for a share, [−1, 1]. Cutting an interval at the
/// bounds of the possible never lowers its coverage (the true difference is always inside
/// them), so the intersection is not a clamp that hides uncertainty: it removes only values
/// no data could support.
public struct PairedDifference: Sendable, Equatable {
    /// Mean of x − baseline, and its 95% interval.
    public var mean: Double
    public var low: Double
    public var high: Double
    /// Replications paired.
    public var n: Int
    /// 100 × mean difference / baseline mean over the same replications; nil if that mean is 0.
    public var percent: Double?

    /// The paired difference of `values` from `baseline` (per replication, nil where none), or
    /// nil with fewer than two pairs.
    /// `range` is the range of the metric itself (the difference's is its width either way).
    public init?(baseline: [Double?], values: [Double?], range: ClosedRange<Double> = -Double.infinity...Double.infinity,
                 level: Double = 0.95) {
        let pairs = zip(baseline, values).compactMap { b, x in b.flatMap { b in x.map { (b, $0) } } }
        guard let ci = ConfidenceInterval.paired(pairs.map(\.0), pairs.map(\.1), level: level) else { return nil }
        let widest = range.upperBound - range.lowerBound
        mean = ci.mean
        low = max(ci.low, -widest)
        high = min(ci.high, widest)
        n = ci.count
        let base = pairs.reduce(0) { $0 + $1.0 } / Double(pairs.count)
        percent = base == 0 ? nil : 100 * ci.mean / base
    }

    /// True if the interval lies wholly on one side of zero.
    public var excludesZero: Bool { low > 0 || high < 0 }
}

/// One metric of one scenario: its summary and, after the baseline, its paired difference.
public struct MetricComparison: Sendable {
    public var summary: MetricSummary
    /// Nil for the baseline, or when fewer than two replications have both values.
    public var difference: PairedDifference?
    public var name: String { summary.name }
}

/// Several scenarios run with the same seed and replication count, each summarized, compared
/// pairwise with the first (the baseline), and classified against DORA.
public struct Comparison: Sendable {
    /// One scenario's results.
    public struct Entry: Sendable {
        public var variant: Variant
        /// Every metric in the order the model reports it.
        public var metrics: [MetricComparison]
        public var dora: DORAClassification
        /// The index of the entry it is paired with: the first of its family (itself for a baseline).
        public var baseline: Int
        /// True for the first scenario of a family: it has no differences.
        public var isBaseline: Bool
        /// A queue that kept growing in most replications (demand beyond what the flow lets
        /// through): the first such replication's, or nil.
        public var growingQueue: QueueGrowth?

        /// The metric called `name`, if this scenario has it.
        public func metric(_ name: String) -> MetricComparison? { metrics.first { $0.name == name } }
    }

    public var year: DORAYear
    public var replications: Int
    public var seed: UInt64
    /// The baseline first.
    public var entries: [Entry]

    /// Every metric name of any entry, in order of first appearance (the baseline's first).
    public var metricNames: [String] {
        var seen = Set<String>()
        return entries.flatMap { $0.metrics.map(\.name) }.filter { seen.insert($0).inserted }
    }

    /// The weeks of each scenario's measured window (horizon minus warm-up), by which counts and
    /// totals are divided (``MetricDefinition/countPeriodHours``).
    public var windowText: String {
        "counts per \(MetricDefinition.countPeriodName) of the measured window: \(window)"
    }

    /// Each scenario's measured window in words ("150 days after a 30-day warm-up"), grouped.
    public var window: String {
        var groups: [(text: String, labels: [String])] = []
        for entry in entries {
            let s = entry.variant.scenario
            func days(_ hours: Double) -> String { (hours / 24).rounded() == hours / 24 ? NumberText.fixed(hours / 24, 0) : NumberText.short(hours / 24) }
            let text = "\(days(s.horizon - s.warmup)) days after a \(days(s.warmup))-day warm-up"
            if let i = groups.firstIndex(where: { $0.text == text }) { groups[i].labels.append(entry.variant.label) } else { groups.append((text, [entry.variant.label])) }
        }
        return groups.count == 1 ? groups[0].text : groups.map { "\($0.text) (\($0.labels.joined(separator: ", ")))" }.joined(separator: "; ")
    }

    /// Summarizes `results[i]` (replications `0..<n` of `variants[i]`, in order) against the
    /// results of the first variant of its family, on up to `jobs` threads (the comparison does
    /// not depend on it). What `builder` already made — on the workers of the run, as each
    /// scenario finished (``ParallelReplications/ScenarioDone``) — is taken as it is.
    public init(variants: [Variant], results: [[ReplicationResult]], seed: UInt64, year: DORAYear,
                jobs: Int = ParallelReplications.defaultJobs, builder: ComparisonBuilder? = nil) {
        precondition(variants.count == results.count, "one result list per variant")
        self.year = year
        self.seed = seed
        replications = results.first?.count ?? 0
        let builder = builder ?? ComparisonBuilder(variants: variants, year: year)
        // Whatever is not made yet (all of it without a builder) is made here, in parallel.
        _ = ParallelMap.map(variants.count, jobs: jobs) { s in builder.scenarioDone(s, results[s]) }
        entries = builder.entries()
    }

    /// Runs every variant with `seed` and `replications` (overriding their files', so that
    /// replication r of each uses the same random streams) on `jobs` workers, and compares them.
    public static func run(_ variants: [Variant], replications: Int, seed: UInt64, year: DORAYear = .newestWithClusters,
                           jobs: Int = ParallelReplications.defaultJobs, maxEvents: Int = .max) throws -> Comparison {
        try runKeepingResults(variants, replications: replications, seed: seed, year: year, jobs: jobs,
                              options: RunOptions(maxEvents: maxEvents)).comparison
    }

    /// Like ``run(_:replications:seed:year:jobs:maxEvents:)``, recording what `options` asks
    /// for (flow snapshots, item records), and returning the replications' results as well:
    /// `results[s][r]` is replication r of scenario s. `progress` is called after every
    /// replication with (done, total), from worker threads.
    public static func runKeepingResults(_ variants: [Variant], replications: Int, seed: UInt64, year: DORAYear = .newestWithClusters,
                                         jobs: Int = ParallelReplications.defaultJobs, options: RunOptions = RunOptions(),
                                         progress: ParallelReplications.Progress? = nil,
                                         stop: StopRequest? = nil) throws -> (comparison: Comparison, results: [[ReplicationResult]]) {
        let aligned = variants.map { v -> Variant in
            var v = v
            v.scenario.seed = seed
            v.scenario.replications = replications
            return v
        }
        // Each scenario is summarized by the worker that finishes its last replication, while the
        // other workers still run: little is left to do once the last replication is done.
        let builder = ComparisonBuilder(variants: aligned, year: year)
        do {
            let results = try ParallelReplications.run(aligned.map(\.scenario), replications: replications, jobs: jobs,
                                                       options: options, progress: progress, stop: stop,
                                                       scenarioDone: builder.scenarioDone)
            return (Comparison(variants: aligned, results: results, seed: seed, year: year, jobs: jobs, builder: builder), results)
        } catch let interrupted as RunInterrupted {
            throw ComparisonInterrupted(requested: replications, completed: interrupted.completed, variants: aligned,
                                        results: interrupted.results, seed: seed, year: year, jobs: jobs)
        }
    }
}

/// A comparison stopped early (Ctrl-C): the replications `0..<completed` that every scenario
/// finished, still paired; ``comparison`` compares them (nil with fewer than two).
public struct ComparisonInterrupted: Error, Sendable {
    public var requested: Int
    public var completed: Int
    public var variants: [Variant]
    public var results: [[ReplicationResult]]
    public var seed: UInt64
    public var year: DORAYear
    /// The threads that summarize them.
    public var jobs: Int = ParallelReplications.defaultJobs

    public var comparison: Comparison? {
        completed >= 2 ? Comparison(variants: variants, results: results, seed: seed, year: year, jobs: jobs) : nil
    }
}
