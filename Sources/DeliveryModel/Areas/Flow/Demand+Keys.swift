import SimRandom

extension Demand {
    public enum Keys {
        public static let arrivals = ScenarioKey<Distribution>("arrivals", .duration, .required,
                                                               "time between new work items arriving in the backlog of the first stage")
        public static let classes = ScenarioKey<[WorkClass]>("classes", .namedSections,
                                                             .defaulted([WorkClass(name: "feature", share: 1)]),
                                                             "classes of service, in file order")
        public static let all = KeySet([arrivals.info, classes.info])
    }
}

extension WorkClass {
    public enum Keys {
        public static let share = ScenarioKey<Double>("share",
                                                      .number(NumberRange(0, 1, lowIncluded: false, highIncluded: true, wording: "a share in (0, 1]")),
                                                      .required, "fraction of arrivals in this class")
        public static let skipsWipLimits = ScenarioKey<Bool>("skips_wip_limits", .bool, .defaulted(false),
                                                             "items of this class ignore WIP limits (an expedite lane)")
        public static let priority = ScenarioKey<Int>("priority", .integer(-1_000_000...1_000_000, expected: "an integer"), .defaulted(0),
                                                      "higher is served first")
        public static let all = KeySet([share.info, skipsWipLimits.info, priority.info])
    }
}
