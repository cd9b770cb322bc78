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

    /// Items per hour entering the backlog from the arrivals, split pieces included (0 without
    /// arrivals): the load and flow-limit estimates' input.
    public var arrivalRate: Double {
        guard let arrivals else { return 0 }
        let extraPieces = split.map { $0.probability.mean * (Double($0.pieces.lowerBound + $0.pieces.upperBound) / 2 - 1) } ?? 0
        return (1 + extraPieces) / arrivals.mean
    }

    /// Items in the backlog at time 0, in all.
    public var startingBacklog: Int { backlog + classes.reduce(0) { $0 + $1.backlog } }
}
