extension MetricDefinition {
    public static let leadTimeForChanges = MetricDefinition(
        "lead_time_for_changes_hours", unit: "h", "development done (last commit) → running in production",
        quantity: .duration, better: .lower, dora: .leadTime, variants: percentiles)
    public static let throughput = MetricDefinition(
        "throughput_per_week", unit: "/week", "changes reaching production per week (in all, and per class)",
        quantity: .rate, better: .higher, variants: ["", ".<class>"])
    public static let leadTime = MetricDefinition(
        "lead_time_hours", unit: "h", "arrival → running in production", quantity: .duration, better: .lower, variants: percentiles)
    public static let cycleTime = MetricDefinition(
        "cycle_time_hours", unit: "h", "first pulled into the first stage → running in production",
        quantity: .duration, better: .lower, variants: percentiles)
    public static let wip = MetricDefinition(
        "wip", unit: "items", "time-average items in the stages (in all, and per stage)",
        quantity: .level, better: .neither, variants: ["", ".<stage>"])
    public static let inProcess = MetricDefinition(
        "in_process", unit: "items", "time-average items started and not yet in production", quantity: .level, better: .neither)
    public static let backlog = MetricDefinition(
        "backlog", unit: "items", "time-average items arrived and not yet started (waiting before the first stage)",
        quantity: .level, better: .lower)
    public static let backlogWait = MetricDefinition(
        "backlog_wait_hours", unit: "h", "arrival → first pulled into the first stage, per item", quantity: .duration, better: .lower)
    public static let flowEfficiency = MetricDefinition(
        "flow_efficiency", unit: "share", "hands-on working hours / lead time, mean over changes", quantity: .share, better: .higher)
    public static let queueWait = MetricDefinition(
        "queue_wait_hours", unit: "h", "wait for a person at a stage, per visit", quantity: .duration, better: .lower, variants: [".<stage>"])
    public static let workHours = MetricDefinition(
        "work_hours", unit: "h", "hands-on working hours at a stage, per visit", quantity: .duration, better: .neither, variants: [".<stage>"])
    public static let stageTime = MetricDefinition(
        "stage_time_hours", unit: "h", "time in a stage, per visit (queue, handoff, work, tests, blocked)",
        quantity: .duration, better: .lower, variants: [".<stage>"])
    public static let valueStream = MetricDefinition(
        "value_stream_hours", unit: "h",
        "hours per change reaching production spent in each part of the value stream, arrival → production: the backlog, "
            + "each stage's queue (waiting for room or a person), handoff, blocked, work (elapsed) and tests, the wait for a release, "
            + "approval, the deploy queue, deployment, a failed deployment until rolled back, canary, and time in production "
            + "before a rollback or revert; the parts add up to lead_time_hours",
        quantity: .duration, better: .lower,
        variants: [".backlog", ".<stage>.queue", ".<stage>.handoff", ".<stage>.blocked", ".<stage>.work", ".<stage>.tests", ".release_wait", ".approval",
                   ".deploy_queue", ".deployment", ".failed_deployment", ".canary", ".rolled_back"])
    public static let blockedHours = MetricDefinition(
        "blocked_hours", unit: "h", "hours blocked at a stage per change delivered (blockers lifted in the window / changes delivered)",
        quantity: .duration, better: .lower, variants: [".<stage>"])
    public static let agingWip = MetricDefinition(
        "aging_wip_hours", unit: "h",
        "the age (hours since it started: pulled into the first stage) of the items in each stage at the end of the run — working, "
            + "waiting, blocked or done and waiting for the next stage: the mean and the 85th percentile (Vacanti's aging work in "
            + "progress); none when the stage is empty at the end",
        quantity: .duration, better: .lower, variants: [".<stage>", ".<stage>.p85"])
    public static let blockedShare = MetricDefinition(
        "blocked_share", unit: "share", "share of lead time spent blocked, mean over changes", quantity: .share, better: .lower)
    public static let stageEntries = MetricDefinition(
        "stage_entries_per_day", unit: "/day", "visits to a stage per day (rework passes included)",
        quantity: .rate, better: .neither, variants: [".<stage>"])
    public static let defectsInjected = MetricDefinition(
        "defects_injected", unit: "count", "latent defects left by work", quantity: .count, better: .lower)
    public static let defectsCaught = MetricDefinition(
        "defects_caught", unit: "count", "latent defects found by a stage's review or suites (canary: by canaries)",
        quantity: .count, better: .neither, variants: [".<stage>", ".canary"])
    public static let escapedDefects = MetricDefinition(
        "escaped_defects", unit: "count", "latent defects that reached production", quantity: .count, better: .lower)
    public static let reworkRate = MetricDefinition(
        "rework_rate", unit: "passes/change", "rework passes per change reaching production", quantity: .ratio, better: .lower)
}
