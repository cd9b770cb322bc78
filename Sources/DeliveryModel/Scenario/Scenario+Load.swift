/// Offered work against capacity, estimated from a scenario before it runs.
public struct LoadEstimate: Sendable, Equatable, CustomStringConvertible {
    /// The team.
    public var team: String
    /// The stages whose work this team does.
    public var stages: [String]
    /// Offered working hours per working hour of the team's people: ≥ 1 means queues grow
    /// without bound.
    public var utilization: Double

    /// True when demand exceeds capacity.
    public var isUnstable: Bool { !(utilization < 1) }  // NaN (zero-time arrivals) counts as unstable

    public var description: String {
        let where_ = stages.isEmpty ? "team \(team)" : "team \(team) (stages \(stages.joined(separator: ", ")))"
        let u = (utilization * 100).rounded() / 100
        return isUnstable ? "\(where_): utilization \(u) — queues grow without bound" : "\(where_): utilization \(u)"
    }
}

extension Scenario {
    /// Each team's expected utilization: arrivals per hour × expected working hours per item at
    /// its stages and manual suites (rework included: a defect made with probability p at the
    /// first stage and found before production with probability d causes 1/(1 − p·d) − 1 rework
    /// passes of the stages' rework fraction), plus manual deployments, divided by the team's
    /// working hours per clock hour (people × share of the week the calendar works).
    ///
    /// An estimate, not a bound: it leaves out fix-forward work and ML retraining.
    public func loadEstimates() -> [LoadEstimate] {
        let arrivalRate = 1 / demand.arrivals.mean
        let injected = stages.first.map { $0.defectProbability.mean } ?? 0
        var missed = 1.0
        for stage in stages { missed *= 1 - stage.detection.mean }
        for suite in tests { missed *= 1 - suite.detection.mean }
        let q = min(0.99, injected * (1 - missed))
        let reworkPasses = q / (1 - q)
        var offered = Array(repeating: 0.0, count: teams.count)
        var stageNames = Array(repeating: [String](), count: teams.count)
        for stage in stages {
            let work = stage.work?.mean ?? 0
            offered[stage.team] += arrivalRate * work * (1 + stage.reworkFraction * reworkPasses)
            if stage.work != nil { stageNames[stage.team].append(stage.name) }
        }
        for suite in tests where suite.manual {
            let team = stages[suite.stage].team
            let reruns = 1 / (1 - min(0.99, suite.flaky.mean))
            offered[team] += arrivalRate * (1 + reworkPasses) * suite.duration.mean * reruns
        }
        if !deploy.automated {
            let team = deploy.team ?? stages[stages.count - 1].team
            let perDay: Double
            switch release.policy {
            case .continuous: perDay = arrivalRate * 24
            case .scheduled(let every): perDay = 24 / every
            case .batch(let size): perDay = arrivalRate * 24 / Double(size)
            }
            offered[team] += perDay / 24 * deploy.duration.mean
        }
        return teams.indices.map { t in
            let capacity = Double(teams[t].people) * calendar.workingShare
            return LoadEstimate(team: teams[t].name, stages: stageNames[t], utilization: offered[t] / capacity)
        }
    }
}
