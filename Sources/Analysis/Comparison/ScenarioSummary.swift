import DeliveryModel

/// One scenario's replications summarized: what a ``Comparison`` entry is made of, computed as
/// soon as the scenario's last replication is done.
struct ScenarioSummary: Sendable {
    /// Every metric's summary, in the order of the first replication.
    var metrics: [MetricSummary]
    /// `values[c][r]`: replication r's value of the metric of column c (nil where it had none);
    /// a column for every metric name any replication reported.
    var values: [[Double?]]
    /// The column of each metric name.
    var column: [String: Int]
    /// The queue that kept growing in most replications: the first such replication's, or nil.
    var growingQueue: QueueGrowth?

    init(_ runs: [ReplicationResult]) {
        metrics = MetricSummary.all(runs)
        var column: [String: Int] = [:]
        var values: [[Double?]] = []
        // Replications of one scenario report their metrics in the same order: a metric at the
        // position it has in the first replication goes to that column without hashing its name.
        var firstNames: [String] = []
        var firstColumns: [Int] = []
        func columnOf(_ name: String) -> Int {
            if let c = column[name] { return c }
            column[name] = values.count
            values.append(Array(repeating: nil, count: runs.count))
            return values.count - 1
        }
        // (Metrics read in place by index: iterating them would copy each ``MetricValue``.)
        for r in runs.indices {
            let metrics = runs[r].metrics
            for k in metrics.indices {
                let c: Int
                if r > 0, k < firstNames.count, firstNames[k] == metrics[k].name {
                    c = firstColumns[k]
                } else {
                    c = columnOf(metrics[k].name)
                    if r == 0 {
                        firstNames.append(metrics[k].name)
                        firstColumns.append(c)
                    }
                }
                values[c][r] = metrics[k].value
            }
        }
        self.column = column
        self.values = values
        let growing = runs.compactMap(\.growingQueue)
        growingQueue = growing.count * 2 > runs.count ? growing.first : nil
    }

    /// The values by replication of the metric called `name` (nil if no replication had it).
    func values(of name: String) -> [Double?]? {
        column[name].map { values[$0] }
    }
}
