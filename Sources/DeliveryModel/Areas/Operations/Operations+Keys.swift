import SimRandom

extension Operations {
    public enum Keys {
        public static let incidentProbability = ScenarioKey<Distribution>("incident_probability", .probability(belowOne: false), .defaulted(.never),
                                                                          "chance that an escaped defect causes a production incident")
        public static let detection = ScenarioKey<Distribution>("detection", .duration, .defaulted(.zero),
                                                                "time from the failing deployment until the incident is noticed")
        public static let restore = ScenarioKey<RestoreStrategy>("restore", .oneOf(RestoreStrategy.allCases.map(\.rawValue)), .defaulted(.rollback),
                                                                 "how service is restored")
        public static let all = KeySet([incidentProbability.info, detection.info, restore.info])
    }
}
