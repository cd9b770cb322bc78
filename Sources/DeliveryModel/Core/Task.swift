/// What a person of a team is asked to do, by practice area.
enum Task {
    case flow(FlowTask)
    case tests(TestSuiteTask)
    case deploy(DeployTask)
    case operations(OperationsTask)
    case ml(MLTask)
}

/// Priorities of tasks in a team's queue: restoring service first, then deployments, then work.
enum TaskPriority {
    static let restore = 1_000_000
    static let deploy = 500_000
}
