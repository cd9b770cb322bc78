import SimKernel
import SimRandom

/// The classic "hold model" calendar benchmark: keep `pending` events in the calendar; each
/// step takes the earliest and schedules one at now + Exp(1).
public struct HoldModel: SimulationModel {
    public typealias Event = Int32
    let stream: RandomStream

    /// Runs `events` steps with `pending` events in the calendar; returns the final clock.
    public static func run(pending: Int, events: Int, seed: UInt64, arity: Int = 4) -> (endTime: Double, handled: Int) {
        var model = HoldModel(stream: RandomStream(seed: seed, replication: 0, purpose: "hold"))
        var simulation = Simulation<Int32>(calendarArity: arity, reservingCapacity: pending)
        for slot in 0..<pending { simulation.schedule(Int32(truncatingIfNeeded: slot), after: model.stream.exponential(mean: 1)) }
        _ = simulation.run(&model, maxEvents: events)
        return (simulation.now, simulation.eventsHandled)
    }

    public mutating func handle(_ event: Int32, in simulation: inout Simulation<Int32>) {
        simulation.schedule(event, after: stream.exponential(mean: 1))
    }
}
