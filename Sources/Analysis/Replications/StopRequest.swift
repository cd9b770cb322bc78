import DeliveryModel
import Foundation

/// A request to stop a long run early (the first Ctrl-C): no new replication starts, those in
/// flight finish, and the run reports what it completed.
public final class StopRequest: @unchecked Sendable {
    /// The process-wide request, set by the interrupt handler.
    public static let shared = StopRequest()

    private let lock = NSLock()
    private var requested = false
    private var requestedBy: Int32?

    public init() {}

    /// Asks running work to stop at the next replication boundary; `signal` is the signal that
    /// asked (the exit status is then 128 + it).
    public func request(signal: Int32? = nil) { lock.withLock { requested = true; requestedBy = signal } }

    /// The signal that asked to stop, if one did.
    public var signal: Int32? { lock.withLock { requestedBy } }

    /// Whether a stop was asked for.
    public var isRequested: Bool { lock.withLock { requested } }
}

/// A run stopped by a ``StopRequest`` before it finished: for every scenario, the replications
/// `0..<completed` that every scenario completed (so that they stay paired).
public struct RunInterrupted: Error, Sendable {
    public var completed: Int
    public var results: [[ReplicationResult]]
}
