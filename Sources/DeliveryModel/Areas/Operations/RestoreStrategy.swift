/// How service is restored after an incident.
public enum RestoreStrategy: String, Sendable, CaseIterable {
    /// Roll back (revert) the change that caused it.
    case rollback
    /// An expedite fix flows through the value stream and is deployed.
    case fixForward = "fix_forward"
}
