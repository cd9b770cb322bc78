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
