import SimRandom

extension Release {
    public enum Keys {
        public static let policy = ScenarioKey<ReleasePolicy>("policy", .form(ReleasePolicy.forms), .defaulted(.continuous),
                                                              "continuous, {scheduled: {every: 14d}} or {batch: {size: 10}}")
        public static let approval = ScenarioKey<Distribution>("approval", .duration, .optional, "change-approval delay per release")
        public static let all = KeySet([policy.info, approval.info])
    }
}

extension ReleasePolicy {
    /// The names of the policies, as the file spells them.
    public static let forms = ["continuous", "scheduled", "batch"]
}
