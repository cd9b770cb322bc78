import Testing
import SimKernel

@Suite struct ServerPoolTests {
    @Test func fifoServesInArrivalOrder() {
        var pool = ServerPool<String>(servers: 2)
        #expect(pool.arrive("a", at: 0) == "a")
        #expect(pool.arrive("b", at: 0) == "b")
        #expect(pool.arrive("c", at: 1) == nil)
        #expect(pool.arrive("d", at: 1) == nil)
        #expect(pool.waiting == 2 && pool.busy == 2)
        #expect(pool.depart(at: 2) == "c")
        #expect(pool.depart(at: 3) == "d")
        #expect(pool.depart(at: 4) == nil)
        #expect(pool.depart(at: 4) == nil)
        #expect(pool.busy == 0)
        // Busy: 2 on [0,4), 0 on [4,8): utilization 0.5 over [0,8).
        #expect(pool.utilization(at: 8) == 0.5)
        // Waiting: 2 on [1,2), 1 on [2,3): 3 job-hours over 8 hours.
        #expect(pool.queueLength.mean(at: 8) == 3.0 / 8)
    }

    @Test func priorityServesHighestFirstThenFIFO() {
        var pool = ServerPool<String>(servers: 1, discipline: .priority)
        _ = pool.arrive("running", at: 0)
        _ = pool.arrive("low1", priority: 0, at: 1)
        _ = pool.arrive("high1", priority: 1, at: 2)
        _ = pool.arrive("low2", priority: 0, at: 3)
        _ = pool.arrive("high2", priority: 1, at: 4)
        let order = (0..<4).compactMap { _ in pool.depart(at: 5) }
        #expect(order == ["high1", "high2", "low1", "low2"])
    }

    @Test func resetKeepsStateAndRestartsStatistics() {
        var pool = ServerPool<Int>(servers: 1)
        _ = pool.arrive(1, at: 0)
        pool.resetStatistics(at: 10)
        #expect(pool.busy == 1)
        #expect(pool.utilization(at: 20) == 1)
    }
}
