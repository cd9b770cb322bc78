extension MetricDefinition {
    public static let deploymentFrequency = MetricDefinition(
        "deployment_frequency_per_day", unit: "/day", "deployments per day",
        quantity: .rate, better: .higher, dora: .deploymentFrequency)
    public static let changeFailureRate = MetricDefinition(
        "change_failure_rate", unit: "failed/deploy", "share of deployments that failed or caused an incident",
        quantity: .share, better: .lower, dora: .changeFailureRate)
    /// DORA's fifth metric (2024): the share of deployments that were unplanned and made to fix
    /// a user-facing bug. In the model: fix-forwards (the hotfixes an incident creates, each
    /// released on its own) that reached production, over all deployments.
    public static let deploymentReworkRate = MetricDefinition(
        "deployment_rework_rate", unit: "rework/deploy",
        "share of deployments that were unplanned fixes for a user-facing failure (fix-forward hotfixes; DORA's rework rate)",
        quantity: .share, better: .lower)
    public static let deployments = MetricDefinition(
        "deployments", unit: "count", "deployments", quantity: .count, better: .higher)
    public static let failedDeployments = MetricDefinition(
        "failed_deployments", unit: "count", "deployments that failed or caused an incident", quantity: .count, better: .lower)
    public static let rollbacks = MetricDefinition(
        "rollbacks", unit: "count", "rollbacks (failed deployments, canaries, incident restores)", quantity: .count, better: .lower)
    public static let changesPerDeployment = MetricDefinition(
        "changes_per_deployment", unit: "changes/deploy", "changes per deployment", quantity: .ratio, better: .lower)
}
