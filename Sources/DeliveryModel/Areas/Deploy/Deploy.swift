import SimRandom

/// How a release reaches production: the pipeline, its failures, canary and rollback.
public struct Deploy: Sendable {
    /// Automated deployments run around the clock without a person.
    public var automated: Bool
    public var duration: Distribution
    /// Probability that a deployment fails on its own (configuration, environment).
    public var failureProbability: Distribution
    public var canary: Canary?
    public var rollback: Rollback
    /// Index into ``Scenario/teams`` of who deploys and rolls back by hand; nil: the last stage's team.
    public var team: Int?
    public init(automated: Bool = Keys.automated.defaultValue, duration: Distribution = Keys.duration.defaultValue,
                failureProbability: Distribution = Keys.failureProbability.defaultValue,
                canary: Canary? = nil, rollback: Rollback = Rollback(), team: Int? = nil) {
        self.automated = automated
        self.duration = duration
        self.failureProbability = failureProbability
        self.canary = canary
        self.rollback = rollback
        self.team = team
    }
}
