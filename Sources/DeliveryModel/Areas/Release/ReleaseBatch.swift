/// A release: the changes that go to production together.
struct ReleaseBatch {
    var items: [Int32]
    /// When the batch was cut.
    var created: Double
    /// When its deployment last failed.
    var failedAt: Double = 0
    /// When its canary phase began.
    var canaryFrom: Double = 0
}
