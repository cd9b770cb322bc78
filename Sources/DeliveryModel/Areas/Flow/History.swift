/// What a tracker and a deployment log would hold about one replication (with
/// `RunOptions.recordItems`): every status change of every item, every deployment and every
/// incident, from time 0 (warm-up included), so a simulated organization can be exported in the
/// shapes `calibrate` reads and calibrated back.
public struct History: Sendable, Equatable {
    /// A board column an item can be in.
    public enum Status: Sendable, Equatable, Hashable {
        /// Arrived, not started.
        case backlog
        /// In stage `s`, waiting (handoff or queue for a person).
        case queue(Int)
        /// In stage `s`, a person working it (and its tests after).
        case work(Int)
        /// In stage `s`, blocked.
        case blocked(Int)
        /// Through the stages, waiting for a release and its deployment.
        case awaitingRelease
        /// In production.
        case done
    }

    /// An item entered `status` at `at` (hours).
    public struct StatusChange: Sendable, Equatable {
        /// The item's id (``ItemRecord/id``).
        public var item: Int
        /// Index into the scenario's classes.
        public var workClass: Int
        public var status: Status
        public var at: Double
    }

    /// One deployment of a release to production.
    public struct Deployment: Sendable, Equatable {
        /// From 1, in order.
        public var id: Int
        public var at: Double
        /// The deployment failed on its own and was rolled back.
        public var failed: Bool
        /// Changes in the release.
        public var changes: Int
    }

    /// A production incident caused by escaped defects of a deployment.
    public struct Incident: Sendable, Equatable {
        public var opened: Double
        public var restored: Double
        /// The ``Deployment/id`` that caused it.
        public var deployment: Int
    }

    public var statusChanges: [StatusChange] = []
    public var deployments: [Deployment] = []
    public var incidents: [Incident] = []
    public init() {}
}
