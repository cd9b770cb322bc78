import SimRandom

/// How finished changes are cut into releases and approved.
public struct Release: Sendable {
    public var policy: ReleasePolicy
    /// Change-approval delay per release; nil for none.
    public var approval: Distribution?
    public init(policy: ReleasePolicy = Keys.policy.defaultValue, approval: Distribution? = nil) {
        self.policy = policy
        self.approval = approval
    }
}
