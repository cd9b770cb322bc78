import DeliveryModel

/// The terminal view of a comparison that fits the width: the headline first, then one row per
/// scenario with the selected metrics in human units and their 95% intervals, the DORA cluster,
/// and short notes. `--format json|csv` (``ComparisonReport``) stays complete.
public struct ComparisonView: Sendable {
    public var comparison: Comparison
    /// The first line after the headline, e.g. `compare: 5 scenarios`.
    public var heading: String
    public var metrics: MetricSelection
    /// The title of the label column and the row labels (default: "scenario" and the scenarios' labels).
    public var labelTitle: String
    public var labels: [String]
    /// A line after the notes (e.g. how to get advice for the baseline).
    public var hint: String?

    public init(_ comparison: Comparison, heading: String, metrics: MetricSelection = .keys,
                labelTitle: String = "scenario", labels: [String]? = nil, hint: String? = nil) {
        self.comparison = comparison
        self.heading = heading
        self.metrics = metrics
        self.labelTitle = labelTitle
        self.labels = labels ?? comparison.entries.map(\.variant.label)
        self.hint = hint
    }

    /// The labels of what-if points: their changed values (`4`, `4, 7` with two axes), and the
    /// label column's title: the varied keys, each by its last path component (two when that is
    /// ambiguous).
    public static func whatIfLabels(_ comparison: Comparison) -> (title: String, labels: [String]) {
        let overrides = comparison.entries.map(\.variant.overrides)
        guard let first = overrides.first, !first.isEmpty else { return ("scenario", comparison.entries.map(\.variant.label)) }
        let labels = overrides.map { point in point.map { String($0.drop { $0 != "=" }.dropFirst()) }.joined(separator: ", ") }
        return (shortKeys(first).joined(separator: ", "), labels)
    }

    /// `comparison` with each what-if point labelled `wip_limit=4, people=7` (short keys), for
    /// the headline and notes of the view.
    public static func whatIfRelabelled(_ comparison: Comparison) -> Comparison {
        var c = comparison
        for i in c.entries.indices where !c.entries[i].variant.overrides.isEmpty {
            let point = c.entries[i].variant.overrides
            c.entries[i].variant.label = zip(shortKeys(point), point).map { key, o in "\(key)=\(o.drop { $0 != "=" }.dropFirst())" }
                .joined(separator: ", ")
        }
        return c
    }

    /// The keys of `key=value` overrides by their last path component, or their last two when
    /// the last is shared.
    static func shortKeys(_ overrides: [String]) -> [String] {
        let paths = overrides.map { $0.prefix { $0 != "=" }.split(separator: ".").map(String.init) }
        let lasts = paths.map { $0.last ?? "" }
        return paths.map { p in
            let last = p.last ?? ""
            return lasts.filter { $0 == last }.count > 1 ? p.suffix(2).joined(separator: ".") : last
        }
    }

    /// The view at most `width` characters wide (`Int.max`: unlimited).
    public func render(width: Int, style: TextStyle = .plain) -> String {
        let c = comparison
        var out = ""
        func say(_ text: String, indent: Int = 0) { out += TextWrap.wrap(text, width: width, firstIndent: indent, indent: indent + 2) + "\n" }
        if let headline = Headline.text(c) { out += style.bold(TextWrap.wrap(headline, width: width)) + "\n" }
        say("\(heading), \(c.replications) replications each, seed \(c.seed) for all (common random numbers), DORA \(c.year.rawValue)")
        say(c.windowText)
        out += "\n"
        let names = metrics.names(in: c.metricNames)
        var marked = false
        var columns = names.map { name in
            FittedTable.Column(title: MetricSelection.title(name), cells: c.entries.map { entry in
                guard let metric = entry.metric(name) else { return FittedTable.Cell("") }
                let s = metric.summary
                let parts = HumanUnits.metricParts(name, mean: s.mean, low: s.ciLow, high: s.ciHigh)
                let significant = metric.difference?.excludesZero ?? false
                marked = marked || significant
                return FittedTable.Cell(parts.value + (significant ? "*" : ""), parts.interval)
            })
        }
        if metrics.isKeys {
            columns.append(FittedTable.Column(title: ["DORA", String(c.year.rawValue)], cells: c.entries.map {
                FittedTable.Cell($0.dora.overall?.title ?? (c.year.hasClusters ? "—" : "n/a"))
            }, leftAligned: true))
        }
        let table = FittedTable(labelTitle: [labelTitle], labels: labels, columns: columns)
        out += table.render(width: width, style: style)

        var notes: [String] = ["values: mean over replications (95% interval)"]
        if marked {
            let baselines = Set(c.entries.map(\.baseline)).sorted().map { c.entries[$0].variant.label }
            notes.append("* differs from \(baselines.joined(separator: " / ")) (paired 95% interval of the difference excludes 0); differences: --format json or csv")
        }
        if table.shortensLabels(width: width) {
            notes.append("labels shortened to fit: --wide or --format csv shows them whole")
        }
        if metrics.isKeys && c.year.hasClusters { notes.append("DORA \(c.year.rawValue): the worst of the keys' clusters; --metrics flow|quality|ml|cost|all|NAME,... shows more") }
        let shown = Set(names)
        for entry in c.entries {
            for metric in entry.metrics where shown.contains(metric.name) {
                if let note = metric.summary.note { notes.append("\(entry.variant.label): \(metric.name): \(note)") }
            }
        }
        if let hint { notes.append(hint) }
        out += "\n" + style.dim(notes.map { TextWrap.wrap($0, width: width, indent: 2) }.joined(separator: "\n")) + "\n"
        return out
    }
}
