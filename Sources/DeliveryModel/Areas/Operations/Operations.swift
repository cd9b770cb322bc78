import SimRandom

/// Production: which escaped defects cause incidents, how soon they are noticed, how service is restored.
public struct Operations: Sendable {
    /// Probability that an escaped defect causes a production incident.
    public var incidentProbability: Distribution
    /// Time from the failing deployment until the incident is noticed.
    public var detection: Distribution
    public var restore: RestoreStrategy
    public init(incidentProbability: Distribution = Keys.incidentProbability.defaultValue,
                detection: Distribution = Keys.detection.defaultValue, restore: RestoreStrategy = Keys.restore.defaultValue) {
        self.incidentProbability = incidentProbability
        self.detection = detection
        self.restore = restore
    }
}
