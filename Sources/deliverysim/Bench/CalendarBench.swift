import ArgumentParser
import HeapModule
import SimKernel
import SimRandom

/// `deliverysim bench calendar`: the event calendar's heap against swift-collections' `Heap`.
struct CalendarBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Hold model on d-ary heaps (d = 2, 4, 8) and on swift-collections' Heap."
    )

    @Option(help: "Events per run.")
    var events: Int = 10_000_000

    @Option(help: "Master seed.")
    var seed: UInt64 = 1

    func run() throws {
        for pending in [10, 1000, 100_000] {
            for arity in [2, 4, 8] {
                report("\(arity)-ary EventCalendar", pending) { holdOnCalendar(arity: arity, pending: pending) }
            }
            report("collections Heap pop+insert", pending) { holdOnCollectionsHeap(pending: pending, fused: false) }
            report("collections Heap replaceMin", pending) { holdOnCollectionsHeap(pending: pending, fused: true) }
        }
    }

    func report(_ name: String, _ pending: Int, _ body: () -> Double) {
        let (last, s) = measure(body)
        print("calendar=\(name) pending=\(pending) events=\(events) events_per_s=\(grouped(Double(events) / s))"
              + " ns_per_event=\(fixed(1e9 * s / Double(events), 1)) [t=\(fixed(last, 1))]")
    }

    func holdOnCalendar(arity: Int, pending: Int) -> Double {
        let stream = RandomStream(seed: seed, replication: 0, purpose: "hold")
        var calendar = EventCalendar<Int32>(arity: arity, reservingCapacity: pending)
        for slot in 0..<pending { calendar.insert(Int32(slot), at: stream.exponential(mean: 1)) }
        var now = 0.0
        for _ in 0..<events {
            let entry = calendar.popMin().unsafelyUnwrapped
            now = entry.time
            calendar.insert(entry.event, at: now + stream.exponential(mean: 1))
        }
        return now
    }

    struct Key: Comparable {
        var time: Double
        var sequence: UInt64
        var event: Int32
        static func < (a: Key, b: Key) -> Bool { a.time < b.time || (a.time == b.time && a.sequence < b.sequence) }
        static func == (a: Key, b: Key) -> Bool { a.time == b.time && a.sequence == b.sequence }
    }

    func holdOnCollectionsHeap(pending: Int, fused: Bool) -> Double {
        let stream = RandomStream(seed: seed, replication: 0, purpose: "hold")
        var heap = Heap<Key>(minimumCapacity: pending)
        var sequence: UInt64 = 0
        for slot in 0..<pending {
            heap.insert(Key(time: stream.exponential(mean: 1), sequence: sequence, event: Int32(slot)))
            sequence += 1
        }
        var now = 0.0
        for _ in 0..<events {
            let top = heap.min.unsafelyUnwrapped
            now = top.time
            let next = Key(time: now + stream.exponential(mean: 1), sequence: sequence, event: top.event)
            sequence += 1
            if fused {
                heap.replaceMin(with: next)
            } else {
                _ = heap.popMin()
                heap.insert(next)
            }
        }
        return now
    }
}
