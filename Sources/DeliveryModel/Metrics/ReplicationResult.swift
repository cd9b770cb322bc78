/// What one replication of a scenario measured, metrics in a fixed order.
public struct ReplicationResult: Sendable {
    public var replication: Int
    public var metrics: [MetricValue]
    /// Events the kernel handled.
    public var events: Int
    /// Work items that arrived (whole run, warm-up included).
    public var itemsArrived: Int
    /// Snapshots of the value stream, with `RunOptions.flowInterval`.
    public var flow: [FlowSnapshot] = []
    /// Every change that reached production, with `RunOptions.recordItems`.
    public var items: [ItemRecord] = []
    /// Status changes, deployments and incidents, with `RunOptions.recordItems`.
    public var history = History()
    /// A queue that kept growing over the second half of the run: demand beyond capacity.
    public var growingQueue: QueueGrowth?

    public init(replication: Int, metrics: [MetricValue], events: Int, itemsArrived: Int,
                flow: [FlowSnapshot] = [], items: [ItemRecord] = []) {
        self.replication = replication
        self.metrics = metrics
        self.events = events
        self.itemsArrived = itemsArrived
        self.flow = flow
        self.items = items
    }

    /// Makes each metric's name share the storage of the equal name at the same position of
    /// `names` (another replication's of the same scenario): results kept by the thousand then
    /// hold each name once. The names are equal, so nothing visible changes.
    public mutating func shareNames(_ names: [String]) {
        guard names.count == metrics.count else { return }
        for k in metrics.indices where metrics[k].name == names[k] { metrics[k].name = names[k] }
    }

    /// The value of the metric called `name`, if it has one.
    public subscript(name: String) -> Double? {
        metrics.first { $0.name == name }?.value
    }
}
