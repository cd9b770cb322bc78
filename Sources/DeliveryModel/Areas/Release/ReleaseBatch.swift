/// A release: the changes that go to production together.
struct ReleaseBatch {
    var items: [Int32]
    /// When its deployment last failed.
    var failedAt: Double = 0
    /// When its canary phase began.
    var canaryFrom: Double = 0
}
