import Testing
import SimKernel

/// A model that records what it handles and reschedules a tick every 1.0 until told to stop.
struct Recorder: SimulationModel {
    enum Event: Equatable { case tick(Int), note(String) }
    var log: [(Double, Event)] = []
    var ticksLeft: Int

    mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
        log.append((simulation.now, event))
        if case .tick(let n) = event, ticksLeft > 0 {
            ticksLeft -= 1
            simulation.schedule(.tick(n + 1), after: 1)
        }
    }
}

@Suite struct SimulationTests {
    @Test func runsToExhaustionInTimeOrder() {
        var model = Recorder(ticksLeft: 3)
        var sim = Simulation<Recorder.Event>()
        sim.schedule(.tick(0), after: 0.5)
        sim.schedule(.note("x"), at: 1.5)
        sim.schedule(.note("y"), at: 1.5)  // same time: after "x", FIFO
        #expect(sim.run(&model) == .exhausted)
        #expect(model.log.map(\.0) == [0.5, 1.5, 1.5, 1.5, 2.5, 3.5])
        // The notes were scheduled before tick(1) (scheduled at 0.5), so they come first at 1.5.
        #expect(model.log.map(\.1) == [.tick(0), .note("x"), .note("y"), .tick(1), .tick(2), .tick(3)])
        #expect(model.log.compactMap { if case .note(let s) = $0.1 { return s } else { return nil } } == ["x", "y"])
        #expect(sim.eventsHandled == 6)
    }

    @Test func stopsAtTheHorizonWithTheClockThere() {
        var model = Recorder(ticksLeft: 100)
        var sim = Simulation<Recorder.Event>()
        sim.schedule(.tick(0), after: 0)
        #expect(sim.run(&model, until: 10.5) == .horizon)
        #expect(sim.now == 10.5)
        #expect(model.log.count == 11)  // ticks at 0...10
        #expect(sim.pendingEvents == 1)
        #expect(sim.run(&model, until: 12) == .horizon)
        #expect(model.log.count == 13)
    }

    @Test func eventAtTheHorizonIsHandled() {
        var model = Recorder(ticksLeft: 0)
        var sim = Simulation<Recorder.Event>()
        sim.schedule(.note("edge"), at: 5)
        #expect(sim.run(&model, until: 5) == .exhausted)
        #expect(model.log.count == 1)
    }

    @Test func stopsWhenTheEventBudgetIsSpent() {
        var model = Recorder(ticksLeft: .max)
        var sim = Simulation<Recorder.Event>()
        sim.schedule(.tick(0), after: 0)
        #expect(sim.run(&model, maxEvents: 1000) == .eventBudget)
        #expect(sim.eventsHandled == 1000)
    }

    @Test func cancelledEventsAreSkipped() {
        var model = Recorder(ticksLeft: 0)
        var sim = Simulation<Recorder.Event>()
        let h = sim.schedule(.note("cancelled"), at: 1)
        sim.schedule(.note("kept"), at: 2)
        sim.cancel(h)
        _ = sim.run(&model)
        #expect(model.log.map(\.1) == [.note("kept")])
    }
}
