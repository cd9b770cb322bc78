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
    /// its stages and manual suites, plus manual deployments, divided by the team's working hours
    /// per clock hour (people × share of the week the calendar works).
    ///
    /// Rework is counted pass by pass: the first stage leaves a defect with probability p; the
    /// detection points (each stage's review, then its suites, in stream order) find it with
    /// their probabilities, and a find sends the item back to the first stage. A pass ends in
    /// rework with probability q = p·(1 − Π(1 − dᵢ)), so an item makes 1/(1 − q) passes, and it
    /// reaches stage s on a pass unless a detection point before s caught a defect:
    /// visits(s) = (1 − p·(1 − Π_{before s}(1 − dᵢ))) / (1 − q). Later visits cost the stage's
    /// rework fraction of its work; manual suites cost their full duration every visit, times
    /// 1/(1 − flaky) for reruns.
    ///
    /// An estimate, not a bound: it leaves out fix-forward work, reverts and ML retraining.
    public func loadEstimates() -> [LoadEstimate] {
        let arrivalRate = demand.arrivalRate
        let visits = itemVisits()
        var offered = Array(repeating: 0.0, count: teams.count)
        var stageNames = Array(repeating: [String](), count: teams.count)
        for (s, stage) in stages.enumerated() {
            let work = stage.work?.mean ?? 0
            offered[stage.team] += arrivalRate * work * (1 + stage.reworkFraction * max(0, visits[s] - 1))
            if stage.work != nil { stageNames[stage.team].append(stage.name) }
        }
        for suite in tests where suite.manual {
            let team = stages[suite.stage].team
            let reruns = 1 / (1 - min(0.99, suite.flaky.mean))
            offered[team] += arrivalRate * visits[suite.stage] * suite.duration.mean * reruns
        }
        if !deploy.automated {
            let team = deploy.team ?? stages[stages.count - 1].team
            let perHour: Double
            switch release.policy {
            case .continuous: perHour = arrivalRate
            case .scheduled(let every): perHour = 1 / every
            case .batch(let size): perHour = arrivalRate / Double(size)
            }
            offered[team] += perHour * deploy.duration.mean
        }
        return teams.indices.map { t in
            let capacity = Double(teams[t].people) * calendar.workingShare
            return LoadEstimate(team: teams[t].name, stages: stageNames[t], utilization: offered[t] / capacity)
        }
    }

    /// Expected visits of an item to each stage, rework passes included (see ``loadEstimates()``).
    func itemVisits() -> [Double] {
        let injected = stages.first.map { $0.defectProbability.mean } ?? 0
        // Probability that a defect survives every detection point before stage s (s = 0…n).
        var survivesBefore = [1.0]
        for (s, stage) in stages.enumerated() {
            var survive = survivesBefore[s] * (1 - stage.detection.mean)
            for suite in tests where suite.stage == s { survive *= 1 - suite.detection.mean }
            survivesBefore.append(survive)
        }
        let q = min(0.99, injected * (1 - survivesBefore[stages.count]))
        let passes = 1 / (1 - q)
        return stages.indices.map { passes * (1 - injected * (1 - survivesBefore[$0])) }
    }
}
