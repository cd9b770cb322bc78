import SimRandom

/// Work arriving: a starting backlog, an arrival process, and the classes of service.
public struct Demand: Sendable {
    /// Time between arrivals; nil for none (a fixed scope: the starting backlog only).
    public var arrivals: Distribution?
    /// Classes of service in file order; shares sum to 1.
    public var classes: [WorkClass]
    /// Items waiting in the backlog at time 0, their classes drawn by share (besides each
    /// class's own ``WorkClass/backlog``).
    public var backlog: Int
    /// Items that split into several once work on them begins; nil for none.
    public var split: ScopeSplit?
    /// Time between items added to the starting backlog's scope while any of it is not yet in
    /// production (added scope); nil for none.
    public var addedScope: Distribution?
    public init(arrivals: Distribution?, classes: [WorkClass], backlog: Int = Keys.backlog.defaultValue,
                split: ScopeSplit? = nil, addedScope: Distribution? = nil) {
        self.arrivals = arrivals
        self.classes = classes
        self.backlog = backlog
        self.split = split
        self.addedScope = addedScope
    }

    /// True when items split or scope is added.
    public var growsScope: Bool { split != nil || addedScope != nil }

    /// Arrivals per hour (0 without arrivals).
    public var arrivalRate: Double { arrivals.map { 1 / $0.mean } ?? 0 }

    /// Items in the backlog at time 0, in all.
    public var startingBacklog: Int { backlog + classes.reduce(0) { $0 + $1.backlog } }
}
