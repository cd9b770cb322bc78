/// One metric of one replication: a value, or none with the reason.
public struct MetricValue: Sendable, Equatable {
    /// The metric's name, e.g. `lead_time_for_changes_hours.p85` or `wip.develop`.
    public var name: String
    /// The value, or nil when the run had no events to measure it by.
    public var value: Double?
    /// Why `value` is nil.
    public var reason: String?

    public init(_ name: String, _ value: Double?, reason: String? = nil) {
        self.name = name
        self.value = value
        self.reason = value == nil ? (reason ?? "no events to measure") : nil
    }
}
