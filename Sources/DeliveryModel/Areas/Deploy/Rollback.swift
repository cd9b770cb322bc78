import SimRandom

/// How a deployment is rolled back.
public struct Rollback: Sendable {
    /// Automated rollbacks start at once and need no person.
    public var automated: Bool
    public var duration: Distribution
    public init(automated: Bool = Keys.automated.defaultValue, duration: Distribution = Keys.duration.defaultValue) {
        self.automated = automated
        self.duration = duration
    }
}
