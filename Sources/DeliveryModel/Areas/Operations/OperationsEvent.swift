/// The operations area's events.
enum OperationsEvent {
    /// Someone (or monitoring) noticed the incident.
    case incidentNoticed(incident: Int32)
    /// An automated rollback restored service.
    case restoreDone(incident: Int32)
}

/// The operations area's tasks for people.
enum OperationsTask {
    /// Rolling back the change that caused the incident, by hand.
    case restore(incident: Int32)
}
