import SimRandom

extension TestSuite {
    public enum Keys {
        public static let name = ScenarioKey<String>("name", .string, .required, "unique among tests")
        public static let at = ScenarioKey<Int>("at", .stageName, .required, "the stage the suite runs at")
        public static let duration = ScenarioKey<Distribution>("duration", .effortWhenManual, .required, "time per run")
        public static let detection = ScenarioKey<Distribution>("detection", .probability(belowOne: false), .defaulted(.never),
                                                                "chance of finding each latent defect the item carries")
        public static let flaky = ScenarioKey<Distribution>("flaky", .probability(belowOne: true), .defaulted(.never),
                                                            "chance that a run fails spuriously and is rerun")
        public static let manual = ScenarioKey<Bool>("manual", .bool, .defaulted(false),
                                                     "a manual suite needs a person of the stage's team, in working hours")
        public static let all = KeySet([name.info, at.info, duration.info, detection.info, flaky.info, manual.info])
    }
}
