import DeliveryModel

/// The printed summary of a sweep: its best and worst points by lead time for changes, and each
/// varied key's effect on the DORA keys — the mean over the points at each of its values (a
/// grid's main effect), or, for a key with more than ``maxGroups`` values (a Latin hypercube),
/// over the lowest and highest thirds of its values.
public struct SweepSummary: Sendable {
    public var comparison: Comparison
    public var heading: String

    /// Keys with more distinct values than this are split into thirds.
    public static let maxGroups = 5
    /// The metrics effects are shown for.
    public static let metrics = DORAKey.allCases.map(\.metric) + [MetricDefinition.throughput.name]

    public init(_ comparison: Comparison, heading: String) {
        self.comparison = comparison
        self.heading = heading
    }

    /// The points of `comparison` ranked by mean lead time for changes, lowest first; points
    /// whose flow does not keep up with demand (the stability guard of `advise`) and points
    /// without a lead time last.
    var ranked: [Int] {
        let name = DORAKey.leadTime.metric
        return comparison.entries.indices.sorted { i, j in
            let (a, b) = (keepsUp(i), keepsUp(j))
            if a != b { return a }
            let x = comparison.entries[i].metric(name)?.summary.mean ?? .infinity
            let y = comparison.entries[j].metric(name)?.summary.mean ?? .infinity
            return x != y ? x < y : i < j
        }
    }

    /// False if point `p`'s queues kept growing, or its throughput is below 95% of its demand.
    func keepsUp(_ p: Int) -> Bool {
        let entry = comparison.entries[p]
        if entry.growingQueue != nil { return false }
        let demand = MetricDefinition.countPeriodHours * entry.variant.scenario.demand.arrivalRate
        guard let throughput = entry.metric(MetricDefinition.throughput.name)?.summary.mean else { return true }
        return throughput >= 0.95 * demand
    }

    /// One varied key's groups of points: a label per group and the points in it.
    func groups(key index: Int) -> [(label: String, points: [Int])] {
        let values = comparison.entries.map { entry -> String in
            guard index < entry.variant.overrides.count else { return "" }
            let o = entry.variant.overrides[index]
            return String(o.drop { $0 != "=" }.dropFirst())
        }
        var order: [String] = []
        for v in values where !order.contains(v) { order.append(v) }
        let numbers = order.compactMap(Double.init)
        if numbers.count == order.count { order.sort { Double($0)! < Double($1)! } }
        if order.count <= Self.maxGroups {
            return order.map { v in (v, values.indices.filter { values[$0] == v }) }
        }
        // Many values: the lowest and the highest third (by value, or by order of appearance).
        let sorted = values.indices.sorted { order.firstIndex(of: values[$0])! < order.firstIndex(of: values[$1])! }
        let third = max(1, sorted.count / 3)
        let low = Array(sorted.prefix(third)), high = Array(sorted.suffix(third))
        return [("\(values[low.first!])–\(values[low.last!])", low), ("\(values[high.first!])–\(values[high.last!])", high)]
    }

    func mean(_ metric: String, over points: [Int]) -> Double? {
        let means = points.compactMap { comparison.entries[$0].metric(metric)?.summary.mean }
        return means.isEmpty ? nil : means.reduce(0, +) / Double(means.count)
    }

    /// The summary at most `width` characters wide.
    public func render(width: Int, style: TextStyle = .plain) -> String {
        let c = comparison
        var out = style.bold(TextWrap.wrap("\(heading): \(c.entries.count) points × \(c.replications) replications, seed \(c.seed), DORA \(c.year.rawValue)", width: width)) + "\n\n"
        let order = ranked
        guard let best = order.first, let worst = order.last else { return out }
        func pointLabel(_ p: Int) -> String {
            let v = c.entries[p].variant
            return ([v.label] + ComparisonView.shortKeys(v.overrides).enumerated().map { i, key in
                "\(key)=\(v.overrides[i].drop { $0 != "=" }.dropFirst())"
            }).joined(separator: " ")
        }
        let extremes = best == worst ? [best] : [best, worst]
        let columns = Self.metrics.map { name in
            FittedTable.Column(title: MetricSelection.title(name), cells: extremes.map { p in
                let s = c.entries[p].metric(name)?.summary
                let parts = HumanUnits.metricParts(name, mean: s?.mean, low: s?.ciLow, high: s?.ciHigh)
                return FittedTable.Cell(parts.value, parts.interval)
            })
        } + [FittedTable.Column(title: ["DORA"], cells: extremes.map { FittedTable.Cell(c.entries[$0].dora.overall?.title ?? "—") }, leftAligned: true)]
        let labels = extremes.map { ($0 == best ? "best: " : "worst: ") + pointLabel($0) + (keepsUp($0) ? "" : " ✗") }
        out += FittedTable(labelTitle: ["point (by lead time for changes)"], labels: labels, columns: columns).render(width: width, style: style)

        let keys = ComparisonView.shortKeys(c.entries[0].variant.overrides)
        if !keys.isEmpty {
            out += "\n" + TextWrap.wrap("each varied key's effect: the mean over the points at its lowest → highest value (thirds of its values when it has more than \(Self.maxGroups))", width: width) + "\n"
            var labels: [String] = []
            var cells: [[FittedTable.Cell]] = Array(repeating: [], count: Self.metrics.count)
            for (k, key) in keys.enumerated() {
                let groups = groups(key: k)
                guard let first = groups.first, let last = groups.last else { continue }
                labels.append("\(key) \(first.label) → \(last.label)")
                for (m, name) in Self.metrics.enumerated() {
                    let a = mean(name, over: first.points), b = mean(name, over: last.points)
                    let text = "\(HumanUnits.metric(name, mean: a)) → \(HumanUnits.metric(name, mean: b))"
                    let change = a.flatMap { a in b.map { b in a == 0 ? nil : Headline.change(percent: 100 * (b - a) / a) } } ?? nil
                    cells[m].append(FittedTable.Cell(text, change))
                }
            }
            let effects = Self.metrics.enumerated().map { m, name in FittedTable.Column(title: MetricSelection.title(name), cells: cells[m]) }
            out += FittedTable(labelTitle: ["key: values"], labels: labels, columns: effects).render(width: width, style: style)
        }
        let behind = c.entries.indices.filter { !keepsUp($0) }
        if !behind.isEmpty {
            out += "\n" + TextWrap.wrap("✗ \(behind.count) of \(c.entries.count) points do not keep up with demand (a queue grows, or throughput is below 95% of arrivals): ranked last, whatever their lead time; e.g. " + pointLabel(behind[0]), width: width, indent: 2) + "\n"
        }
        out += "\n" + style.dim(TextWrap.wrap("values: mean over replications (95% interval); effects are means of point means, without intervals: summary.csv and points.csv hold every point", width: width, indent: 2)) + "\n"
        return out
    }
}
