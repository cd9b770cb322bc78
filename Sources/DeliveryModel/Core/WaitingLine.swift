import SimKernel

/// A line of jobs served by priority, highest first, first come, first served within a
/// priority: a binary heap in a ``ModelArray`` one replication owns.
///
/// The delivery model's counterpart of the kernel's ``PriorityLine``, for the lines its handlers
/// change on every item (a team's waiting tasks, the items waiting for room in a stage): no
/// copy-on-write check per change. Like a ``ModelArray`` it has reference semantics, so each
/// line is made on its own (never `repeating:` one line). Every job carries its own arrival
/// number, so the order of service is fully determined by the jobs, whatever the heap's layout:
/// the same order as a ``PriorityLine`` given the same jobs.
struct WaitingLine<Job> {
    /// A waiting job.
    struct Entry {
        let priority: Int
        let order: UInt64
        let job: Job

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            priority > other.priority || (priority == other.priority && order < other.order)
        }
    }

    private let heap = ModelArray<Entry>(capacity: 16)
    private var arrivals: UInt64 = 0

    /// An empty line.
    init() {}

    /// The number of waiting jobs.
    var count: Int { heap.count }

    /// Adds `job` behind every waiting job of the same or a higher priority.
    @inline(__always)
    mutating func append(_ job: Job, priority: Int) {
        let entry = Entry(priority: priority, order: arrivals, job: job)
        arrivals &+= 1
        heap.append(entry)
        let h = heap.address(0)
        var i = heap.count &- 1
        while i > 0 {
            let parent = (i &- 1) &>> 1
            if !entry.precedes(h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = entry
    }

    /// Removes and returns the job to serve next, or nil when nobody waits.
    @inline(__always)
    mutating func popFirst() -> Job? {
        guard heap.count > 0 else { return nil }
        let h = heap.address(0)
        let first = h[0]
        let last = heap.removeLast()
        let n = heap.count
        if n > 0 {
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
        }
        return first.job
    }
}
