extension Organization {
    /// Something that happens at an instant: each practice area's events, a person's task
    /// ending, and the end of the warm-up. A value enum, so scheduling allocates nothing.
    enum Event {
        case flow(FlowEvent)
        case tests(TestSuiteEvent)
        case release(ReleaseEvent)
        case deploy(DeployEvent)
        case operations(OperationsEvent)
        case ml(MLEvent)
        /// A person of `team` finished `task`.
        case taskDone(team: Int32, task: Task)
        /// Statistics start counting.
        case warmupEnd
    }
}
