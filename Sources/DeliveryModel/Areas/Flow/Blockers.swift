import SimRandom

/// Blocking events at a stage: on each visit the item is blocked with probability `chance`
/// (waiting on another team, a question, an environment) for a `duration` of clock time before
/// a person can work it. A blocked item holds its place under the stage's WIP limit, as a
/// card on a board does, and holds no person.
public struct Blockers: Sendable {
    /// Probability that a visit to the stage is blocked.
    public var chance: Distribution
    /// Clock time blocked.
    public var duration: Distribution
    public init(chance: Distribution, duration: Distribution) {
        self.chance = chance
        self.duration = duration
    }
}

extension Blockers {
    public enum Keys {
        public static let chance = ScenarioKey<Distribution>("chance", .probability(belowOne: false), .required,
                                                             "chance that a visit to the stage is blocked")
        public static let duration = ScenarioKey<Distribution>("duration", .duration, .required,
                                                               "clock time an item stays blocked")
        public static let all = KeySet([chance.info, duration.info])
    }
}
