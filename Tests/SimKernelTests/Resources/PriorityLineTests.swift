import Testing
import SimKernel
import SimRandom

@Suite struct PriorityLineTests {
    /// Interleaved appends and pops serve exactly the order of a stable sort by priority
    /// (highest first) and arrival: checked against a plain list on 20 000 random operations.
    @Test func servesHighestPriorityFirstThenFirstComeFirstServed() {
        let s = RandomStream(seed: 5, replication: 0, purpose: "line")
        var line = PriorityLine<Int>()
        var reference: [(priority: Int, job: Int)] = []
        var next = 0
        for _ in 0..<20_000 {
            if s.uniform() < 0.55 {
                let priority = s.index(below: 4)
                line.append(next, priority: priority)
                reference.append((priority, next))
                next += 1
            } else {
                let expected = reference.indices.max { a, b in
                    reference[a].priority < reference[b].priority
                        || (reference[a].priority == reference[b].priority && reference[a].job > reference[b].job)
                }
                let job = line.popFirst()
                #expect(job == expected.map { reference[$0].job })
                if let e = expected { reference.remove(at: e) }
            }
            #expect(line.count == reference.count)
        }
    }
}
