import SimKernel

/// A team (``Team``) at work in one replication: how many are busy, and the tasks
/// waiting for one of them, highest priority first and first come, first served within a
/// priority.
///
/// The delivery model's own pool rather than the kernel's generic ``ServerPool``: its waiting
/// line is a binary heap in a ``ModelArray`` the replication owns (no copy-on-write check per
/// task), and it keeps no time averages (people's time is measured by the metrics in working
/// hours). Every waiting task carries its own arrival number, so the order of service is fully
/// determined by the tasks, as in ``PriorityLine``.
struct TeamAtWork {
    /// A waiting task.
    struct Waiting {
        let priority: Int
        let order: UInt64
        let task: Task

        @inline(__always)
        func precedes(_ other: Waiting) -> Bool {
            priority > other.priority || (priority == other.priority && order < other.order)
        }
    }

    let people: Int
    private(set) var busy = 0
    /// The waiting line: a binary min-heap by ``Waiting/precedes(_:)``.
    let line = ModelArray<Waiting>(capacity: 16)
    private var arrivals: UInt64 = 0

    init(people: Int) {
        precondition(people >= 1, "a team needs at least one person")
        self.people = people
    }

    /// Tasks waiting for a person.
    var waiting: Int { line.count }

    /// `task` arrives: returned if a person is free (who starts it now), else it waits.
    @inline(__always)
    mutating func arrive(_ task: Task, priority: Int) -> Task? {
        if busy < people {
            busy &+= 1
            return task
        }
        let entry = Waiting(priority: priority, order: arrivals, task: task)
        arrivals &+= 1
        line.append(entry)
        let h = line.address(0)
        var i = line.count &- 1
        while i > 0 {
            let parent = (i &- 1) &>> 1
            if !entry.precedes(h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = entry
        return nil
    }

    /// A person finished a task: the next waiting task, which that person starts now, or nil
    /// (the person is free).
    @inline(__always)
    mutating func depart() -> Task? {
        guard line.count > 0 else {
            precondition(busy > 0, "a task ended with nobody busy")
            busy &-= 1
            return nil
        }
        let h = line.address(0)
        let first = h[0]
        let last = line.removeLast()
        let n = line.count
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
        return first.task
    }
}
