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
