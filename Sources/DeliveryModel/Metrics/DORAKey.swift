/// The four keys of DORA, by the metric that measures each.
public enum DORAKey: String, CaseIterable, Sendable {
    case deploymentFrequency = "deployment_frequency_per_day"
    case leadTime = "lead_time_for_changes_hours"
    case changeFailureRate = "change_failure_rate"
    case timeToRestore = "time_to_restore_hours"

    /// The metric's name in tables, JSON and CSV.
    public var metric: String { rawValue }

    /// The metric's definition.
    public var definition: MetricDefinition { MetricRegistry.definition(of: rawValue)! }
}
