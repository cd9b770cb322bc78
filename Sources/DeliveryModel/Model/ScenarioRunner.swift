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
        var model = Organization(scenario: scenario, replication: replication)
        var simulation = Simulation<Organization.Event>(reservingCapacity: 256)
        model.start(&simulation)
        let reason = simulation.run(&model, until: scenario.horizon, maxEvents: maxEvents)
        if reason == .eventBudget { throw EventBudgetExceeded(replication: replication, events: maxEvents) }
        return ReplicationResult(
            replication: replication,
            metrics: model.metricValues(at: scenario.horizon),
            events: simulation.eventsHandled,
            itemsArrived: model.arrivals
        )
    }

    /// Runs replications `0..<count` in order.
    public static func run(_ scenario: Scenario, replications count: Int, maxEvents: Int = .max) throws -> [ReplicationResult] {
        try (0..<count).map { try run(scenario, replication: $0, maxEvents: maxEvents) }
    }
}
