import SimKernel

/// A line of jobs served by priority, highest first, first come, first served within a
/// priority: the kernel's ``PriorityLine`` heap, kept in a ``ModelArray`` one replication owns.
///
/// For the lines the model's handlers change on every item (a team's waiting tasks, the items
/// waiting for room in a stage): no copy-on-write check per change. It uses
/// ``PriorityLine``'s entries and heap steps, so it serves in exactly the same order. Like a
/// ``ModelArray`` it has reference semantics: each line is made on its own (never `repeating:`
/// one line).
struct WaitingLine<Job> {
    private typealias Line = PriorityLine<Job>
    private let heap = ModelArray<Line.Entry>(capacity: 16)
    private var arrivals: UInt64 = 0

    /// An empty line.
    init() {}

    /// The number of waiting jobs.
    var count: Int { heap.count }

    /// Adds `job` behind every waiting job of the same or a higher priority.
    @inline(__always)
    mutating func append(_ job: Job, priority: Int) {
        let entry = Line.Entry(priority: priority, order: arrivals, job: job)
        arrivals &+= 1
        heap.append(entry)
        Line.siftUp(entry, from: heap.count &- 1, in: heap.address(0))
    }

    /// Removes and returns the job to serve next, or nil when nobody waits.
    @inline(__always)
    mutating func popFirst() -> Job? {
        guard heap.count > 0 else { return nil }
        let h = heap.address(0)
        let first = h[0]
        let last = heap.removeLast()
        if heap.count > 0 { Line.siftDown(last, count: heap.count, in: h) }
        return first.job
    }
}
