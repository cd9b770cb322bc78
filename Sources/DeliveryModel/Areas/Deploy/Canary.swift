import SimRandom

/// A canary phase: the release serves `fraction` of users for `duration` first.
public struct Canary: Sendable {
    public var fraction: Double
    public var duration: Distribution
    /// Probability that the canary reveals each escaped defect it carries.
    public var detection: Distribution
    public init(fraction: Double, duration: Distribution, detection: Distribution) {
        self.fraction = fraction
        self.duration = duration
        self.detection = detection
    }
}
