import DequeModule
import SimStats

/// How a ``ServerPool`` chooses the next waiting job.
public enum QueueDiscipline: Sendable, Equatable {
    /// First come, first served.
    case fifo
    /// Highest priority first; first come, first served within a priority.
    case priority
}

/// A pool of c identical servers (people of a team, build agents) with a waiting line.
///
/// The pool does not schedule anything: the model asks for a server with ``arrive(_:priority:at:)``
/// and, when a job's service ends, frees the server with ``depart(at:)``, which hands back the
/// next waiting job, if any, to start on the freed server. Busy servers and queue length are
/// tracked as time averages.
public struct ServerPool<Job> {
    /// The number of servers.
    public let servers: Int
    /// The waiting-line discipline.
    public let discipline: QueueDiscipline
    /// Servers currently busy.
    @inlinable public var busy: Int { _busy }
    @usableFromInline internal var _busy: Int = 0
    @usableFromInline internal var line: Deque<Job> = []
    @usableFromInline internal var ranked = PriorityLine<Job>()
    /// Time average of the number of busy servers.
    @inlinable public var busyServers: TimeAverage { _busyServers }
    @usableFromInline internal var _busyServers: TimeAverage
    /// Time average of the number of waiting jobs.
    @inlinable public var queueLength: TimeAverage { _queueLength }
    @usableFromInline internal var _queueLength: TimeAverage

    /// A pool of `servers` (≥ 1) idle servers at time `start`.
    public init(servers: Int, discipline: QueueDiscipline = .fifo, at start: Double = 0) {
        precondition(servers >= 1, "a server pool needs at least one server")
        self.servers = servers
        self.discipline = discipline
        _busyServers = TimeAverage(at: start)
        _queueLength = TimeAverage(at: start)
    }

    /// The number of jobs waiting for a server.
    @inlinable
    public var waiting: Int { discipline == .fifo ? line.count : ranked.count }

    /// A job arrives at `now`. Returns the job if a server was free and it starts at once;
    /// otherwise it waits (by `priority` under the priority discipline) and nil is returned.
    @inlinable
    public mutating func arrive(_ job: Job, priority: Int = 0, at now: Double) -> Job? {
        if _busy < servers {
            _busy += 1
            _busyServers.record(Double(_busy), at: now)
            return job
        }
        switch discipline {
        case .fifo:
            line.append(job)
        case .priority:
            ranked.append(job, priority: priority)
        }
        _queueLength.record(Double(waiting), at: now)
        return nil
    }

    /// A server finishes its job at `now`. Returns the next waiting job, which starts on that
    /// server at once, or nil if none waits (the server goes idle).
    @inlinable
    public mutating func depart(at now: Double) -> Job? {
        precondition(_busy > 0, "depart() without a busy server")
        let next: Job?
        switch discipline {
        case .fifo: next = line.popFirst()
        case .priority: next = ranked.popFirst()
        }
        if next != nil {
            _queueLength.record(Double(waiting), at: now)
        } else {
            _busy -= 1
            _busyServers.record(Double(_busy), at: now)
        }
        return next
    }

    /// The time-average utilization (busy servers / servers) up to `now`.
    public func utilization(at now: Double) -> Double? {
        busyServers.mean(at: now).map { $0 / Double(servers) }
    }

    /// Starts new statistics windows at `now` (end of warm-up); the state is kept.
    public mutating func resetStatistics(at now: Double) {
        _busyServers.reset(at: now)
        _queueLength.reset(at: now)
    }
}
