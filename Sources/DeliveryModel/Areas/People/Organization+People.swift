import SimKernel

/// People: teams of interchangeable people work tasks in working hours, by priority.
extension Organization {
    /// Gives `task` to a person of `team`, who starts now if free.
    @inline(__always)
    mutating func assign(_ task: Task, team: Int, priority: Int, _ simulation: inout Simulation<Event>) {
        if let started = teams[team].arrive(task, priority: priority) {
            begin(started, team: team, &simulation)
        }
    }

    /// A person of `team` begins `task` now; it ends after its working hours in the calendar.
    @inline(__always)
    mutating func begin(_ task: Task, team: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let hours: Double
        switch task {
        case .flow(let task): hours = effort(task, at: now)
        case .tests(let task): hours = effort(task)
        case .deploy(let task): hours = effort(task)
        case .operations(let task): hours = effort(task)
        case .ml(let task): hours = effort(task)
        }
        let finish = alwaysWorking ? now + hours : calendar.finish(start: now, work: hours)
        metrics.busy(team: team, hours, from: now, to: finish, calendar: calendar)
        simulation.schedule(.taskDone(team: Int32(truncatingIfNeeded: team), task: task), at: finish)  // (teams ≤ 1 000)
    }

    /// The person is free for the next task in the team's line; the finished task moves on.
    @inline(__always)
    mutating func finishTask(_ task: Task, team: Int, _ simulation: inout Simulation<Event>) {
        if let next = teams[team].depart() { begin(next, team: team, &simulation) }
        switch task {
        case .flow(let task): finish(task, &simulation)
        case .tests(let task): finish(task, &simulation)
        case .deploy(let task): finish(task, &simulation)
        case .operations(let task): finish(task, &simulation)
        case .ml(let task): finish(task, &simulation)
        }
    }
}
