/// Capacity lost to a policy rather than to people: a stage's WIP limit, or the deployment
/// pipeline that takes one release at a time. Estimated before a run, like ``LoadEstimate``.
public struct FlowLimit: Sendable, Equatable, CustomStringConvertible {
    /// What limits the flow: `stage build (WIP limit 2)` or `deployment pipeline`.
    public var name: String
    /// Items (or releases) per hour the flow offers to it.
    public var offered: Double
    /// Items (or releases) per hour it can pass at most.
    public var capacity: Double

    /// True when the offered flow reaches what the limit lets through: queues before it grow
    /// without bound.
    public var isUnstable: Bool { !(offered < capacity) }

    public var description: String {
        func perDay(_ x: Double) -> Double { (x * 24 * 100).rounded() / 100 }
        let text = "\(name): at most \(perDay(capacity))/day pass, \(perDay(offered))/day arrive"
        return isUnstable ? text + " — the queue before it grows without bound" : text
    }
}

extension Scenario {
    /// Upper bounds on throughput set by policies, each against the flow it receives:
    ///
    /// - a stage with a WIP limit L holds each item at least its handoff, its work (in clock
    ///   hours: working hours ÷ the share of the week the calendar works) and its suites, so by
    ///   Little's law it passes at most L ÷ that time per hour, against arrivals × visits;
    /// - the deployment pipeline deploys one release at a time, for the deployment and any
    ///   canary phase, so it passes at most 1 ÷ (deploy + canary) releases per hour, against the
    ///   releases the policy cuts (every arrival, one per batch, or one per train).
    ///
    /// Optimistic bounds (queueing for people adds to the time in a stage), so a scenario they
    /// call unstable is unstable; a run can still find a growing queue they miss.
    public func flowLimits() -> [FlowLimit] {
        let arrivalRate = demand.arrivalRate
        let share = calendar.workingShare
        let visits = itemVisits()
        // Expedite items skip limits: only the others are held by them.
        let held = 1 - demand.classes.filter(\.skipsWipLimits).reduce(0) { $0 + $1.share }
        func hours(_ s: Int) -> Double {
            var hours = (stages[s].handoff?.mean ?? 0) + (stages[s].work?.mean ?? 0) / share
            for suite in tests where suite.stage == s {
                let reruns = 1 / (1 - min(0.99, suite.flaky.mean))
                hours += (suite.manual ? suite.duration.mean / share : suite.duration.mean) * reruns
            }
            return hours
        }
        var limits: [FlowLimit] = []
        for (s, stage) in stages.enumerated() {
            guard let limit = stage.wipLimit else { continue }
            let h = hours(s)
            limits.append(FlowLimit(name: "stage \(stage.name) (WIP limit \(limit))", offered: arrivalRate * visits[s] * held,
                                    capacity: h > 0 ? Double(limit) / h : .infinity))
        }
        for board in boardLimits {
            // Items visit the span as often as its first stage; each visit spends the span's time.
            let h = (board.first...board.last).reduce(0) { $0 + hours($1) * visits[$1] / max(visits[board.first], 1e-12) }
            let names = stages[board.first...board.last].map(\.name).joined(separator: ", ")
            limits.append(FlowLimit(name: "stages \(names) (board WIP limit \(board.limit))", offered: arrivalRate * visits[board.first] * held,
                                    capacity: h > 0 ? Double(board.limit) / h : .infinity))
        }
        let releases: Double
        switch release.policy {
        case .continuous: releases = arrivalRate
        case .scheduled(let every): releases = 1 / every
        case .batch(let size): releases = arrivalRate / Double(size)
        }
        let deployHours = (deploy.automated ? deploy.duration.mean : deploy.duration.mean / share) + (deploy.canary?.duration.mean ?? 0)
        limits.append(FlowLimit(name: "deployment pipeline (one release at a time)", offered: releases,
                                capacity: deployHours > 0 ? 1 / deployHours : .infinity))
        return limits
    }
}
