import SimStats

extension MetricsRecorder {
    /// The replication's metrics at the end of the run, in ``MetricRegistry`` order;
    /// `agingWip[s]` the ages of the items in stage s at the end (``Organization/agingWip(at:)``).
    /// `known`: the metric names of an earlier replication of the same scenario (``ReplicationPlan``),
    /// taken by position instead of building equal ones — which metrics a replication reports,
    /// and in which order, depends on its scenario only.
    func values(at end: Double, scenario: Scenario, fleet: [ServingModel], agingWip: [[Double]], known: [String]? = nil) -> [MetricValue] {
        let hours = end - windowStart
        let days = hours / 24, weeks = hours / 168
        let noDeploys = "no deployments after warm-up"
        let noChanges = "no changes reached production after warm-up"
        // Counts and totals per week of the measured window (one rule, read from the definition).
        let periods = hours / MetricDefinition.countPeriodHours
        var out: [MetricValue] = []
        out.reserveCapacity(128)
        // The next value's name: the known one at its position, else built.
        func knownName() -> String? {
            guard let known, out.count < known.count else { return nil }
            return known[out.count]
        }
        func add(_ metric: MetricDefinition, _ value: Double?, _ reason: String? = nil) {
            out.append(MetricValue(knownName() ?? metric.name, metric.quantity.isPerPeriod ? value.map { $0 / periods } : value, reason: reason))
        }
        func add(_ metric: MetricDefinition, _ suffix: @autoclosure () -> String, _ value: Double?, _ reason: String? = nil) {
            out.append(MetricValue(knownName() ?? metric.name(suffix()), metric.quantity.isPerPeriod ? value.map { $0 / periods } : value, reason: reason))
        }
        // The ML and economics areas' values, per week by the registry.
        func perPeriod(_ values: [MetricValue]) -> [MetricValue] {
            values.map { value in
                guard let v = value.value, MetricRegistry.definition(of: value.name)?.quantity.isPerPeriod == true else { return value }
                return MetricValue(value.name, v / periods)
            }
        }
        func tally(_ metric: MetricDefinition, _ t: Tally, _ reason: String) {
            add(metric, t.mean, reason)
            for (p, label) in [(0.5, "p50"), (0.85, "p85"), (0.95, "p95")] { add(metric, label, t.quantile(p), reason) }
        }
        // (Stages by index: a loop over the stages themselves would copy each ``Stage`` value,
        // and a name read from `scenario` in a closure would copy the whole scenario.)
        let stages = scenario.stages.indices
        let stageNames = scenario.stages.map(\.name)

        add(.deploymentFrequency, Double(deploy.deployments) / days)
        tally(.leadTimeForChanges, flow.leadTimeForChanges, noChanges)
        add(.changeFailureRate, deploy.deployments > 0 ? Double(deploy.failedDeployments) / Double(deploy.deployments) : nil, noDeploys)
        add(.timeToRestore, operations.timeToRestore.mean, "no failures were restored after warm-up")
        add(.deploymentReworkRate, deploy.deployments > 0 ? Double(deploy.reworkDeployments) / Double(deploy.deployments) : nil, noDeploys)
        add(.throughput, Double(flow.changesDeployed) / weeks)
        for c in scenario.demand.classes.indices {
            add(.throughput, scenario.demand.classes[c].name, Double(flow.changesByClass[c]) / weeks)
        }
        tally(.leadTime, flow.leadTime, noChanges)
        tally(.cycleTime, flow.cycleTime, noChanges)
        add(.wip, flow.totalWip.mean(at: end))
        for s in stages { add(.wip, stageNames[s], flow.stageWip[s].mean(at: end)) }
        add(.inProcess, flow.inProcess.mean(at: end))
        add(.backlog, flow.backlog.mean(at: end))
        add(.backlogWait, flow.backlogWait.mean, "no item started after warm-up")
        add(.flowEfficiency, flow.flowEfficiency.mean, noChanges)
        add(.blockedShare, flow.blockedShare.mean, noChanges)
        for s in stages {
            let noWork = scenario.stages[s].work == nil ? "the stage has no hands-on work" : "no work started at this stage after warm-up"
            add(.queueWait, stageNames[s], flow.queueWait[s].mean, noWork)
            add(.workHours, stageNames[s], flow.workHours[s].mean, noWork)
            add(.stageTime, stageNames[s], flow.residence[s].mean, "no item left this stage after warm-up")
            add(.stageEntries, stageNames[s], Double(flow.stageEntries[s]) / days)
            add(.blockedHours, stageNames[s], flow.changesDeployed > 0 ? flow.blockedHours[s] / Double(flow.changesDeployed) : nil, noChanges)
        }
        for s in stages {
            let ages = agingWip[s], empty = "no item in the stage at the end of the run"
            add(.agingWip, stageNames[s], ages.isEmpty ? nil : ages.reduce(0, +) / Double(ages.count), empty)
            add(.agingWip, stageNames[s] + ".p85", SampleStatistics.quantile(ages, 0.85), empty)
        }
        let delivered = Double(flow.changesDeployed)
        for (k, suffix) in ValueStreamSegments.emitted(scenario, named: known == nil) {
            add(.valueStream, suffix, flow.changesDeployed > 0 ? flow.segmentHours[k] / delivered : nil, noChanges)
        }
        for (t, team) in scenario.teams.enumerated() {
            let available = Double(team.people) * scenario.calendar.workingHours(from: windowStart, to: end)
            add(.utilization, team.name, available > 0 ? personHours[t] / available : nil, "the team has no working hours in the window")
        }
        add(.defectsInjected, Double(flow.defectsInjected))
        for s in stages { add(.defectsCaught, stageNames[s], Double(flow.defectsCaught[s])) }
        if scenario.deploy.canary != nil { add(.defectsCaught, "canary", Double(deploy.defectsCaughtInCanary)) }
        add(.escapedDefects, Double(flow.escapedDefects))
        add(.reworkRate, flow.changesDeployed > 0 ? Double(flow.reworkPasses) / Double(flow.changesDeployed) : nil, noChanges)
        add(.deployments, Double(deploy.deployments))
        add(.failedDeployments, Double(deploy.failedDeployments))
        add(.rollbacks, Double(deploy.rollbacks))
        add(.incidents, Double(operations.incidents))
        add(.userImpact, operations.userImpact)
        add(.changesPerDeployment, deploy.changesPerDeployment.mean, noDeploys)
        add(.flakyReruns, Double(tests.flakyReruns))
        add(.fixForwards, Double(operations.fixForwards))
        if let spec = scenario.ml {
            out += perPeriod(ml.values(fleet: fleet, windowStart: windowStart, end: end, decayPerHour: spec.gradualPerDay / 24))
        }
        if let economics = scenario.economics {
            out += perPeriod(self.economics.values(economics, scenario: scenario, windowStart: windowStart, end: end, userImpact: operations.userImpact))
        }
        return out
    }
}
