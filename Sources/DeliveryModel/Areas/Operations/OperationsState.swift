/// The operations area's state in one replication: open incidents (slots reused so memory does
/// not grow with the horizon).
struct OperationsState {
    let streams: OperationsStreams
    /// The class of service of fix-forward items: the one that skips WIP limits, else the
    /// highest priority.
    let fixClass: Int
    var incidents: [Incident] = []
    var freeIncidents: [Int32] = []

    init(scenario: Scenario, replication: Int) {
        streams = OperationsStreams(scenario: scenario, replication: replication)
        let classes = scenario.demand.classes
        fixClass = classes.indices.max { a, b in
            (classes[a].skipsWipLimits ? 1 : 0, classes[a].priority) < (classes[b].skipsWipLimits ? 1 : 0, classes[b].priority)
        } ?? 0
    }
}
