import SimRandom

extension Canary {
    public enum Keys {
        public static let fraction = ScenarioKey<Double>("fraction",
                                                         .number(NumberRange(0, 1, lowIncluded: false, highIncluded: false,
                                                                             wording: "a fraction of users in (0, 1)")),
                                                         .required, "share of users on the canary")
        public static let duration = ScenarioKey<Distribution>("duration", .duration, .required, "how long the canary runs before full rollout")
        public static let detection = ScenarioKey<Distribution>("detection", .probability(belowOne: false), .required,
                                                                "chance that the canary reveals each escaped defect it carries")
        public static let all = KeySet([fraction.info, duration.info, detection.info])
    }
}
