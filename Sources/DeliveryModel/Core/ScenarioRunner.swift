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

    /// Runs replication `replication` (streams of that index under the scenario's seed) to the horizon.
    public static func run(_ scenario: Scenario, replication: Int, maxEvents: Int = .max) throws -> ReplicationResult {
        try run(scenario, replication: replication, options: RunOptions(maxEvents: maxEvents))
    }

    /// Runs replication `replication` to the horizon, recording what `options` asks for.
    public static func run(_ scenario: Scenario, replication: Int, options: RunOptions) throws -> ReplicationResult {
        var model = Organization(scenario: scenario, replication: replication, options: options)
        var simulation = Simulation<Organization.Event>(reservingCapacity: 256)
        model.start(&simulation)
        let reason = simulation.run(&model, until: scenario.horizon, maxEvents: options.maxEvents)
        if reason == .eventBudget { throw EventBudgetExceeded(replication: replication, events: options.maxEvents) }
        var result = ReplicationResult(
            replication: replication,
            metrics: model.metricValues(at: scenario.horizon),
            events: simulation.eventsHandled,
            itemsArrived: model.flow.arrivals
        )
        result.flow = model.flow.snapshots
        result.items = model.flow.itemRecords
        result.growingQueue = model.flow.queues.growth()
        return result
    }

    /// Runs replications `0..<count` in order.
    public static func run(_ scenario: Scenario, replications count: Int, maxEvents: Int = .max) throws -> [ReplicationResult] {
        try (0..<count).map { try run(scenario, replication: $0, maxEvents: maxEvents) }
    }
}
