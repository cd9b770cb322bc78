import SimRandom

extension Deploy {
    public enum Keys {
        public static let automated = ScenarioKey<Bool>("automated", .bool, .defaulted(true),
                                                        "automated deployments run around the clock without a person")
        public static let duration = ScenarioKey<Distribution>("duration", .effortWhenManual, .defaulted(.zero), "time to deploy a release")
        public static let failureProbability = ScenarioKey<Distribution>("failure_probability", .probability(belowOne: false), .defaulted(.never),
                                                                         "chance that a deployment fails on its own")
        public static let canary = ScenarioKey<Canary>("canary", .section, .optional, "a canary phase before full rollout")
        public static let rollback = ScenarioKey<Rollback>("rollback", .section, .defaulted(Rollback()), "how a release is rolled back")
        public static let team = ScenarioKey<Int>("team", .teamName, .derived("the last stage's team"), "who deploys and rolls back by hand")
        public static let all = KeySet([automated.info, duration.info, failureProbability.info, canary.info, rollback.info, team.info])
    }
}

extension Rollback {
    public enum Keys {
        public static let automated = ScenarioKey<Bool>("automated", .bool, .defaulted(true), "automated rollbacks start at once and need no person")
        public static let duration = ScenarioKey<Distribution>("duration", .effortWhenManual, .defaulted(.zero), "time to roll back")
        public static let all = KeySet([automated.info, duration.info])
    }
}
