import DeliveryModel

/// The terminal view of advice that fits the width: one row per step, ranked, with each effect
/// metric's mean after the step (`*` where the paired interval of the change excludes 0) and
/// the change in percent under it; the baseline's means with their intervals first, the target
/// (all steps) last.
public struct AdviceView: Sendable {
    public var advice: Advice
    public var heading: String
    /// The name shown for each step (by the step's label); the label itself when absent.
    public var names: [String: String]
    /// Lines after the notes (e.g. how to compare with a level: `--to`).
    public var hints: [String]

    public init(_ advice: Advice, heading: String, names: [String: String] = [:], hints: [String] = []) {
        self.advice = advice
        self.heading = heading
        self.names = names
        self.hints = hints
    }

    public func render(width: Int, style: TextStyle = .plain) -> String {
        let a = advice, c = a.comparison
        var out = ""
        func say(_ text: String) { out += TextWrap.wrap(text, width: width, indent: 2) + "\n" }
        if let best = a.steps.first(where: { $0.notRecommended == nil }), let improvement = best.improvement, improvement > 0,
           let d = best.entry.metric(Advice.rankedBy)?.difference, d.excludesZero {
            let words = MetricSelection.words(Advice.rankedBy)
            let old = a.baseline.metric(Advice.rankedBy)?.summary.mean, new = best.entry.metric(Advice.rankedBy)?.summary.mean
            out += style.bold(TextWrap.wrap("Best single step: \(name(best.step)) — \(words) from \(HumanUnits.metric(Advice.rankedBy, mean: old, form: .long)) to \(HumanUnits.metric(Advice.rankedBy, mean: new, form: .long)) (\(Headline.change(percent: d.percent ?? 0)))", width: width)) + "\n"
        }
        say("\(heading): \(a.steps.count) step\(a.steps.count == 1 ? "" : "s") applied one at a time, \(c.replications) replications each, seed \(c.seed) for all (paired), DORA \(c.year.rawValue); ranked by the change in \(MetricSelection.words(Advice.rankedBy))")
        out += "\n"
        var labels = ["baseline: \(a.baseline.variant.label)"]
        var entries: [(Comparison.Entry, Bool)] = [(a.baseline, true)]
        for step in a.steps {
            labels.append("\(step.notRecommended == nil ? String(step.rank) : "✗") \(name(step.step))")
            entries.append((step.entry, false))
        }
        if let target = a.target {
            labels.append("all steps: \(target.variant.label)")
            entries.append((target, false))
        }
        var marked = false
        var columns = Advice.effects.map { effect in
            FittedTable.Column(title: MetricSelection.title(effect.metric), cells: entries.map { entry, isBaseline in
                guard let metric = entry.metric(effect.metric) else { return FittedTable.Cell("—") }
                let s = metric.summary
                if isBaseline {
                    let parts = HumanUnits.metricParts(effect.metric, mean: s.mean, low: s.ciLow, high: s.ciHigh)
                    return FittedTable.Cell(parts.value, parts.interval)
                }
                let value = HumanUnits.metric(effect.metric, mean: s.mean)
                guard let d = metric.difference else { return FittedTable.Cell(value) }
                marked = marked || d.excludesZero
                return FittedTable.Cell(value + (d.excludesZero ? "*" : ""), d.percent.map { Headline.change(percent: $0) })
            })
        }
        columns.append(FittedTable.Column(title: ["DORA"], cells: entries.map { FittedTable.Cell($0.0.dora.overall?.title ?? "—") }, leftAligned: true))
        let table = FittedTable(labelTitle: ["rank step"], labels: labels, columns: columns)
        out += table.render(width: width, style: style)

        var notes = ["each step: the mean after it, and its change from the baseline under it"]
        if marked { notes.append("* the paired 95% interval of the change excludes 0 (common random numbers)") }
        out += "\n" + style.dim(notes.map { TextWrap.wrap($0, width: width, indent: 2) }.joined(separator: "\n")) + "\n"
        if table.shortensLabels(width: width) {
            // The longest label the table shows whole.
            let room = max(12, Int(Double(width) * FittedTable.maxLabelShare))
            let shortened = zip(labels.dropFirst(), a.steps).filter { $0.0.count > room }
            if !shortened.isEmpty {
                say("steps in full:")
                for (_, step) in shortened {
                    out += TextWrap.wrap("\(step.notRecommended == nil ? String(step.rank) : "✗") \(name(step.step))", width: width, firstIndent: 2, indent: 4) + "\n"
                }
            }
        }
        let refused = a.steps.filter { $0.notRecommended != nil }
        if !refused.isEmpty {
            say("✗ not recommended, whatever they do to \(MetricSelection.words(Advice.rankedBy)):")
            for step in refused { out += TextWrap.wrap("\(name(step.step)): \(step.notRecommended!)", width: width, firstIndent: 2, indent: 4) + "\n" }
        }
        if !a.invalid.isEmpty {
            say("steps that do not apply (the scenario does not load with the step alone):")
            for bad in a.invalid {
                out += TextWrap.wrap("\(name(bad.step)): \(bad.error.split(separator: "\n").first.map(String.init) ?? "")", width: width, firstIndent: 2, indent: 4) + "\n"
            }
        }
        if a.steps.isEmpty && a.invalid.isEmpty { say("the two scenarios differ in no practice: there is no step to take") }
        for hint in hints { say(hint) }
        return out
    }

    private func name(_ step: String) -> String { names[step] ?? step }
}
