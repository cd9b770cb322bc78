/// What a run records besides its metrics.
public struct RunOptions: Sendable {
    /// Record every change reaching production as an ``ItemRecord`` (memory grows with the horizon).
    public var recordItems: Bool
    /// Take a ``FlowSnapshot`` every this many hours (24: daily); nil for none.
    public var flowInterval: Double?
    /// Stop a replication that handles more events than this.
    public var maxEvents: Int
    /// Count the scope's items delivered by this time (a forecast's "how many"); nil for none.
    public var countBy: Double?
    /// The class of items added to the scope (`demand.added_scope`); nil: drawn by share.
    public var scopeClass: Int?

    public init(recordItems: Bool = false, flowInterval: Double? = nil, maxEvents: Int = .max) {
        precondition(flowInterval.map { $0 > 0 } ?? true, "the flow interval must be positive")
        self.recordItems = recordItems
        self.flowInterval = flowInterval
        self.maxEvents = maxEvents
    }
}
