/// A waiting line served by priority: the highest priority first, first come, first served
/// within a priority.
///
/// The line of a ``ServerPool`` under the priority discipline, and of anything else that waits
/// by class of service (items waiting for room under a WIP limit). A binary min-heap of
/// (priority, arrival order, job) stored by value: every entry has its own arrival number, so
/// the order of service is fully determined by the entries, whatever the heap's layout.
///
/// Its heap steps, ``siftUp(_:from:in:)`` and ``siftDown(_:count:in:)``, work on entries in
/// place through a pointer, so a model that keeps its line in storage of its own (a
/// replication-owned array, without copy-on-write checks) serves in exactly the same order.
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
        heap.withUnsafeMutableBufferPointer { h in Self.siftUp(entry, from: h.count &- 1, in: h.baseAddress!) }
    }

    /// Removes and returns the job to serve next, or nil when nobody waits.
    @inlinable
    public mutating func popFirst() -> Job? {
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last.job }
        return heap.withUnsafeMutableBufferPointer { h in
            let first = h[0]
            Self.siftDown(last, count: h.count, in: h.baseAddress!)
            return first.job
        }
    }

    /// Puts `entry` in its place on the path from position `start` up to the root of the heap
    /// at `h` (position `start` is free).
    @inlinable @inline(__always)
    public static func siftUp(_ entry: Entry, from start: Int, in h: UnsafeMutablePointer<Entry>) {
        var i = start
        while i > 0 {
            let parent = (i &- 1) &>> 1
            if !entry.precedes(h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = entry
    }

    /// Puts `entry` in its place on the path down from the root of the heap at `h`, `n`
    /// entries long (the root is free).
    @inlinable @inline(__always)
    public static func siftDown(_ entry: Entry, count n: Int, in h: UnsafeMutablePointer<Entry>) {
        var i = 0
        while true {
            var child = (i &<< 1) &+ 1
            if child >= n { break }
            if child &+ 1 < n && h[child &+ 1].precedes(h[child]) { child &+= 1 }
            if !h[child].precedes(entry) { break }
            h[i] = h[child]
            i = child
        }
        h[i] = entry
    }

    /// A waiting job: higher priority first, then arrival order.
    public struct Entry {
        public let priority: Int
        public let order: UInt64
        public let job: Job

        /// A job of `priority` that arrived `order`-th.
        @inlinable
        public init(priority: Int, order: UInt64, job: Job) {
            self.priority = priority
            self.order = order
            self.job = job
        }

        /// Served before `other`.
        @inlinable @inline(__always)
        public func precedes(_ other: Entry) -> Bool {
            priority > other.priority || (priority == other.priority && order < other.order)
        }
    }
}
