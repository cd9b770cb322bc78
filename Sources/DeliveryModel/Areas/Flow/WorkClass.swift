/// A class of service: feature, bug, expedite …
public struct WorkClass: Sendable {
    public var name: String
    /// Share of arrivals in this class.
    public var share: Double
    /// Items of this class ignore WIP limits and jump queues (expedite).
    public var skipsWipLimits: Bool
    /// Higher is served first; equal priorities are first come, first served.
    public var priority: Int
    public init(name: String, share: Double, skipsWipLimits: Bool = Keys.skipsWipLimits.defaultValue,
                priority: Int = Keys.priority.defaultValue) {
        self.name = name
        self.share = share
        self.skipsWipLimits = skipsWipLimits
        self.priority = priority
    }
}
