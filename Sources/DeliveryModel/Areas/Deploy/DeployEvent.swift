/// The deploy area's events.
enum DeployEvent {
    /// An automated deployment of the release finished.
    case deployDone(release: Int32)
    /// The release's canary phase is over.
    case canaryDone(release: Int32)
    /// An automated rollback of a failed deployment finished.
    case rollbackDone(release: Int32)
}

/// The deploy area's tasks for people.
enum DeployTask {
    /// Deploying the release by hand.
    case deploy(release: Int32)
    /// Rolling back the release's failed deployment by hand.
    case rollback(release: Int32)
}
