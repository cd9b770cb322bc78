import SimRandom

/// One step of the value stream.
public struct Stage: Sendable {
    public var name: String
    /// Index into ``Scenario/teams``.
    public var team: Int
    /// A person's working time per item; nil for a stage without hands-on work (tests only).
    public var work: Distribution?
    /// Delay before the item is in the stage's queue (a handoff between teams); nil for none.
    public var handoff: Distribution?
    /// Most items in the stage at once (waiting, in work or in its tests); nil for no limit.
    public var wipLimit: Int?
    /// Probability that the stage's work leaves a latent defect in the item.
    public var defectProbability: Distribution
    /// Probability that the stage's work itself (a review) finds a latent defect.
    public var detection: Distribution
    /// Rework effort as a fraction of a fresh work draw, when a defect sends the item back here.
    public var reworkFraction: Double
    /// Blocking events on a visit; nil for none.
    public var blockers: Blockers?
    public init(name: String, team: Int, work: Distribution?, handoff: Distribution? = nil, wipLimit: Int? = nil,
                defectProbability: Distribution = Keys.defectProbability.defaultValue,
                detection: Distribution = Keys.detection.defaultValue, reworkFraction: Double = Keys.reworkFraction.defaultValue,
                blockers: Blockers? = nil) {
        self.name = name
        self.team = team
        self.work = work
        self.handoff = handoff
        self.wipLimit = wipLimit
        self.defectProbability = defectProbability
        self.detection = detection
        self.reworkFraction = reworkFraction
        self.blockers = blockers
    }
}
