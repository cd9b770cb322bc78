import Testing
import SimKernel

@Suite struct EventCalendarTests {
    /// A deterministic pseudo-random sequence for shuffling test input.
    struct LCG { var state: UInt64; mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 } }

    @Test(arguments: [2, 4, 8])
    func popsInTimeOrderWithFIFOTies(arity: Int) {
        var calendar = EventCalendar<Int>(arity: arity)
        var rng = LCG(state: 42)
        var reference: [(time: Double, order: Int)] = []
        var order = 0
        var popped: [(Double, Int)] = []
        // Interleave inserts and pops, with many equal times (times are small integers).
        for step in 0..<20_000 {
            if step % 3 == 2, let e = calendar.popMin() {
                popped.append((e.time, e.event))
                let i = reference.indices.min { (reference[$0].time, reference[$0].order) < (reference[$1].time, reference[$1].order) }!
                #expect(reference[i].time == e.time && reference[i].order == e.event)
                reference.remove(at: i)
            } else {
                let floor = popped.last?.0 ?? 0
                let t = floor + Double(rng.next() % 8)
                calendar.insert(order, at: t)
                reference.append((t, order))
                order += 1
            }
        }
        #expect(calendar.count == reference.count)
        var last = (time: -1.0, order: -1)
        while let e = calendar.popMin() {
            #expect(e.time > last.time || (e.time == last.time && e.event > last.order))
            last = (e.time, e.event)
        }
        #expect(calendar.isEmpty)
    }

    @Test func cancelledEventsNeverComeOut() {
        var calendar = EventCalendar<String>()
        calendar.insert("a", at: 1)
        let b = calendar.insert("b", at: 2)
        calendar.insert("c", at: 3)
        calendar.cancel(b)
        #expect(calendar.count == 2)
        #expect(calendar.popMin()?.event == "a")
        #expect(calendar.nextTime() == 3)
        #expect(calendar.popMin()?.event == "c")
        #expect(calendar.popMin() == nil)
    }

    @Test func undoPopPutsTheEventBack() {
        var calendar = EventCalendar<Int>()
        calendar.insert(1, at: 5)
        calendar.insert(2, at: 7)
        let first = calendar.popMin()!
        calendar.undoPopMin()
        #expect(calendar.count == 2)
        #expect(calendar.popMin()?.sequence == first.sequence)
    }
}
