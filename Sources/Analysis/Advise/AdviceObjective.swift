import DeliveryModel

/// What `advise --objective` ranks the steps by: each objective is one quantity per replication,
/// compared paired with the baseline, and the steps are ranked by its relative improvement.
public enum AdviceObjective: String, CaseIterable, Sendable {
    /// Lead time for changes (commit → production), lower is better: the default.
    case leadTime = "lead-time"
    /// `cost_total` per week plus the step's running cost (`economics.steps`), lower is better.
    case cost
    /// Hours of failure per deployment: change failure rate × time to restore, lower is better.
    /// One number for DORA's two stability keys: the expected hours a deployment leaves
    /// production failed (a replication without failed deployments counts 0).
    case stability
    /// Changes delivered per week, higher is better.
    case throughput

    /// The name the quantity goes by in tables and JSON: a registry metric, or (stability) the
    /// derived `failure_hours_per_deployment`.
    public var metric: String {
        switch self {
        case .leadTime: MetricDefinition.leadTimeForChanges.name
        case .cost: MetricDefinition.costTotal.name
        case .stability: "failure_hours_per_deployment"
        case .throughput: MetricDefinition.throughput.name
        }
    }

    public var higherIsBetter: Bool { self == .throughput }

    /// The quantity in words, for headings.
    public var words: String {
        switch self {
        case .leadTime, .throughput: MetricSelection.words(metric)
        case .cost: "cost per week (people, delay and incidents, plus the step's running cost)"
        case .stability: "hours of failure per deployment (change failure rate × time to restore)"
        }
    }

    /// The quantity in a few words, for the best step's line.
    public var shortWords: String {
        switch self {
        case .leadTime, .throughput: MetricSelection.words(metric)
        case .cost: "cost per week"
        case .stability: "hours of failure per deployment"
        }
    }

    /// A value (and interval) in human units: a metric's own, money as two significant digits,
    /// failure hours as a duration.
    func text(_ mean: Double?, low: Double? = nil, high: Double? = nil, form: HumanUnits.Form = .short) -> String {
        guard let mean else { return "—" }
        switch self {
        case .leadTime, .throughput: return HumanUnits.metric(metric, mean: mean, low: low, high: high, form: form)
        case .stability: return HumanUnits.duration(hours: mean, low: low, high: high, form: form)
        case .cost:
            guard let low, let high else { return HumanUnits.rounded(mean) }
            return "\(HumanUnits.rounded(mean)) \(HumanUnits.interval(low, high))"
        }
    }

    /// The column title in tables.
    var title: [String] {
        switch self {
        case .leadTime, .throughput: MetricSelection.title(metric)
        case .cost: ["cost", "/week"]
        case .stability: ["failure h", "/deploy"]
        }
    }

    /// The quantity of one replication, plus `running` (a step's running cost per week, for cost).
    func value(_ run: ReplicationResult, running: Double) -> Double? {
        func metric(_ name: String) -> Double? { run.metrics.first { $0.name == name }?.value }
        switch self {
        case .leadTime, .throughput: return metric(self.metric)
        case .cost: return metric(self.metric).map { $0 + running }
        case .stability:
            guard let failure = metric(MetricDefinition.changeFailureRate.name) else { return nil }
            if failure == 0 { return 0 }
            return metric(MetricDefinition.timeToRestore.name).map { failure * $0 }
        }
    }

    /// Why `scenario` cannot be ranked by this objective, or nil.
    public func unavailable(for scenario: Scenario) -> String? {
        guard self == .cost, scenario.economics == nil else { return nil }
        return "--objective cost needs an `economics` section in \(scenario.name) (the cost of people, delay and incidents; scenarios/README.md)"
    }
}

/// How many weeks a step's saving takes to repay its one-off cost: one-off ÷ (weekly saving −
/// running cost), the saving being the paired reduction of `cost_total` per week. The interval
/// comes from the saving's paired 95% interval; nil ends mean "never" (that end of the saving
/// does not cover the running cost).
public struct Payback: Sendable, Equatable {
    public var weeks: Double
    /// The optimistic end (from the upper end of the saving).
    public var low: Double
    /// The pessimistic end; nil: never (the lower end of the saving does not cover the running cost).
    public var high: Double?

    /// The payback of `oneOff` from a net weekly cost difference `net` (the step's cost minus the
    /// baseline's, running cost included; negative saves), or nil (never) when it saves nothing.
    init?(oneOff: Double, net: PairedDifference) {
        func weeks(_ saving: Double) -> Double? { saving > 0 ? oneOff / saving : nil }
        guard let mean = weeks(-net.mean) else { return nil }
        self.weeks = mean
        self.low = weeks(-net.low) ?? mean
        self.high = weeks(-net.high)
    }
}
