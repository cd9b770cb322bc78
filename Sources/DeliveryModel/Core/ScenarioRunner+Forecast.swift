import SimKernel

/// One replication of a forecast: when the scope was all in production, and how much of it was
/// by the "how many" date.
public struct ForecastReplication: Sendable, Equatable {
    public var replication: Int
    /// Hours from time 0 at which the last scope item reached production; nil if the horizon
    /// came first.
    public var finish: Double?
    /// Items in the scope at the end (the starting backlog, its split pieces, added scope).
    public var scopeItems: Int
    /// Scope items in production by ``RunOptions/countBy`` (0 without it).
    public var doneBy: Int
    public var events: Int

    public init(replication: Int, finish: Double?, scopeItems: Int, doneBy: Int, events: Int) {
        self.replication = replication
        self.finish = finish
        self.scopeItems = scopeItems
        self.doneBy = doneBy
        self.events = events
    }
}

extension ScenarioRunner {
    /// Events handled between two looks at whether the scope is done: the run stops at most
    /// this many events after it is (the finish time is recorded exactly either way).
    static let forecastCheckEvery = 256

    /// Runs replication `replication` until its whole scope is in production, or to the horizon. Throws as ``run(_:replication:options:)``.
    public static func forecast(_ scenario: Scenario, replication: Int, options: RunOptions) throws -> ForecastReplication {
        var model = Organization(scenario: scenario, replication: replication, options: options)
        var simulation = Simulation<Organization.Event>(reservingCapacity: 256)
        model.start(&simulation)
        var left = options.maxEvents
        while left > 0 {
            // Once the scope is done nothing is added to it, and the count by any date is final.
            if model.flow.scopeOpen == 0 { break }
            let slice = min(left, forecastCheckEvery)
            let reason = simulation.run(&model, until: scenario.horizon, maxEvents: slice)
            if simulation.pendingEvents > Limits.maxPendingEvents {
                throw PendingEventsExceeded(replication: replication, time: simulation.now)
            }
            if reason != .eventBudget { break }
            left -= slice
        }
        let done = model.flow.scopeOpen == 0
        if left <= 0 && !done { throw EventBudgetExceeded(replication: replication, events: options.maxEvents) }
        return ForecastReplication(replication: replication, finish: done ? model.flow.scopeLastDeployed : nil,
                                   scopeItems: model.flow.scopeItems, doneBy: model.flow.scopeDoneBy, events: simulation.eventsHandled)
    }
}
