import HeapModule

/// A waiting line served by priority: the highest priority first, first come, first served
/// within a priority.
///
/// The line of a ``ServerPool`` under the priority discipline, and of anything else that waits
/// by class of service (items waiting for room under a WIP limit).
public struct PriorityLine<Job> {
    @usableFromInline internal var heap: Heap<Entry> = Heap()
    @usableFromInline internal var arrivals: UInt64 = 0

    /// An empty line.
    @inlinable public init() {}

    /// The number of waiting jobs.
    @inlinable public var count: Int { heap.count }

    /// True when nobody waits.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// Adds `job` behind every waiting job of the same or a higher priority.
    @inlinable
    public mutating func append(_ job: Job, priority: Int) {
        heap.insert(Entry(priority: priority, order: arrivals, job: job))
        arrivals &+= 1
    }

    /// Removes and returns the job to serve next, or nil when nobody waits.
    @inlinable
    public mutating func popFirst() -> Job? {
        heap.popMin()?.job
    }

    /// A waiting job: higher priority first, then arrival order.
    @usableFromInline
    internal struct Entry: Comparable {
        @usableFromInline let priority: Int
        @usableFromInline let order: UInt64
        @usableFromInline let job: Job

        @inlinable
        init(priority: Int, order: UInt64, job: Job) {
            self.priority = priority
            self.order = order
            self.job = job
        }

        @inlinable
        static func < (a: Entry, b: Entry) -> Bool {
            a.priority > b.priority || (a.priority == b.priority && a.order < b.order)
        }

        @inlinable
        static func == (a: Entry, b: Entry) -> Bool { a.priority == b.priority && a.order == b.order }
    }
}
