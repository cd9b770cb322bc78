import DequeModule
import SimRandom

/// The release area's state in one replication: changes ready for a release, and the releases
/// under way (slots reused so memory does not grow with the horizon).
struct ReleaseState {
    /// Change-approval delays.
    let approvalStream: RandomStream
    /// Finished changes waiting for the next release.
    var ready: Deque<Int32> = []
    var batches: [ReleaseBatch] = []
    var freeBatches: [Int32] = []

    init(scenario: Scenario, replication: Int) {
        approvalStream = RandomStream(seed: scenario.seed, replication: replication, purpose: "approval")
    }
}
