import SimKernel

/// Runs replications of a scenario.
public enum ScenarioRunner {
    /// Why a replication stopped early.
    public struct EventBudgetExceeded: Error, Sendable, CustomStringConvertible {
        public var replication: Int
        public var events: Int
        public var description: String {
            "replication \(replication) used its budget of \(events) events before the horizon (is demand beyond capacity?)"
        }
    }

    /// Why a replication was stopped: it held more events at once than ``Limits/maxPendingEvents``.
    public struct PendingEventsExceeded: Error, Sendable, CustomStringConvertible {
        public var replication: Int
        public var time: Double
        public var description: String {
            "replication \(replication) held more than \(Limits.maxPendingEvents) pending events at once (at t = \(time) h), the limit that bounds a replication's memory: is the demand all arriving at once (a gamma or Weibull shape near 0?) or beyond capacity?"
        }
    }

    /// Events handled between two checks of the pending events.
    static let checkEvery = 1 << 16

    /// Runs replication `replication` (streams of that index under the scenario's seed) to the horizon.
    public static func run(_ scenario: Scenario, replication: Int, maxEvents: Int = .max) throws -> ReplicationResult {
        try run(scenario, replication: replication, options: RunOptions(maxEvents: maxEvents))
    }

    /// Runs replication `replication` to the horizon, recording what `options` asks for.
    public static func run(_ scenario: Scenario, replication: Int, options: RunOptions) throws -> ReplicationResult {
        try run(ReplicationPlan(scenario), replication: replication, options: options)
    }

    /// Runs replication `replication` of `plan`'s scenario to the horizon, recording what
    /// `options` asks for; its metrics take the names of an earlier replication of the plan.
    public static func run(_ plan: ReplicationPlan, replication: Int, options: RunOptions) throws -> ReplicationResult {
        let scenario = plan.scenario
        var model = Organization(scenario: scenario, replication: replication, options: options)
        var simulation = Simulation<Organization.Event>(calendarArity: 2, reservingCapacity: 256)
        model.start(&simulation)
        // Run in slices so that the events held at once stay bounded (the handlers are unchanged:
        // the same events in the same order as one uninterrupted run).
        var left = options.maxEvents
        var reason = StopReason.eventBudget
        while left > 0 {
            let slice = min(left, checkEvery)
            reason = simulation.run(&model, until: scenario.horizon, maxEvents: slice)
            if simulation.pendingEvents > Limits.maxPendingEvents {
                throw PendingEventsExceeded(replication: replication, time: simulation.now)
            }
            guard reason == .eventBudget else { break }
            left -= slice
        }
        if reason == .eventBudget { throw EventBudgetExceeded(replication: replication, events: options.maxEvents) }
        var result = ReplicationResult(
            replication: replication,
            metrics: model.metricValues(at: scenario.horizon, known: plan.metricNames),
            events: simulation.eventsHandled,
            itemsArrived: model.flow.arrivals
        )
        result.flow = model.flow.snapshots
        result.items = model.flow.itemRecords
        result.history = model.flow.history
        result.growingQueue = model.flow.queues.growth()
        plan.learnNames(&result)
        return result
    }

    /// Runs replications `0..<count` in order.
    public static func run(_ scenario: Scenario, replications count: Int, maxEvents: Int = .max) throws -> [ReplicationResult] {
        let plan = ReplicationPlan(scenario)
        return try (0..<count).map { try run(plan, replication: $0, options: RunOptions(maxEvents: maxEvents)) }
    }
}
