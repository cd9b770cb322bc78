/// The pending events of a simulation, ordered by time with a FIFO tie-break.
///
/// A d-ary min-heap (d = 2, 4 or 8; 4 by default, the fastest measured by
/// `deliverysim bench calendar`) of entries stored by value. Events that share a time come out
/// in the order they were scheduled: each entry carries a sequence number that breaks ties.
///
/// The heap defers removal of its root: ``popMin()`` hands out the earliest entry and leaves a
/// hole at the root, and the next ``insert(_:at:)`` fills the hole with one sift-down instead of a
/// sift-down plus a sift-up. Handling an event that schedules one more event — the commonest
/// step of a simulation — thus costs one sift instead of two.
///
/// The entries live in a ``ModelArray`` the calendar owns (one per simulation, one thread): the
/// sifts work through its pointer with no copy-on-write uniqueness check per insert. Copies of a
/// calendar share that storage, so a calendar is used in place (as ``Simulation`` does), never
/// copied to be changed independently.
public struct EventCalendar<Event> {
    /// One scheduled event.
    public struct Entry {
        /// When the event happens.
        public var time: Double
        /// Scheduling order, unique per calendar: the tie-break among equal times.
        public var sequence: UInt64
        /// The model's event value.
        public var event: Event

        @inlinable
        init(time: Double, sequence: UInt64, event: Event) {
            self.time = time
            self.sequence = sequence
            self.event = event
        }

        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline internal let heap: ModelArray<Entry>
    /// True when `heap[0]` was handed out by `popMin()` and awaits a replacement.
    @usableFromInline internal var holeAtRoot = false
    @usableFromInline internal var nextSequence: UInt64 = 0
    @usableFromInline internal let shift: Int
    /// Sequences of cancelled events still in the heap.
    @usableFromInline internal var cancelled: Set<UInt64> = []

    /// An empty calendar whose heap has `arity` children per node (2, 4 or 8).
    public init(arity: Int = 4, reservingCapacity capacity: Int = 0) {
        switch arity {
        case 2: shift = 1
        case 4: shift = 2
        case 8: shift = 3
        default: preconditionFailure("calendar arity must be 2, 4 or 8")
        }
        heap = ModelArray(capacity: capacity)
    }

    /// The number of children per heap node.
    public var arity: Int { 1 << shift }

    /// The number of events pending, cancelled ones excluded.
    @inlinable
    public var count: Int { heap.count - (holeAtRoot ? 1 : 0) - cancelled.count }

    /// True if no event is pending.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// Schedules `event` at `time` and returns the sequence number that identifies it.
    @inlinable
    @discardableResult
    public mutating func insert(_ event: Event, at time: Double) -> UInt64 {
        let sequence = nextSequence
        nextSequence &+= 1
        let entry = Entry(time: time, sequence: sequence, event: event)
        if holeAtRoot {
            holeAtRoot = false
            siftDown(entry, from: 0)
        } else {
            heap.append(entry)
            siftUp(entry, from: heap.count - 1)
        }
        return sequence
    }

    /// Removes and returns the earliest pending event, skipping cancelled ones.
    @inlinable
    public mutating func popMin() -> Entry? {
        while true {
            if holeAtRoot { fillHole() }
            guard !heap.isEmpty else { return nil }
            let top = heap[0]
            holeAtRoot = true
            if cancelled.isEmpty || cancelled.remove(top.sequence) == nil { return top }
        }
    }

    /// Puts back the entry the last ``popMin()`` returned; valid only directly after it.
    @inlinable
    public mutating func undoPopMin() {
        precondition(holeAtRoot, "undoPopMin() must directly follow popMin()")
        holeAtRoot = false
    }

    /// The time of the earliest pending event, or nil.
    @inlinable
    public mutating func nextTime() -> Double? {
        while true {
            if holeAtRoot { fillHole() }
            guard let top = heap.first else { return nil }
            if cancelled.isEmpty || !cancelled.contains(top.sequence) { return top.time }
            cancelled.remove(top.sequence)
            holeAtRoot = true
        }
    }

    /// Marks the event with `sequence` as cancelled; it will never be returned. Cancelling an
    /// event that is no longer pending has no effect beyond a small record kept until ``removeAll()``.
    public mutating func cancel(_ sequence: UInt64) {
        precondition(sequence < nextSequence, "no such event")
        cancelled.insert(sequence)
    }

    /// Removes every pending event (sequence numbers keep counting).
    public mutating func removeAll() {
        heap.removeAll()
        holeAtRoot = false
        cancelled.removeAll()
    }

    // MARK: Heap mechanics

    /// Moves the last entry into the hole at the root and restores the heap order.
    @inlinable
    internal mutating func fillHole() {
        holeAtRoot = false
        let last = heap.removeLast()
        if !heap.isEmpty { siftDown(last, from: 0) }
    }

    @inlinable
    internal mutating func siftUp(_ entry: Entry, from start: Int) {
        let shift = self.shift
        let h = heap.base
        do {
            // Masking shifts and wrapping arithmetic: `shift` is 1, 2 or 3 and indices stay far
            // below Int.max, so the checks of `>>` and `+` would only cost time.
            var i = start
            while i > 0 {
                let parent = (i &- 1) &>> shift
                if !entry.precedes(h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = entry
        }
    }

    @inlinable @inline(__always)
    internal mutating func siftDown(_ entry: Entry, from start: Int) {
        let shift = self.shift
        let h = heap.base
        do {
            let n = heap.count
            var i = start
            if shift == 1 {
                // Binary: the smaller of two children, without the general loop over d children.
                while true {
                    var best = (i &<< 1) &+ 1
                    if best >= n { break }
                    let right = best &+ 1
                    if right < n && h[right].precedes(h[best]) { best = right }
                    if !h[best].precedes(entry) { break }
                    h[i] = h[best]
                    i = best
                }
                h[i] = entry
                return
            }
            while true {
                let first = (i &<< shift) &+ 1
                if first >= n { break }
                let end = Swift.min(first &+ (1 &<< shift), n)
                var best = first
                var c = first &+ 1
                while c < end {
                    if h[c].precedes(h[best]) { best = c }
                    c &+= 1
                }
                if !h[best].precedes(entry) { break }
                h[i] = h[best]
                i = best
            }
            h[i] = entry
        }
    }
}
