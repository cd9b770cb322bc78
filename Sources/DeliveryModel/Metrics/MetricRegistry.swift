/// Every metric the model reports, in report order: the four keys and DORA's rework rate, flow, people, quality,
/// deployment and operations, then the ML models.
public enum MetricRegistry {
    /// All definitions, in the order their values appear in a replication's results.
    public static let all: [MetricDefinition] = [
        .deploymentFrequency, .leadTimeForChanges, .changeFailureRate, .timeToRestore, .deploymentReworkRate,
        .throughput, .leadTime, .cycleTime, .wip, .inProcess, .backlog, .backlogWait, .flowEfficiency, .blockedShare,
        .queueWait, .workHours, .stageTime, .stageEntries, .blockedHours, .agingWip, .valueStream,
        .utilization,
        .defectsInjected, .defectsCaught, .escapedDefects, .reworkRate,
        .deployments, .failedDeployments, .rollbacks, .incidents, .userImpact, .changesPerDeployment,
        .flakyReruns, .fixForwards,
        .modelQuality, .modelDegradedFraction, .modelDetectionDelay, .retrainings, .failedRetrainings,
        .badModelsDeployed, .modelRollbacks, .modelRecovery, .modelFalseAlarms, .pipelineChanges, .pipelineBreaks,
        .costOfPeople, .costOfDelay, .costOfIncidents, .costTotal,
    ]

    private static let byName: [String: MetricDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The definition of an emitted metric name (`wip.develop` → `wip`), or nil if unknown.
    public static func definition(of metric: String) -> MetricDefinition? {
        if let exact = byName[metric] { return exact }
        guard let dot = metric.firstIndex(of: ".") else { return nil }
        return byName[String(metric[..<dot])]
    }

    /// The unit of an emitted metric name for tables; empty if unknown.
    public static func unit(of metric: String) -> String {
        definition(of: metric)?.unit ?? ""
    }
}
