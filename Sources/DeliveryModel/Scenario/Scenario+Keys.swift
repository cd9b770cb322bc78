import SimRandom

extension Scenario {
    /// The run-level keys and the top-level sections of a scenario file.
    public enum Keys {
        public static let name = ScenarioKey<String>("name", .string, .required, "the scenario's name, shown in reports")
        public static let description = ScenarioKey<String>("description", .string, .defaulted(""), "free text")
        public static let extends = ScenarioKey<String>("extends", .path, .optional, "a scenario file this one builds on")
        public static let horizon = ScenarioKey<Double>("horizon", .fixedDuration(positive: true), .required,
                                                        "simulated time per replication, warm-up included")
        public static let warmup = ScenarioKey<Double>("warmup", .fixedDuration(positive: false), .defaulted(0),
                                                       "time at the start of each replication left out of the statistics")
        public static let maxReplications = 100_000
        public static let replications = ScenarioKey<Int>("replications",
                                                           .integer(2...maxReplications, expected: "an integer between 2 and \(maxReplications)"),
                                                           .defaulted(30), "independent runs, for confidence intervals")
        public static let seed = ScenarioKey<UInt64>("seed", .seed, .defaulted(1), "master seed of the random streams")
        public static let calendar = ScenarioKey<WorkCalendar>("calendar", .sectionOrWord("always"), .defaulted(.always),
                                                               "when people work; absent or `always`: around the clock")
        public static let demand = ScenarioKey<Demand>("demand", .section, .required, "the work arriving")
        public static let teams = ScenarioKey<[Team]>("teams", .namedSections, .required, "teams of interchangeable people")
        public static let stages = ScenarioKey<[Stage]>("stages", .listOfSections, .required, "the value stream, in order")
        public static let wipLimits = ScenarioKey<[BoardLimit]>("wip_limits", .listOfSections, .defaulted([]),
                                                                "WIP limits over spans of stages (a board-wide limit)")
        public static let tests = ScenarioKey<[TestSuite]>("tests", .listOfSections, .defaulted([]), "test suites run at stages")
        public static let release = ScenarioKey<Release>("release", .section, .defaulted(Release()), "when finished changes go to production")
        public static let deploy = ScenarioKey<Deploy>("deploy", .section, .defaulted(Deploy()), "how a release reaches production")
        public static let operations = ScenarioKey<Operations>("operations", .section, .defaulted(Operations()),
                                                               "what happens when a defect escapes to production")
        public static let ml = ScenarioKey<MLSpec>("ml", .section, .optional, "machine-learning models in production")
        public static let economics = ScenarioKey<Economics>("economics", .section, .optional,
                                                             "what people, delay and failures cost (cost metrics)")

        public static let all = KeySet([name.info, description.info, extends.info, horizon.info, warmup.info, replications.info,
                                        seed.info, calendar.info, demand.info, teams.info, stages.info, wipLimits.info, tests.info,
                                        release.info, deploy.info, operations.info, ml.info, economics.info])
    }
}

extension Team {
    public enum Keys {
        public static let people = ScenarioKey<Int>("people", .integer(1...1_000_000, expected: "an integer ≥ 1"), .required,
                                                    "people in the team, interchangeable")
        public static let all = KeySet([people.info])
    }
}

extension WorkCalendar {
    public enum Keys {
        public static let workdays = ScenarioKey<Set<Int>>("workdays", .weekdays, .defaulted(Set(0...4)), "working weekdays (Mon-Fri)")
        public static let hours = ScenarioKey<ClosedRange<Double>>("hours", .hours, .defaulted(9...17), "the working day (\"09:00-17:00\")")
        public static let start = ScenarioKey<CalendarDate>("start", .date, .optional,
                                                            "the date of time 0 (midnight); required with holidays")
        public static let holidays = ScenarioKey<[Holiday]>("holidays", .dates, .defaulted([]),
                                                            "days nobody works: dates and {from, to} ranges")
        public static let all = KeySet([workdays.info, hours.info, start.info, holidays.info])
    }
}
