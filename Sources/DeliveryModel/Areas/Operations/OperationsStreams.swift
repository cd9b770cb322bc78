import SimRandom

/// The operations area's random streams.
struct OperationsStreams {
    /// Whether an escaped defect causes an incident.
    let incidents: RandomStream
    /// Time until an incident is noticed.
    let detection: RandomStream

    init(scenario: Scenario, replication: Int) {
        incidents = RandomStream(seed: scenario.seed, replication: replication, purpose: "incidents")
        detection = RandomStream(seed: scenario.seed, replication: replication, purpose: "incidents.detection")
    }
}
