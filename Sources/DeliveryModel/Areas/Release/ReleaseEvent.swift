/// The release area's events.
enum ReleaseEvent {
    /// The release train leaves: everything ready goes.
    case train
    /// The change-approval board approved the release.
    case approvalDone(release: Int32)
}
