/// One metric of one replication: a value, or none with the reason.
public struct MetricValue: Sendable, Equatable {
    /// The metric's name, e.g. `lead_time_for_changes_hours.p85` or `wip.develop`.
    public var name: String
    /// The value, or nil when the run had no events to measure it by.
    public var value: Double?
    /// Why `value` is nil.
    public var reason: String?

    public init(_ name: String, _ value: Double?, reason: String? = nil) {
        self.name = name
        self.value = value
        self.reason = value == nil ? (reason ?? "no events to measure") : nil
    }
}

/// What one replication of a scenario measured, metrics in a fixed order.
public struct ReplicationResult: Sendable {
    public var replication: Int
    public var metrics: [MetricValue]
    /// Events the kernel handled.
    public var events: Int
    /// Work items that arrived (whole run, warm-up included).
    public var itemsArrived: Int
    /// Snapshots of the value stream, with `RunOptions.flowInterval`.
    public var flow: [FlowSnapshot] = []
    /// Every change that reached production, with `RunOptions.recordItems`.
    public var items: [ItemRecord] = []

    public init(replication: Int, metrics: [MetricValue], events: Int, itemsArrived: Int,
                flow: [FlowSnapshot] = [], items: [ItemRecord] = []) {
        self.replication = replication
        self.metrics = metrics
        self.events = events
        self.itemsArrived = itemsArrived
        self.flow = flow
        self.items = items
    }

    /// The value of the metric called `name`, if it has one.
    public subscript(name: String) -> Double? {
        metrics.first { $0.name == name }?.value
    }
}

/// The metric catalogue: names, units and meaning, as used in tables, JSON, CSV and docs.
public enum MetricCatalog {
    /// The four keys of DORA, by their metric names.
    public static let fourKeys = [
        "deployment_frequency_per_day", "lead_time_for_changes_hours", "change_failure_rate", "time_to_restore_hours",
    ]

    /// A one-line meaning of each base metric name (the part before a `.`).
    public static let meanings: [String: String] = [
        "deployment_frequency_per_day": "deployments per day",
        "lead_time_for_changes_hours": "development done (last commit) → running in production",
        "change_failure_rate": "share of deployments that failed or caused an incident",
        "time_to_restore_hours": "failure begins (failing deployment) → service restored",
        "throughput_per_week": "changes reaching production per week",
        "lead_time_hours": "arrival → running in production",
        "cycle_time_hours": "first pulled into the first stage → running in production",
        "wip": "time-average items in the stages",
        "in_process": "time-average items started and not yet in production",
        "flow_efficiency": "hands-on working hours / lead time, mean over changes",
        "queue_wait_hours": "wait for a person at a stage, per visit",
        "work_hours": "hands-on working hours at a stage, per visit",
        "stage_time_hours": "time in a stage, per visit (queue, handoff, work, tests, blocked)",
        "stage_entries_per_day": "visits to a stage per day (rework passes included)",
        "utilization": "share of a team's working hours spent on tasks",
        "defects_injected": "latent defects left by work",
        "defects_caught": "latent defects found by a stage's review or suites (canary: by canaries)",
        "escaped_defects": "latent defects that reached production",
        "rework_rate": "rework passes per change reaching production",
        "deployments": "deployments",
        "failed_deployments": "deployments that failed or caused an incident",
        "rollbacks": "rollbacks (failed deployments, canaries, incident restores)",
        "incidents": "production incidents",
        "changes_per_deployment": "changes per deployment",
        "flaky_reruns": "test runs repeated because of a flaky failure",
        "fix_forwards": "fix-forward items created for incidents",
        "model_quality": "time-average quality of the ML models",
        "model_degraded_fraction": "share of model-time below the quality threshold",
        "model_detection_delay_hours": "degradation begins → noticed (monitoring or user reports)",
        "retrainings": "retraining runs started",
        "failed_retrainings": "retraining runs that failed (broken pipeline, bad model caught by validation)",
        "bad_models_deployed": "bad retrained models that reached production",
        "model_rollbacks": "bad models rolled back to the previous model",
        "model_recovery_hours": "quality falls below the threshold → a good model serves again",
        "model_false_alarms": "monitoring alerts without a degradation",
        "pipeline_changes": "changes to the ML training pipeline",
        "pipeline_breaks": "times the training pipeline broke",
    ]
}
