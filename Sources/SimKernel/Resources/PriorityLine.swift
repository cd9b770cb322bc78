/// A waiting line served by priority: the highest priority first, first come, first served
/// within a priority.
///
/// The line of a ``ServerPool`` under the priority discipline, and of anything else that waits
/// by class of service (items waiting for room under a WIP limit). A binary min-heap of
/// (priority, arrival order, job) stored by value: every entry has its own arrival number, so
/// the order of service is fully determined by the entries, whatever the heap's layout.
public struct PriorityLine<Job> {
    @usableFromInline internal var heap: ContiguousArray<Entry> = []
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
        let entry = Entry(priority: priority, order: arrivals, job: job)
        arrivals &+= 1
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { h in
            var i = h.count &- 1
            while i > 0 {
                let parent = (i &- 1) &>> 1
                if !entry.precedes(h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = entry
        }
    }

    /// Removes and returns the job to serve next, or nil when nobody waits.
    @inlinable
    public mutating func popFirst() -> Job? {
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last.job }
        return heap.withUnsafeMutableBufferPointer { h in
            let first = h[0]
            let n = h.count
            var i = 0
            while true {
                var child = (i &<< 1) &+ 1
                if child >= n { break }
                if child &+ 1 < n && h[child &+ 1].precedes(h[child]) { child &+= 1 }
                if !h[child].precedes(last) { break }
                h[i] = h[child]
                i = child
            }
            h[i] = last
            return first.job
        }
    }

    /// A waiting job: higher priority first, then arrival order.
    @usableFromInline
    internal struct Entry {
        @usableFromInline let priority: Int
        @usableFromInline let order: UInt64
        @usableFromInline let job: Job

        @inlinable
        init(priority: Int, order: UInt64, job: Job) {
            self.priority = priority
            self.order = order
            self.job = job
        }

        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            priority > other.priority || (priority == other.priority && order < other.order)
        }
    }
}
