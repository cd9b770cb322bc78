import SimRandom

extension Demand {
    public enum Keys {
        public static let arrivals = ScenarioKey<Distribution>("arrivals", .duration, .optional,
                                                               "time between new work items arriving in the backlog of the first stage (required without a backlog)")
        public static let backlog = ScenarioKey<Int>("backlog", .integer(0...1_000_000, expected: "an integer between 0 and 1000000"),
                                                     .defaulted(0), "items waiting at time 0, classes drawn by share")
        public static let classes = ScenarioKey<[WorkClass]>("classes", .namedSections,
                                                             .defaulted([WorkClass(name: "feature", share: 1)]),
                                                             "classes of service, in file order")
        public static let split = ScenarioKey<ScopeSplit>("split", .section, .optional,
                                                          "items that split into several once work on them begins")
        public static let addedScope = ScenarioKey<Distribution>("added_scope", .duration, .optional,
                                                                 "time between items added to the starting backlog's scope while it is under way")
        public static let all = KeySet([arrivals.info, backlog.info, classes.info, split.info, addedScope.info])
    }
}

extension ScopeSplit {
    public enum Keys {
        public static let probability = ScenarioKey<Distribution>("probability", .probability(belowOne: false), .required,
                                                                  "chance that an item splits")
        public static let into = ScenarioKey<ClosedRange<Int>>("into", .integerRange(2...ScopeSplit.maxPieces), .defaulted(2...3),
                                                               "the pieces it becomes: a number or a range like 2-3, drawn uniformly")
        public static let all = KeySet([probability.info, into.info])
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
        public static let backlog = ScenarioKey<Int>("backlog", .integer(0...1_000_000, expected: "an integer between 0 and 1000000"),
                                                     .defaulted(0), "items of this class waiting at time 0")
        public static let work = ScenarioKey<[String: Distribution]>("work", .section, .defaulted([:]),
                                                                     "per stage name, a person's work per item of this class in place of the stage's")
        public static let all = KeySet([share.info, skipsWipLimits.info, priority.info, backlog.info, work.info])
    }
}
