/// How service is restored after an incident.
public enum RestoreStrategy: String, Sendable, CaseIterable {
    /// Roll back the deployment: the whole release that carried the defect leaves production.
    /// The defective changes go back to development for rework; the release's other changes are
    /// deployed again at once, without them.
    case rollback
    /// Revert only the defective change (as trunk-based teams do); the rest of its release stays.
    case revert
    /// An expedite fix flows through the value stream and is deployed.
    case fixForward = "fix_forward"
}
