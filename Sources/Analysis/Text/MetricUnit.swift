/// The unit of a metric, for the unit column of console tables. Metric names carry their unit
/// (`lead_time_for_changes_hours`, `deployment_frequency_per_day`); this spells it out short,
/// and names the unit of the names that do not carry one (shares, counts, items).
public enum MetricUnit {
    /// `h`, `/day`, `/week`, `share`, `items`, `count`, …; empty if unknown.
    public static func of(_ metric: String) -> String {
        let base = metric.split(separator: ".", maxSplits: 1).first.map(String.init) ?? metric
        if let unit = named[base] { return unit }
        if base.hasSuffix("_hours") { return "h" }
        if base.hasSuffix("_per_day") { return "/day" }
        if base.hasSuffix("_per_week") { return "/week" }
        if counts.contains(base) { return "count" }
        return ""
    }

    private static let named: [String: String] = [
        "change_failure_rate": "failed/deploy",
        "rework_rate": "passes/change",
        "changes_per_deployment": "changes/deploy",
        "flow_efficiency": "share",
        "utilization": "share",
        "model_degraded_fraction": "share",
        "model_quality": "quality",
        "wip": "items",
        "in_process": "items",
    ]

    private static let counts: Set<String> = [
        "defects_injected", "defects_caught", "escaped_defects", "deployments", "failed_deployments", "rollbacks",
        "incidents", "flaky_reruns", "fix_forwards", "retrainings", "failed_retrainings", "bad_models_deployed",
        "model_rollbacks", "model_false_alarms", "pipeline_changes", "pipeline_breaks",
    ]
}
