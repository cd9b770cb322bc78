/// What time and failures cost (the optional `economics` section): people by the hour, delay
/// per item and week (Reinertsen's cost of delay, by class of service), and failure per
/// user-impact hour. Money has no currency here: any unit, used consistently.
public struct Economics: Sendable {
    /// Per team (the scenario's order): the cost of one person for one working hour; nil: not costed.
    public var personHour: [Double?]
    /// Per class (the scenario's order): the value lost per item per week it is not in
    /// production (from arrival to delivery); nil: not costed.
    public var delayPerWeek: [Double?]
    /// The cost of one hour of failure for all users (a `user_impact_hours` hour); nil: not costed.
    public var incidentHour: Double?
    /// What practice steps cost, by the id of the practice catalogue's step
    /// (``Economics/practiceStepIDs``). Not part of a run: `advise` adds a step's running cost
    /// to its cost per week and pays its one-off cost back from the saving.
    public var steps: [String: PracticeCost]

    public init(personHour: [Double?], delayPerWeek: [Double?], incidentHour: Double?, steps: [String: PracticeCost] = [:]) {
        self.personHour = personHour
        self.delayPerWeek = delayPerWeek
        self.incidentHour = incidentHour
        self.steps = steps
    }

    /// The ids of the practice catalogue's steps (`Analysis/Advise/PracticeCatalogue`, which a
    /// test holds equal to this list), the keys `economics.steps` accepts.
    public static let practiceStepIDs = [
        "remove-handoffs", "wip-limits", "smaller-batches", "continuous-release", "remove-change-approval",
        "automate-deployments", "automate-rollback", "add-integration-tests", "automate-regression", "canary-releases",
        "monitoring", "ml-monitoring", "ml-automated-training", "ml-pipeline-ci-cd",
    ]
}

/// What a practice step costs: once (an automation project, a tool's licence) and for every
/// week it stays in place (its upkeep), in the economics section's currency.
public struct PracticeCost: Sendable, Equatable {
    public var oneOff: Double
    public var perWeek: Double

    public init(oneOff: Double, perWeek: Double) {
        self.oneOff = oneOff
        self.perWeek = perWeek
    }
}
