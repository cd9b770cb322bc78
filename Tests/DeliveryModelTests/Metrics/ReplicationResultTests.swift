import DeliveryModel
import Testing

@Suite struct ReplicationResultTests {
    /// The address of a string's UTF-8 storage (long strings live on the heap).
    func storage(_ s: String) -> UnsafeRawPointer? {
        var copy = s
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// After `shareNames`, equal names share one storage and nothing else changes; a name that
    /// differs keeps its own.
    @Test func equalNamesShareOneStorage() {
        // Built at run time (not folded into one literal), so each call has its own heap storage.
        func made(_ suffix: String) -> String { [String(repeating: "value_stream_hours", count: 1), suffix].joined(separator: ".") }
        let first = ReplicationResult(replication: 0, metrics: [MetricValue(made("develop.queue"), 1), MetricValue(made("test.work"), 2)],
                                      events: 10, itemsArrived: 3)
        var second = ReplicationResult(replication: 1, metrics: [MetricValue(made("develop.queue"), 4), MetricValue(made("other.work"), 5)],
                                       events: 11, itemsArrived: 4)
        #expect(storage(first.metrics[0].name) != storage(second.metrics[0].name))
        second.shareNames(first.metrics.map(\.name))
        #expect(storage(first.metrics[0].name) == storage(second.metrics[0].name))
        #expect(second.metrics.map(\.name) == [made("develop.queue"), made("other.work")])
        #expect(second.metrics.map(\.value) == [4, 5])
        #expect(storage(first.metrics[1].name) != storage(second.metrics[1].name))
    }
}
