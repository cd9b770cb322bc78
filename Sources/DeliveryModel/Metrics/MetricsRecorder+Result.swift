import SimStats

extension MetricsRecorder {
    /// The replication's metrics at the end of the run, in catalogue order.
    func values(at end: Double, scenario: Scenario) -> [MetricValue] {
        let hours = end - windowStart
        let days = hours / 24, weeks = hours / 168
        let noDeploys = "no deployments after warm-up"
        let noChanges = "no changes reached production after warm-up"
        var out: [MetricValue] = []
        func add(_ name: String, _ value: Double?, _ reason: String? = nil) { out.append(MetricValue(name, value, reason: reason)) }
        func tally(_ name: String, _ t: Tally, _ reason: String, quantiles: Bool = false) {
            add(name, t.mean, reason)
            if quantiles {
                for (p, label) in [(0.5, "p50"), (0.85, "p85"), (0.95, "p95")] { add("\(name).\(label)", t.quantile(p), reason) }
            }
        }

        add("deployment_frequency_per_day", Double(deployments) / days)
        tally("lead_time_for_changes_hours", leadTimeForChanges, noChanges, quantiles: true)
        add("change_failure_rate", deployments > 0 ? Double(failedDeployments) / Double(deployments) : nil, noDeploys)
        add("time_to_restore_hours", timeToRestore.mean, "no failures were restored after warm-up")
        add("throughput_per_week", Double(changesDeployed) / weeks)
        for (c, workClass) in scenario.demand.classes.enumerated() {
            add("throughput_per_week.\(workClass.name)", Double(changesByClass[c]) / weeks)
        }
        tally("lead_time_hours", leadTime, noChanges, quantiles: true)
        tally("cycle_time_hours", cycleTime, noChanges, quantiles: true)
        add("wip", totalWip.mean(at: end))
        for (s, stage) in scenario.stages.enumerated() { add("wip.\(stage.name)", stageWip[s].mean(at: end)) }
        add("in_process", inProcess.mean(at: end))
        add("flow_efficiency", flowEfficiency.mean, noChanges)
        for (s, stage) in scenario.stages.enumerated() {
            let noWork = stage.work == nil ? "the stage has no hands-on work" : "no work started at this stage after warm-up"
            add("queue_wait_hours.\(stage.name)", queueWait[s].mean, noWork)
            add("work_hours.\(stage.name)", workHours[s].mean, noWork)
            add("stage_time_hours.\(stage.name)", residence[s].mean, "no item left this stage after warm-up")
            add("stage_entries_per_day.\(stage.name)", Double(stageEntries[s]) / days)
        }
        for (t, team) in scenario.teams.enumerated() {
            let available = Double(team.people) * scenario.calendar.workingHours(from: windowStart, to: end)
            add("utilization.\(team.name)", available > 0 ? personHours[t] / available : nil, "the team has no working hours in the window")
        }
        add("defects_injected", Double(defectsInjected))
        for (s, stage) in scenario.stages.enumerated() { add("defects_caught.\(stage.name)", Double(defectsCaught[s])) }
        if scenario.deploy.canary != nil { add("defects_caught.canary", Double(defectsCaughtInCanary)) }
        add("escaped_defects", Double(escapedDefects))
        add("rework_rate", changesDeployed > 0 ? Double(reworkPasses) / Double(changesDeployed) : nil, noChanges)
        add("deployments", Double(deployments))
        add("failed_deployments", Double(failedDeployments))
        add("rollbacks", Double(rollbacks))
        add("incidents", Double(incidents))
        add("changes_per_deployment", changesPerDeployment.mean, noDeploys)
        add("flaky_reruns", Double(flakyReruns))
        add("fix_forwards", Double(fixForwards))
        return out
    }
}
