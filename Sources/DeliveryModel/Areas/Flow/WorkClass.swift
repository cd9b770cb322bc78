import SimRandom

/// A class of service: feature, bug, expedite …
public struct WorkClass: Sendable {
    public var name: String
    /// Share of arrivals in this class.
    public var share: Double
    /// Items of this class ignore WIP limits and jump queues (expedite).
    public var skipsWipLimits: Bool
    /// Higher is served first; equal priorities are first come, first served.
    public var priority: Int
    /// Items of this class waiting in the backlog at time 0.
    public var backlog: Int
    /// Work per item at some stages, by stage name, in place of the stage's `work` (bugs and
    /// features differ). Drawn from the stage's stream, so common random numbers hold.
    public var work: [String: Distribution]
    public init(name: String, share: Double, skipsWipLimits: Bool = Keys.skipsWipLimits.defaultValue,
                priority: Int = Keys.priority.defaultValue, backlog: Int = Keys.backlog.defaultValue,
                work: [String: Distribution] = Keys.work.defaultValue) {
        self.name = name
        self.share = share
        self.skipsWipLimits = skipsWipLimits
        self.priority = priority
        self.backlog = backlog
        self.work = work
    }
}
