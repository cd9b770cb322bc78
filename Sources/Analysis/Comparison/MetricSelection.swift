import DeliveryModel

/// Which metrics a terminal view shows (`--metrics keys|flow|quality|ml|cost|all|NAME,...`).
///
/// The groups are made of the registry's definitions: `keys` the four DORA keys (the
/// definitions with a ``DORAKey``) with throughput and arrival → production lead time; `flow`
/// the value stream and its people; `quality` tests, defects, deployments and operations; `ml`
/// the models; `cost` the `economics` section's costs. Every definition of ``MetricRegistry/all``
/// is in `flow`, `quality`, `ml`, `cost` or is
/// a DORA key (a test holds this). A group shows each metric's base name (`wip`, not
/// `wip.develop`); `all` shows every emitted name; names (base or emitted, e.g.
/// `lead_time_hours.p85`) show those.
public struct MetricSelection: Sendable, Equatable {
    /// The emitted names to show, or nil for every emitted name (`all`).
    public var names: [String]?
    /// True for the default `keys` view (it adds the DORA cluster).
    public var isKeys: Bool

    /// The default: the four keys, throughput, arrival → production lead time.
    public static let keys = MetricSelection(names: keyNames, isKeys: true)

    /// The group names `--metrics` takes besides metric names.
    public static let groups = ["keys", "flow", "quality", "ml", "cost", "all"]

    static let keyNames = DORAKey.allCases.map(\.metric) + [MetricDefinition.throughput.name, MetricDefinition.leadTime.name]

    /// The value stream and its people.
    public static let flow: [MetricDefinition] = [
        .throughput, .leadTime, .cycleTime, .wip, .inProcess, .backlog, .backlogWait, .flowEfficiency, .queueWait,
        .workHours, .stageTime, .stageEntries, .utilization, .blockedShare, .blockedHours, .agingWip, .valueStream,
    ]
    /// Tests, defects, deployments and operations.
    public static let quality: [MetricDefinition] = [
        .changeFailureRate, .deploymentReworkRate, .defectsInjected, .defectsCaught, .escapedDefects, .reworkRate,
        .flakyReruns, .deployments, .failedDeployments, .rollbacks, .changesPerDeployment, .timeToRestore, .incidents,
        .userImpact, .fixForwards,
    ]
    /// The models of the ML area.
    public static let ml: [MetricDefinition] = [
        .modelQuality, .modelDegradedFraction, .modelDetectionDelay, .retrainings, .failedRetrainings, .badModelsDeployed,
        .modelRollbacks, .modelRecovery, .modelFalseAlarms, .pipelineChanges, .pipelineBreaks,
    ]

    /// What people, delay and incidents cost (scenarios with an `economics` section).
    public static let cost: [MetricDefinition] = [.costTotal, .costOfPeople, .costOfDelay, .costOfIncidents]

    public init(names: [String]?, isKeys: Bool = false) {
        self.names = names
        self.isKeys = isKeys
    }

    /// Parses `--metrics`: a group, or comma-separated metric names (base or emitted).
    public init(parsing text: String) throws(MetricSelectionError) {
        switch text {
        case "keys": self = .keys
        case "flow": self.init(names: Self.flow.map(\.name))
        case "quality": self.init(names: Self.quality.map(\.name))
        case "ml": self.init(names: Self.ml.map(\.name))
        case "cost": self.init(names: Self.cost.map(\.name))
        case "all": self.init(names: nil)
        default:
            let names = text.split(separator: ",").map { String($0).trimmingSpaces }
            let unknown = names.filter { MetricRegistry.definition(of: $0) == nil }
            guard !names.isEmpty, unknown.isEmpty else {
                throw MetricSelectionError(text: text, unknown: unknown)
            }
            self.init(names: names)
        }
    }

    /// The names to show of a comparison whose metrics are `available` (in order): the selected
    /// names it has, in the order selected (`all`: every available name).
    public func names(in available: [String]) -> [String] {
        guard let names else { return available }
        let have = Set(available)
        return names.filter { have.contains($0) }
    }

    /// A column title of two lines for `metric`: words for the headline metrics, the name
    /// (and its suffix on a line of its own) for the others.
    public static func title(_ metric: String) -> [String] {
        switch metric {
        case DORAKey.deploymentFrequency.metric: return ["deploy", "frequency"]
        case DORAKey.leadTime.metric: return ["lead time", "(changes)"]
        case DORAKey.changeFailureRate.metric: return ["change", "fail rate"]
        case DORAKey.timeToRestore.metric: return ["time to", "restore"]
        case MetricDefinition.throughput.name: return ["through-", "put"]
        case MetricDefinition.leadTime.name: return ["lead time", "(arrival)"]
        default:
            guard let dot = metric.firstIndex(of: ".") else { return [metric] }
            return [String(metric[..<dot]), String(metric[metric.index(after: dot)...])]
        }
    }

    /// A one-line name in words for `metric` (rows of `run`).
    public static func words(_ metric: String) -> String {
        if let headline = Headline.metrics.first(where: { $0.metric == metric }) { return headline.words }
        return metric
    }
}

/// `--metrics` named something that is neither a group nor a metric.
public struct MetricSelectionError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var unknown: [String]
    public var description: String {
        "--metrics takes \(MetricSelection.groups.joined(separator: ", ")) or metric names separated by commas (see `deliverysim metrics`); unknown: \(unknown.isEmpty ? text : unknown.joined(separator: ", "))"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
