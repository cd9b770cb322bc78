import DeliveryModel
import Foundation

/// A request to stop a long run early (the first Ctrl-C): no new replication starts, those in
/// flight finish, and the run reports what it completed.
public final class StopRequest: @unchecked Sendable {
    /// The process-wide request, set by the interrupt handler.
    public static let shared = StopRequest()

    private let lock = NSLock()
    private var requested = false

    public init() {}

    /// Asks running work to stop at the next replication boundary.
    public func request() { lock.withLock { requested = true } }

    /// Whether a stop was asked for.
    public var isRequested: Bool { lock.withLock { requested } }
}

/// A run stopped by a ``StopRequest`` before it finished: for every scenario, the replications
/// `0..<completed` that every scenario completed (so that they stay paired).
public struct RunInterrupted: Error, Sendable {
    public var completed: Int
    public var results: [[ReplicationResult]]
}
