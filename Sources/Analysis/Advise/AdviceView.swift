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
        let objective = a.objective
        if let best = a.steps.first(where: { $0.notRecommended == nil }), let improvement = best.improvement, improvement > 0,
           let d = best.difference, d.excludesZero {
            let old = a.baselineMeasure.mean, new = best.measure.mean
            out += style.bold(TextWrap.wrap("Best single step: \(name(best.step)) — \(objective.shortWords) from \(objective.text(old, form: .long)) to \(objective.text(new, form: .long)) (\(Headline.change(percent: d.percent ?? 0)))", width: width)) + "\n"
        }
        say("\(heading): \(a.steps.count) step\(a.steps.count == 1 ? "" : "s") applied one at a time, \(c.replications) replications each, seed \(c.seed) for all (paired), DORA \(c.year.rawValue); ranked by the change in \(objective.words)")
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
        var columns = objectiveColumns(entries: entries, marked: &marked)
        columns += Advice.effects.map { effect in
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
        notes += assumptions()
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
            say("✗ not recommended, whatever they do to \(objective.shortWords):")
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

    /// The objective's own column (cost and stability; lead time and throughput are effects
    /// already) and, for cost, the payback.
    private func objectiveColumns(entries: [(Comparison.Entry, Bool)], marked: inout Bool) -> [FittedTable.Column] {
        let a = advice, objective = a.objective
        guard objective == .cost || objective == .stability else { return [] }
        let steps = Dictionary(a.steps.map { ($0.step, $0) }, uniquingKeysWith: { x, _ in x })
        var anyMarked = false
        let cells = entries.map { entry, isBaseline -> FittedTable.Cell in
            if isBaseline {
                let m = a.baselineMeasure
                return FittedTable.Cell(objective.text(m.mean), m.low.flatMap { low in m.high.map { HumanUnits.interval(low, $0) } })
            }
            guard let step = steps[entry.variant.label] else { return FittedTable.Cell("—") }  // the target
            let value = objective.text(step.measure.mean)
            guard let d = step.difference else { return FittedTable.Cell(value) }
            anyMarked = anyMarked || d.excludesZero
            return FittedTable.Cell(value + (d.excludesZero ? "*" : ""), d.percent.map { Headline.change(percent: $0) })
        }
        marked = marked || anyMarked
        var columns = [FittedTable.Column(title: objective.title, cells: cells)]
        if objective == .cost {
            columns.append(FittedTable.Column(title: ["payback", "weeks"], cells: entries.map { entry, _ in
                guard let step = steps[entry.variant.label], step.cost != nil else { return FittedTable.Cell("—") }
                if step.neverPaysBack { return FittedTable.Cell("never") }
                guard let p = step.payback else { return FittedTable.Cell("—") }
                return FittedTable.Cell(HumanUnits.rounded(p.weeks), "(\(HumanUnits.rounded(p.low))–\(p.high.map(HumanUnits.rounded) ?? "never"))")
            }))
        }
        return columns
    }

    /// What the ranking assumed, under the table: for cost, the costs used, the steps' costs,
    /// the window and replications, and how payback is figured; for stability, its rule.
    private func assumptions() -> [String] {
        let a = advice, c = a.comparison, scenario = a.baseline.variant.scenario
        switch a.objective {
        case .leadTime, .throughput: return []
        case .stability:
            return ["failure h/deploy: change failure rate × time to restore in each replication (0 without failed deployments), paired; lower is better"]
        case .cost:
            guard let economics = scenario.economics else { return [] }
            func list(_ names: [String], _ costs: [Double?]) -> String {
                let pairs = zip(names, costs).compactMap { name, cost in cost.map { "\(name) \(HumanUnits.rounded($0))" } }
                return pairs.isEmpty ? "none" : pairs.joined(separator: ", ")
            }
            var lines = ["costs used (economics): a person-hour \(list(scenario.teams.map(\.name), economics.personHour)); delay per item-week \(list(scenario.demand.classes.map(\.name), economics.delayPerWeek)); an hour of failure \(economics.incidentHour.map(HumanUnits.rounded) ?? "none")"]
            let costed = a.steps.filter { $0.cost != nil }
            let uncosted = a.steps.filter { $0.cost == nil }.map { name($0.step) }
            lines.append("step costs (economics.steps): " + (costed.isEmpty ? "none declared" : costed.map { step in
                "\(name(step.step)) one-off \(HumanUnits.rounded(step.cost!.oneOff)), running \(HumanUnits.rounded(step.cost!.perWeek)) a week"
            }.joined(separator: "; ")) + (uncosted.isEmpty ? "" : "; no costs declared (no payback): " + uncosted.joined(separator: ", ")))
            lines.append("cost per week over the measured window (\(c.window)), \(c.replications) replications, seed \(c.seed), paired; a step's running cost is added to its cost per week")
            lines.append("payback weeks = one-off ÷ (baseline's cost per week − the step's), with the range from the paired 95% interval of that saving; never: the saving does not cover the running cost")
            return lines
        }
    }
}
