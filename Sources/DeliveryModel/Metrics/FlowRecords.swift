/// One snapshot of the value stream: the data of a cumulative flow diagram.
public struct FlowSnapshot: Sendable, Equatable {
    /// Days since the start of the replication (warm-up included).
    public var day: Int
    /// Work items arrived so far (cumulative).
    public var arrivals: Int
    /// Items arrived but not yet pulled into the first stage.
    public var backlog: Int
    /// Items in each stage (waiting, in work, in tests, blocked), in stage order.
    public var inStage: [Int]
    /// Finished items waiting for a release, in approval or being deployed.
    public var awaitingRelease: Int
    /// Changes running in production (cumulative).
    public var done: Int
}

/// The life of one change, recorded when it reaches production (with `RunOptions.recordItems`).
public struct ItemRecord: Sendable, Equatable {
    /// The item's number within the replication, in creation order from 1. A change that was
    /// reverted and deployed again appears twice with the same id.
    public var id: Int
    /// The class of service's name.
    public var workClass: String
    public var arrival: Double
    /// First pulled into the first stage.
    public var start: Double
    /// Last completion of the first stage's work (the final commit).
    public var developmentDone: Double
    /// Cut into a release.
    public var released: Double
    /// Running in production.
    public var deployed: Double
    /// Rework passes.
    public var reworks: Int
    /// It carried a latent defect into production.
    public var escapedDefect: Bool
    /// That defect caused a production incident.
    public var incident: Bool
    /// Arrival → production, hours.
    public var leadTime: Double { deployed - arrival }
    /// Start → production, hours.
    public var cycleTime: Double { deployed - start }
    /// Development done → production, hours.
    public var leadTimeForChanges: Double { deployed - developmentDone }
}

/// What a run records besides its metrics.
public struct RunOptions: Sendable {
    /// Record every change reaching production as an ``ItemRecord`` (memory grows with the horizon).
    public var recordItems: Bool
    /// Take a ``FlowSnapshot`` every this many hours (24: daily); nil for none.
    public var flowInterval: Double?
    /// Stop a replication that handles more events than this.
    public var maxEvents: Int

    public init(recordItems: Bool = false, flowInterval: Double? = nil, maxEvents: Int = .max) {
        precondition(flowInterval.map { $0 > 0 } ?? true, "the flow interval must be positive")
        self.recordItems = recordItems
        self.flowInterval = flowInterval
        self.maxEvents = maxEvents
    }
}
