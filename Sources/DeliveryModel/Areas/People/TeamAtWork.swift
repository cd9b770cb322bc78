/// A team (``Team``) at work in one replication: how many of its people are busy, and the
/// tasks waiting for one of them (a ``WaitingLine``: highest priority first, first come, first
/// served within a priority).
///
/// The delivery model's own pool rather than the kernel's generic ``ServerPool``: its line has
/// no copy-on-write check per task, and it keeps no time averages (people's time is measured
/// by the metrics in working hours).
struct TeamAtWork {
    let people: Int
    private(set) var busy = 0
    private var line = WaitingLine<Task>()

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
        line.append(task, priority: priority)
        return nil
    }

    /// A person finished a task: the next waiting task, which that person starts now, or nil
    /// (the person is free).
    @inline(__always)
    mutating func depart() -> Task? {
        if let next = line.popFirst() { return next }
        precondition(busy > 0, "a task ended with nobody busy")
        busy &-= 1
        return nil
    }
}
