import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom

/// The runnable scenario of a calibrated value stream, and the per-item values it resamples.
///
/// The stream is reproduced as the data shows it, not explained: each stage's queue wait becomes
/// its `handoff` (a delay that holds no person) and each team has as many people as items were
/// ever in its active statuses at once, so that waiting happens where the data shows it and
/// nowhere else; each stage's work is per class (`demand.classes.*.work`); backward moves become
/// a defect found by the stage's own work (`defect_probability` = the chance, `detection: 1`,
/// sending the item back to the first stage, as the model's rework does), with the rework
/// passes' work as `rework_fraction`; blocked time becomes `blockers`. From the deployment log:
/// the release policy, and a deployment that fails or causes an incident becomes a failed
/// deployment rolled back after the restore time. Without it: continuous release, the wait
/// after the last stage as `release.approval`. Durations are clock hours (24/7 calendar).
extension StreamCalibration {
    /// What the scenario draws from: one column per distribution of `values`.
    public struct Values: Sendable {
        public var columns: [(name: String, values: [Double])] = []
        /// One `name,name,…` CSV with columns of different lengths (empty cells are missing values).
        public func csv() -> String {
            var out = columns.map { CSVText.field($0.name) }.joined(separator: ",") + "\r\n"
            let rows = columns.map(\.values.count).max() ?? 0
            for r in 0..<rows {
                out += columns.map { r < $0.values.count ? "\($0.values[r])" : "" }.joined(separator: ",") + "\r\n"
            }
            return out
        }
    }

    /// The chance that a change deployed carries a defect that causes an incident: incidents over
    /// the changes deployed (done items, plus those that came back and were deployed again).
    func escapeProbability(_ log: DeliveryLog?) -> (p: Double, incidents: Int, changes: Int)? {
        guard let log, !log.incidents.isEmpty, !log.deployments.isEmpty else { return nil }
        let changes = leadTimes.count + reopened
        guard changes > 0 else { return nil }
        return (min(1, Double(log.incidents.count) / Double(changes)), log.incidents.count, changes)
    }

    /// The scenario as YAML (comments give each parameter's data) and the values it resamples
    /// from `valuesFile`; with `fit`, durations are fitted instead (values with zeros stay resampled).
    public func scenario(name: String, valuesFile: String, fit: FitFamily?, log: DeliveryLog?, wipLimits: Bool) throws -> (yaml: String, values: Values) {
        var values = Values()
        var notes: [String] = []
        func distribution(_ column: String, _ sample: [Double]) throws -> YAMLValue {
            if let fit, sample.count >= 2, sample.allSatisfy({ $0 > 0 }) {
                let d = try Distribution.fit(fit, to: sample)
                let parameters = d.parameters.compactMap { name, value -> (key: String, value: YAMLValue)? in
                    if case .number(let x) = value { return (name, .plain("\(x)")) }
                    return nil
                }
                return .mapping([(d.family, .mapping(parameters, flow: true))], flow: true)
            }
            values.columns.append((column, sample))
            return .mapping([("empirical", .mapping([("csv", .string(valuesFile)), ("column", .string(column)), ("unit", .plain("h"))], flow: true))], flow: true)
        }
        func probability(_ p: Double) -> YAMLValue { .plain("\(min(1, max(0, (p * 1e6).rounded() / 1e6)))") }
        let a = arrivals
        notes.append("Calibrated by `deliverysim calibrate` from \((history.file as NSString).lastPathComponent) (\(history.shape.rawValue) status history): "
                     + "\(history.itemCount) items, \(leadTimes.count) done, \(openAges.count) open, \(history.rejected.count) rows left out.")
        notes.append("demand.arrivals: \(created.count) items created, \(NumberText.fixed(a.rate * 24, 2)) a day; gaps mean \(NumberText.fixed(a.gapMean, 1)) h, "
                     + "coefficient of variation \(NumberText.fixed(a.gapCV, 2)) (1 for a Poisson stream)."
                     + (a.weeks >= 4 && abs(a.trend) > 3 * a.trendSE
                        ? " Trend: \(NumberText.fixed(a.trend, 2)) items/week gained per week (±\(NumberText.fixed(a.trendSE, 2))); the scenario uses the mean rate (its arrivals are stationary)."
                        : " No trend in the weekly counts (within 3 standard errors)."))
        notes.append("demand.classes: " + classes.map { "\($0.name) \($0.count) items (\(NumberText.fixed($0.share * 100, 1))%)" }.joined(separator: ", "))
        // Class shares to 6 decimals, the last absorbing the rounding.
        var classEntries: [(key: String, value: YAMLValue)] = []
        var shareSoFar = 0.0
        for (c, cls) in classes.enumerated() {
            let share = c == classes.count - 1 ? 1 - shareSoFar : (cls.share * 1e6).rounded() / 1e6
            shareSoFar += share
            var fields: [(key: String, value: YAMLValue)] = [("share", .plain("\(share)"))]
            var work: [(key: String, value: YAMLValue)] = []
            for stage in stages where stage.work[c].count >= 2 {
                work.append((stage.name, try distribution("work \(stage.name) \(cls.name)", stage.work[c])))
            }
            if !work.isEmpty { fields.append(("work", .mapping(work, flow: false))) }
            classEntries.append((cls.name, .mapping(fields)))
        }
        var stageValues: [YAMLValue] = []
        for (s, stage) in stages.enumerated() {
            var fields: [(key: String, value: YAMLValue)] = [("name", .string(stage.name)), ("team", .string(stage.team))]
            let wait = SampleSummary(stage.wait)
            notes.append("stages[\(s)] \(stage.name): \(stage.visits) visits; wait (handoff) \(wait.text); "
                         + classes.indices.map { "work \(classes[$0].name) \(SampleSummary(stage.work[$0]).text)" }.joined(separator: "; ")
                         + "; per-class wait " + classes.indices.map { "\(classes[$0].name) \(SampleSummary(stage.waitByClass[$0]).text)" }.joined(separator: ", "))
            if wait.mean > 0 { fields.append(("handoff", try distribution("handoff \(stage.name)", stage.wait))) }
            let all = stage.allWork
            fields.append(("work", try distribution("work \(stage.name)", all.isEmpty ? stage.reworkWork : all)))
            if wipLimits, stage.peakWip > 0, stage.shareAtPeak >= 0.1 { fields.append(("wip_limit", .plain("\(stage.peakWip)"))) }
            notes.append("  wip: at most \(stage.peakWip) items at once, \(NumberText.fixed(stage.shareAtPeak * 100, 1))% of the time"
                         + (stage.shareAtPeak >= 0.1 ? (wipLimits ? " (a cap: wip_limit)" : " (looks like a cap; --wip-limits sets it)") : ""))
            let escapes = s == stages.count - 1 && stage.backward == 0 ? escapeProbability(log) : nil
            if stage.backward > 0 {
                let p = stage.reworkProbability
                fields.append(("defect_probability", probability(p)))
                fields.append(("detection", .plain("1")))
                notes.append("  rework: \(stage.backward) moves back of \(stage.visits) visits (defect_probability \(NumberText.fixed(p, 4)), caught by the stage itself)")
            } else if let escapes {
                fields.append(("defect_probability", probability(escapes.p)))
                notes.append("  defects that escape to production: \(escapes.incidents) incidents over \(escapes.changes) changes deployed → defect_probability \(NumberText.fixed(escapes.p, 4)) (operations.incident_probability 1)")
            }
            if !stage.reworkWork.isEmpty {
                let firstMean = SampleSummary(all).mean, reworkMean = SampleSummary(stage.reworkWork).mean
                let fraction = firstMean > 0 ? min(10, max(0.01, reworkMean / firstMean)) : 0.5
                fields.append(("rework_fraction", .plain("\((fraction * 1000).rounded() / 1000)")))
                notes.append("  rework passes: work \(SampleSummary(stage.reworkWork).text) → rework_fraction \(NumberText.fixed(fraction, 3))")
            }
            if stage.blockedVisits > 0 {
                fields.append(("blockers", .mapping([("chance", probability(stage.blockedChance)),
                                                     ("duration", try distribution("blocked \(stage.name)", stage.blocked))])))
                notes.append("  blockers: \(stage.blockedVisits) of \(stage.visits) visits blocked; spells \(SampleSummary(stage.blocked).text)")
            }
            stageValues.append(.mapping(fields))
        }
        let teamEntries = teams.map { (key: $0.name, value: YAMLValue.mapping([("people", .plain("\($0.people)"))], flow: true)) }
        notes.append("teams: " + teams.map { "\($0.name) \($0.people) (most items in its active statuses at once)" }.joined(separator: ", "))
        // Release, deployment and restore.
        var release: [(key: String, value: YAMLValue)] = []
        var deploy: [(key: String, value: YAMLValue)] = []
        var operations: [(key: String, value: YAMLValue)] = []
        if let log, !log.deployments.isEmpty {
            let c = log.cadence
            switch c.policy {
            case "scheduled": release.append(("policy", .mapping([("scheduled", .mapping([("every", .plain("\(max(0.01, (c.every! * 100).rounded() / 100))h"))], flow: true))], flow: true)))
            case "batch": release.append(("policy", .mapping([("batch", .mapping([("size", .plain("\(c.size!)"))], flow: true))], flow: true)))
            default: release.append(("policy", .plain("continuous")))
            }
            notes.append("release.policy: \(c.policy) — \(log.deployments.count) deployments; gaps between deployments that are not redeployments (after a failure or an incident) mean \(NumberText.fixed(c.gapMean, 1)) h "
                         + "(coefficient of variation \(NumberText.fixed(c.gapCV, 2)))" + (c.changesMean.map { ", \(NumberText.fixed($0, 2)) changes each" } ?? ""))
            let incidentsModelled = escapeProbability(log) != nil && stages.last!.backward == 0
            let failed = incidentsModelled ? log.failedOnTheirOwn : log.failedOrCausing
            let p = Double(failed) / Double(log.deployments.count)
            deploy.append(("failure_probability", probability(p)))
            notes.append("deploy.failure_probability: \(failed) of \(log.deployments.count) deployments "
                         + (incidentsModelled ? "failed on their own" : "failed or caused an incident (an incident modelled as a failed deployment, rolled back after the restore time: the last stage has rework, so escaping defects cannot be placed there)"))
            if incidentsModelled { operations = [("incident_probability", .plain("1")), ("restore", .plain("rollback"))] }
            let restore = log.restoreHours
            if !restore.isEmpty {
                deploy.append(("rollback", .mapping([("automated", .plain("true")), ("duration", try distribution("restore", restore))])))
                notes.append("deploy.rollback.duration (time to restore): \(restore.count) incidents, \(SampleSummary(restore).text)")
            } else {
                notes.append("no incident log: failed deployments are restored at once (rollback duration 0)")
            }
        } else {
            release.append(("policy", .plain("continuous")))
            let wait = SampleSummary(releaseWait)
            if wait.mean > 0 { release.append(("approval", try distribution("release wait", releaseWait))) }
            notes.append("release: no deployment log; continuous, the wait after the last stage as approval: \(wait.text)")
        }
        if !openAges.isEmpty {
            let ages = SampleSummary(openAges)
            notes.append("open items: \(openAges.count) not done at the end of the data (ages so far \(ages.text)); \(openVisits) visits under way were left out of the stage samples. "
                         + "Leaving them out biases the times low: long visits are the likeliest to be still under way.")
        }
        if reopened > 0 { notes.append("reopened: \(reopened) items came back out of done (counted as rework of the first stage)") }
        let spanDays = max(7, ((to - from) / 24).rounded(.up))
        let warmup = max(7, min(60, (spanDays / 5).rounded()))
        var document = Calibration.header(name: name, file: (history.file as NSString).lastPathComponent,
                                          horizonDays: Int(spanDays + warmup), warmupDays: Int(warmup)) + [
            ("demand", .mapping([
                ("arrivals", .mapping([("exponential", .mapping([("mean", .plain("\(a.gapMean)"))], flow: true))], flow: true)),
                ("classes", .mapping(classEntries)),
            ])),
            ("teams", .mapping(teamEntries)),
            ("stages", .sequence(stageValues)),
            ("release", .mapping(release)),
        ]
        if !deploy.isEmpty { document.append(("deploy", .mapping(deploy))) }
        if !operations.isEmpty { document.append(("operations", .mapping(operations))) }
        return (try YAMLValue.mapping(document).document(comments: notes), values)
    }
}
