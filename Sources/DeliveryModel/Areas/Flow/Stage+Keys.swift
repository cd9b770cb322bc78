import SimRandom

extension Stage {
    public enum Keys {
        public static let name = ScenarioKey<String>("name", .string, .required, "unique among stages")
        public static let team = ScenarioKey<Int>("team", .teamName, .required, "the team whose people work this stage")
        public static let work = ScenarioKey<Distribution>("work", .effort, .optional, "a person's hands-on time per item")
        public static let handoff = ScenarioKey<Distribution>("handoff", .duration, .optional,
                                                              "delay before the item reaches the stage's queue")
        public static let wipLimit = ScenarioKey<Int>("wip_limit", .integer(1...1_000_000_000, expected: "an integer ≥ 1"), .optional,
                                                      "most items in the stage at once")
        public static let defectProbability = ScenarioKey<Distribution>("defect_probability", .probability(belowOne: false), .defaulted(.never),
                                                                        "chance that the stage's work leaves a latent defect")
        public static let detection = ScenarioKey<Distribution>("detection", .probability(belowOne: false), .defaulted(.never),
                                                                "chance that the stage's work itself finds a latent defect")
        public static let reworkFraction = ScenarioKey<Double>("rework_fraction",
                                                               .number(NumberRange(0, 10, lowIncluded: false, highIncluded: true, wording: "a number in (0, 10]")),
                                                               .defaulted(0.5), "rework effort as a fraction of a fresh draw of the work")
        public static let blockers = ScenarioKey<Blockers>("blockers", .section, .optional,
                                                           "a chance per visit that the item is blocked, and for how long")
        public static let all = KeySet([name.info, team.info, work.info, handoff.info, wipLimit.info,
                                        defectProbability.info, detection.info, reworkFraction.info, blockers.info])
    }
}
