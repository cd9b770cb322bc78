/// The test-suite area's events.
enum TestSuiteEvent {
    /// An automated suite finished its run on the item.
    case testDone(item: Int32)
}

/// The test-suite area's tasks for people.
enum TestSuiteTask {
    /// A person runs a manual suite on the item.
    case manualTest(item: Int32, suite: Int32)
}
