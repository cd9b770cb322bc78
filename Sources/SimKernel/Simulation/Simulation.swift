/// A model driven by a simulation: it handles its own events and schedules more.
///
/// `Event` is the model's own value type (usually an enum), stored by value in the calendar:
/// no closure or object is allocated per event.
public protocol SimulationModel {
    /// The model's event type.
    associatedtype Event
    /// Handles `event`, which happens at `simulation.now`.
    mutating func handle(_ event: Event, in simulation: inout Simulation<Event>)
}

/// Identifies a scheduled event so that it can be cancelled.
public struct EventHandle: Hashable, Sendable {
    @usableFromInline let sequence: UInt64
    @usableFromInline init(sequence: UInt64) { self.sequence = sequence }
}

/// Why ``Simulation/run(_:until:maxEvents:)`` returned.
public enum StopReason: Equatable, Sendable {
    /// No event was left.
    case exhausted
    /// The next event lies beyond the horizon; the clock stands at the horizon.
    case horizon
    /// The event budget was spent.
    case eventBudget
}

/// The simulation clock and its event calendar: the whole of the engine's core.
///
/// It knows nothing of what the events mean. A model schedules events with
/// ``schedule(_:after:)``; ``run(_:until:maxEvents:)`` takes them in time order (FIFO among equal
/// times), advances the clock and hands each to the model.
public struct Simulation<Event> {
    /// The current simulated time.
    @inlinable public var now: Double { _now }
    @usableFromInline internal var _now: Double
    /// The pending events.
    @usableFromInline internal var calendar: EventCalendar<Event>
    /// Events handled so far.
    @inlinable public var eventsHandled: Int { _eventsHandled }
    @usableFromInline internal var _eventsHandled: Int = 0

    /// A simulation starting at time `start` with an empty calendar.
    public init(start: Double = 0, calendarArity: Int = 4, reservingCapacity capacity: Int = 1024) {
        _now = start
        calendar = EventCalendar(arity: calendarArity, reservingCapacity: capacity)
    }

    /// The number of pending events.
    public var pendingEvents: Int { calendar.count }

    /// Schedules `event` to happen `delay` time units from now (`delay` ≥ 0).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, after delay: Double) -> EventHandle {
        precondition(delay >= 0, "an event cannot be scheduled in the past (delay \(delay))")
        return EventHandle(sequence: calendar.insert(event, at: now + delay))
    }

    /// Schedules `event` at absolute time `time` (≥ now).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double) -> EventHandle {
        precondition(time >= now, "an event cannot be scheduled in the past (\(time) < \(now))")
        return EventHandle(sequence: calendar.insert(event, at: time))
    }

    /// Cancels a pending event.
    public mutating func cancel(_ handle: EventHandle) {
        calendar.cancel(handle.sequence)
    }

    /// Takes the next event, advancing the clock to it; nil when none is left.
    @inlinable
    public mutating func next() -> Event? {
        guard let entry = calendar.popMin() else { return nil }
        _now = entry.time
        _eventsHandled &+= 1
        return entry.event
    }

    /// Runs `model` until no event is left, the next event lies beyond `horizon` (the clock then
    /// stands at `horizon`), or `maxEvents` more events have been handled.
    @inlinable
    public mutating func run<Model: SimulationModel>(
        _ model: inout Model, until horizon: Double = .infinity, maxEvents: Int = .max
    ) -> StopReason where Model.Event == Event {
        var budget = maxEvents
        while true {
            guard budget > 0 else { return .eventBudget }
            guard let entry = calendar.popMin() else { return .exhausted }
            if entry.time > horizon {
                calendar.undoPopMin()
                _now = horizon
                return .horizon
            }
            _now = entry.time
            _eventsHandled &+= 1
            budget &-= 1
            model.handle(entry.event, in: &self)
        }
    }
}
