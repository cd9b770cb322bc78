import SimRandom

/// Items that split once work on them shows they are bigger (KanbanSim's and Troy Magennis'
/// "split rate"): when an item's first hands-on work is done, with `probability` it turns out to
/// be `pieces` items — itself and the others, new items of its class joining the backlog. Pieces
/// do not split again, and each piece counts as one item delivered.
public struct ScopeSplit: Sendable {
    /// Chance that an item splits (drawn per item when a distribution).
    public var probability: Distribution
    /// The number of pieces it becomes, drawn uniformly from the range (both ends included).
    public var pieces: ClosedRange<Int>

    public init(probability: Distribution, pieces: ClosedRange<Int>) {
        precondition(pieces.lowerBound >= 2 && pieces.upperBound <= ScopeSplit.maxPieces)
        self.probability = probability
        self.pieces = pieces
    }

    /// The most pieces an item may split into.
    public static let maxPieces = 100
}
