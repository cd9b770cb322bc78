import Testing
import SimKernel

@Suite struct BoundedQueueTests {
    @Test func fullQueueBlocksAndAdmitsInOrder() {
        var q = BoundedQueue<Int>(capacity: 2)
        #expect(q.offer(1) == .accepted)
        #expect(q.offer(2) == .accepted)
        #expect(q.isFull)
        #expect(q.offer(3) == .blocked)
        #expect(q.offer(4) == .blocked)
        #expect(q.count == 2 && q.blockedCount == 2)
        let first = q.take()!
        #expect(first.item == 1 && first.admitted == 3)
        let second = q.take()!
        #expect(second.item == 2 && second.admitted == 4)
        #expect(q.take()! == (3, nil))
        #expect(q.take()! == (4, nil))
        #expect(q.take() == nil && q.isEmpty)
    }
}
