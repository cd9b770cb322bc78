import DeliveryModel

/// The terminal view of one scenario's run that fits the width: the DORA block first (each key
/// with its interval, DORA bucket and cluster, then the overall cluster), then the other
/// selected metrics, in human units.
public struct RunView: Sendable {
    public var entry: Comparison.Entry
    public var year: DORAYear
    public var replications: Int
    public var metrics: MetricSelection

    public init(_ comparison: Comparison, metrics: MetricSelection = .keys) {
        entry = comparison.entries[0]
        year = comparison.year
        replications = comparison.replications
        self.metrics = metrics
    }

    public func render(width: Int, style: TextStyle = .plain) -> String {
        let s = entry.variant.scenario
        func days(_ hours: Double) -> String { HumanUnits.rounded(hours / 24) }
        var out = style.bold(TextWrap.wrap("\(s.name): \(replications) replications, seed \(s.seed), \(days(s.horizon - s.warmup)) days measured after a \(days(s.warmup))-day warm-up", width: width)) + "\n"
        if let cluster = entry.dora.overall, year.hasClusters {
            out += TextWrap.wrap("DORA \(year.rawValue) cluster: \(cluster.title) (the worst of the keys' clusters)", width: width) + "\n"
        }
        out += "\n"
        let names = metrics.names(in: entry.metrics.map(\.name))
        var doraRows: [String] = [], other: [String] = []
        for name in names { if DORAKey(rawValue: name) != nil { doraRows.append(name) } else { other.append(name) } }
        func table(_ rows: [String], dora: Bool) -> String {
            var value: [FittedTable.Cell] = [], bucket: [FittedTable.Cell] = [], cluster: [FittedTable.Cell] = []
            for name in rows {
                let m = entry.metric(name)?.summary
                let parts = HumanUnits.metricParts(name, mean: m?.mean, low: m?.ciLow, high: m?.ciHigh)
                value.append(FittedTable.Cell(parts.value, parts.interval))
                let key = DORAKey(rawValue: name).map { entry.dora[$0] }
                bucket.append(FittedTable.Cell(key?.bucket?.label ?? ""))
                cluster.append(FittedTable.Cell(key?.cluster?.title ?? ""))
            }
            var columns = [FittedTable.Column(title: ["mean (95% interval)"], cells: value, leftAligned: true)]
            if dora {
                columns.append(FittedTable.Column(title: ["DORA bucket"], cells: bucket, leftAligned: true))
                if year.hasClusters { columns.append(FittedTable.Column(title: ["cluster"], cells: cluster, leftAligned: true)) }
            }
            let labels = rows.map { metrics.isKeys ? MetricSelection.words($0) : $0 }
            return FittedTable(labelTitle: [dora ? "DORA \(year.rawValue)" : "metric"], labels: labels, columns: columns).render(width: width, style: style)
        }
        if !doraRows.isEmpty { out += table(doraRows, dora: true) }
        if !other.isEmpty { out += (doraRows.isEmpty ? "" : "\n") + table(other, dora: false) }
        var notes = ["counts per \(MetricDefinition.countPeriodName) of the measured window; days are calendar days"]
        if metrics.isKeys { notes.append("--metrics flow|quality|ml|cost|all|NAME,... shows more; --format json or csv every metric") }
        for metric in entry.metrics where names.contains(metric.name) {
            if let note = metric.summary.note { notes.append("\(metric.name): \(note)") }
        }
        for key in entry.dora.keys where names.contains(key.key.metric) {
            if let note = key.note, entry.metric(key.key.metric)?.summary.note != note { notes.append("\(key.key.metric): \(note)") }
        }
        out += "\n" + style.dim(notes.map { TextWrap.wrap($0, width: width, indent: 2) }.joined(separator: "\n")) + "\n"
        return out
    }
}
