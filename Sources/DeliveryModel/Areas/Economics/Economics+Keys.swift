extension Economics {
    public enum Keys {
        public static let people = ScenarioKey<[String: Double]>("people", .section, .defaulted([:]),
                                                                 "per team name, the cost of one person for a working hour")
        public static let delay = ScenarioKey<[String: Double]>("delay", .section, .defaulted([:]),
                                                                "per class name, the cost of delay of one item per week it is not in production")
        public static let incidentHour = ScenarioKey<Double>("incident_hour",
                                                             .number(NumberRange(0, 1e15, lowIncluded: true, highIncluded: true, wording: "a cost ≥ 0")),
                                                             .optional, "the cost of an hour of failure for all users (a user-impact hour)")
        public static let steps = ScenarioKey<[String: PracticeCost]>(
            "steps", .section, .defaulted([:]),
            "per practice step id (advise), its one-off cost and its running cost per week: {one_off, per_week}")
        public static let all = KeySet([people.info, delay.info, incidentHour.info, steps.info])
    }
}
