extension MetricDefinition {
    public static let utilization = MetricDefinition(
        "utilization", unit: "share", "share of a team's working hours spent on tasks",
        quantity: .share, better: .neither, variants: [".<team>"])
}
