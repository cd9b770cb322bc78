/// A WIP limit over a span of consecutive stages worked by any teams (CONWIP, a board-wide
/// limit): at most `limit` items are in the span's stages together. An item enters the span's
/// first stage only while the span has room, and its place is free when it leaves the span's
/// last stage (for the next stage or for release). Rework caught inside the span stays in it;
/// rework and expedite items pass the limit as they pass a stage's.
public struct BoardLimit: Sendable, Equatable {
    /// Index of the span's first stage.
    public var first: Int
    /// Index of the span's last stage.
    public var last: Int
    public var limit: Int
    public init(first: Int, last: Int, limit: Int) {
        self.first = first
        self.last = last
        self.limit = limit
    }
}

extension BoardLimit {
    public enum Keys {
        public static let stages = ScenarioKey<ClosedRange<Int>>("stages", .stageNames, .required,
                                                         "the stages the limit spans: consecutive, in value-stream order")
        public static let limit = ScenarioKey<Int>("limit", .integer(1...1_000_000_000, expected: "an integer ≥ 1"), .required,
                                                   "most items in those stages together")
        public static let all = KeySet([stages.info, limit.info])
    }
}
