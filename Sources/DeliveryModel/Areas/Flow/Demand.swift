import SimRandom

/// Work arriving: its arrival process and its classes of service.
public struct Demand: Sendable {
    /// Time between arrivals.
    public var arrivals: Distribution
    /// Classes of service in file order; shares sum to 1.
    public var classes: [WorkClass]
    public init(arrivals: Distribution, classes: [WorkClass]) {
        self.arrivals = arrivals
        self.classes = classes
    }
}
