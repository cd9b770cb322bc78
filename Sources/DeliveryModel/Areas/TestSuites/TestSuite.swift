import SimRandom

/// A test suite run on every item at a stage, after the stage's work.
public struct TestSuite: Sendable {
    public var name: String
    /// Index into ``Scenario/stages``.
    public var stage: Int
    public var duration: Distribution
    /// Probability of finding a latent defect.
    public var detection: Distribution
    /// Probability that a run fails spuriously and must be rerun.
    public var flaky: Distribution
    /// A manual suite needs a person of the stage's team, in working hours.
    public var manual: Bool
    public init(name: String, stage: Int, duration: Distribution, detection: Distribution, flaky: Distribution = Keys.flaky.defaultValue,
                manual: Bool = Keys.manual.defaultValue) {
        self.name = name
        self.stage = stage
        self.duration = duration
        self.detection = detection
        self.flaky = flaky
        self.manual = manual
    }
}
