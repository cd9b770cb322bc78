import SimKernel

/// Test suites: after a stage's work, its suites run in file order; a suite may find a latent
/// defect (the item goes back for rework) or fail spuriously (it runs again).
extension Organization {
    mutating func handle(_ event: TestSuiteEvent, _ simulation: inout Simulation<Event>) {
        switch event {
        case .testDone(let item): finishTest(item, &simulation)
        }
    }

    /// A person's hours for `task`, drawn as it begins.
    mutating func effort(_ task: TestSuiteTask) -> Double {
        switch task {
        case .manualTest(let item, let suite):
            let k = Int(suite)
            let hours = tests.duration.duration(k, tests.streams.duration, k)
            items[Int(item)].touch += hours
            return hours
        }
    }

    mutating func finish(_ task: TestSuiteTask, _ simulation: inout Simulation<Event>) {
        switch task {
        case .manualTest(let item, _): finishTest(item, &simulation)
        }
    }

    /// Starts the stage's test suites, in file order, or moves on.
    @inline(__always)
    mutating func afterWork(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        let first = tests.firstAt[items[i].stage]
        if first >= 0 {
            mark(item, flow.segments.tests(items[i].stage), at: simulation.now)
            items[i].suite = first
            runSuite(item, &simulation)
        } else {
            stageDone(item, &simulation)
        }
    }

    mutating func runSuite(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), k = items[i].suite
        let team = tests.rows[k].team
        if team >= 0 {
            items[i].queued = simulation.now
            assign(.tests(.manualTest(item: item, suite: Int32(k))), team: team, priority: items[i].priority, &simulation)
        } else {
            simulation.schedule(.tests(.testDone(item: item)), after: tests.duration.duration(k, tests.streams.duration, k))
        }
    }

    mutating func finishTest(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), k = items[i].suite
        if items[i].latentDefect && tests.streams.detection[k].uniform() < tests.detection.probability(k, probabilities) {
            rework(item, caughtAt: items[i].stage, &simulation)
            return
        }
        if tests.streams.flaky[k].uniform() < tests.flaky.probability(k, probabilities) {
            metrics.tests.flakyRerun(at: simulation.now)
            runSuite(item, &simulation)
            return
        }
        let next = tests.rows[k].next
        if next >= 0 {
            items[i].suite = next
            runSuite(item, &simulation)
        } else {
            items[i].suite = -1
            stageDone(item, &simulation)
        }
    }
}
