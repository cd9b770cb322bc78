/// Advice as an aligned table, JSON or CSV.
public struct AdviceReport: Sendable {
    public var advice: Advice
    /// The first line of the table, e.g. `advise: cd-beginner → cd-intermediate`.
    public var heading: String

    /// The catalogue steps by their label (the step's name), when the advice came from the catalogue.
    public var practices: [String: AppliedPractice]

    public init(_ advice: Advice, heading: String, practices: [AppliedPractice] = []) {
        self.advice = advice
        self.heading = heading
        self.practices = Dictionary(practices.map { ($0.step.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Steps longer than this are shortened in the table and listed in full below it.
    static let stepWidth = 56

    // MARK: table

    /// The advice as aligned text; `style` makes the headers bold and the notes dim on a terminal.
    public func table(style: TextStyle = .plain) -> String {
        let a = advice, c = a.comparison
        var out = "\(heading): \(a.steps.count) step\(a.steps.count == 1 ? "" : "s") applied one at a time, "
            + "\(c.replications) replications each, seed \(c.seed) for all (paired), DORA \(c.year.rawValue)\n"
            + "ranked by the relative change in \(Advice.rankedBy) (a decrease is an improvement)\n\n"
        var first = ["rank", "step"], second = ["", ""]
        for effect in Advice.effects {
            first += [effect.metric, ""]
            second += ["Δ [95% CI]", "Δ%"]
        }
        first.append("DORA")
        second.append("overall")
        var table = TextTable(header: [first, second], leftAligned: 2)
        var marked = false
        var shortened: [String] = []

        var base = ["", "baseline: \(a.baseline.variant.label) (mean)"]
        for effect in Advice.effects {
            let s = a.baseline.metric(effect.metric)?.summary
            base += [ComparisonReport.meanCell(s?.mean, s?.ciLow, s?.ciHigh) + " ", ""]
        }
        table.rows.append(base + [Self.cluster(a.baseline)])

        func row(_ rank: String, _ label: String, _ entry: Comparison.Entry) -> [String] {
            var cells = [rank, label]
            for effect in Advice.effects {
                if let d = entry.metric(effect.metric)?.difference {
                    marked = marked || d.excludesZero
                    cells += [ComparisonReport.meanCell(d.mean, d.low, d.high) + (d.excludesZero ? "*" : " "), d.percent.map(NumberText.percent) ?? ""]
                } else {
                    cells += ["—", ""]
                }
            }
            return cells + [Self.cluster(entry)]
        }
        for step in a.steps {
            var label = step.step
            if label.count > Self.stepWidth {
                shortened.append("\(step.rank). \(step.step)")
                label = String(label.prefix(Self.stepWidth - 1)) + "…"
            }
            table.rows.append(row(step.notRecommended == nil ? String(step.rank) : "✗", label, step.entry))
        }
        if let target = a.target { table.rows.append(row("", "all steps: \(target.variant.label)", target)) }
        out += table.render(style: style)

        var notes: [String] = []
        if marked { notes.append("* the paired 95% interval of the difference excludes zero") }
        notes.append("Δ: paired 95% interval of the per-replication difference from the baseline (common random numbers)")
        if !shortened.isEmpty { out += "\nsteps in full:\n" + shortened.map { "  \($0)\n" }.joined() }
        let refused = a.steps.filter { $0.notRecommended != nil }
        if !refused.isEmpty {
            out += "\n✗ not recommended, whatever they do to \(Advice.rankedBy):\n"
            out += refused.map { "  \($0.step): \($0.notRecommended!)\n" }.joined()
        }
        if !a.invalid.isEmpty {
            out += "\ninvalid steps (the scenario does not load with the step alone):\n"
            out += a.invalid.map { "  \($0.step)\n" + $0.error.split(separator: "\n").map { "    \($0)\n" }.joined() }.joined()
        }
        if a.steps.isEmpty && a.invalid.isEmpty { notes.append("the two scenarios differ in no practice: there is no step to take") }
        out += "\n" + style.dim("notes:\n" + notes.map { "  \($0)" }.joined(separator: "\n")) + "\n"
        return out
    }

    static func cluster(_ entry: Comparison.Entry) -> String { entry.dora.overall?.title ?? "unclassified" }

    // MARK: JSON

    public func json() -> String {
        let a = advice, c = a.comparison
        func scenario(_ entry: Comparison.Entry) -> [(String, JSONText.Value)] {
            [("name", .string(entry.variant.label)), ("file", .string(entry.variant.file)),
             ("dora_cluster", entry.dora.overall.map { .string($0.name) } ?? .null)]
        }
        func effects(_ entry: Comparison.Entry) -> JSONText.Value {
            .object(Advice.effects.map { effect in
                let m = entry.metric(effect.metric), d = m?.difference
                return (effect.metric, .object([
                    ("mean", .number(m?.summary.mean)), ("diff", .number(d?.mean)), ("diff_low", .number(d?.low)),
                    ("diff_high", .number(d?.high)), ("diff_percent", .number(d?.percent)),
                    ("excludes_zero", d.map { .bool($0.excludesZero) } ?? .null),
                ]))
            })
        }
        let baseline: JSONText.Value = .object(scenario(a.baseline) + [("metrics", .object(Advice.effects.map { effect in
            let s = a.baseline.metric(effect.metric)?.summary
            return (effect.metric, .object([("mean", .number(s?.mean)), ("ci_low", .number(s?.ciLow)), ("ci_high", .number(s?.ciHigh)),
                                            ("n", .integer(s?.n ?? 0))]))
        }))])
        let steps: [JSONText.Value] = a.steps.map { step -> JSONText.Value in
            let practice = practices[step.step]
            return .object([("rank", .integer(step.rank)), ("step", .string(step.step)),
                     ("name", .string(practice?.step.name ?? step.step)), ("id", practice.map { .string($0.step.id) } ?? .null),
                     ("source", .string(practice?.step.source ?? "the difference from \(a.target?.variant.label ?? "the baseline")")),
                     ("overrides", .array((practice?.overrides ?? [step.step]).map { .string($0) })),
                     ("dora_cluster", step.entry.dora.overall.map { .string($0.name) } ?? .null),
                     ("improvement_percent", .number(step.improvement)),
                     ("not_recommended", step.notRecommended.map { .string($0) } ?? .null), ("effects", effects(step.entry))])
        }
        let doc: JSONText.Value = .object([
            ("dora_year", .integer(c.year.rawValue)),
            ("replications", .integer(c.replications)),
            ("seed", .string(String(c.seed))),
            ("ranked_by", .string(Advice.rankedBy)),
            ("baseline", baseline),
            ("target", a.target.map { .object(scenario($0) + [("effects", effects($0))]) } ?? .null),
            ("steps", .array(steps)),
            ("invalid_steps", .array(a.invalid.map { .object([("step", .string($0.step)), ("error", .string($0.error))]) })),
        ])
        return JSONText.render(doc) + "\n"
    }

    // MARK: CSV

    /// One row per step and effect metric (the baseline's rows carry its means and intervals,
    /// an invalid step one row with its error).
    public func csv() -> String {
        let a = advice
        var out = CSVText.row(["rank", "step", "metric", "mean", "ci_low", "ci_high", "baseline_diff", "baseline_diff_low",
                               "baseline_diff_high", "baseline_diff_percent", "excludes_zero", "dora_cluster", "note"])
        func rows(_ rank: String, _ label: String, _ entry: Comparison.Entry, refused: String? = nil) {
            for effect in Advice.effects {
                let m = entry.metric(effect.metric), s = m?.summary, d = m?.difference
                out += CSVText.row([
                    rank, label, effect.metric, CSVText.number(s?.mean), CSVText.number(s?.ciLow), CSVText.number(s?.ciHigh),
                    CSVText.number(d?.mean), CSVText.number(d?.low), CSVText.number(d?.high), CSVText.number(d?.percent),
                    d.map { $0.excludesZero ? "true" : "false" } ?? "", entry.dora.overall?.name ?? "",
                    refused.map { "not recommended: " + $0 } ?? s?.note ?? "",
                ])
            }
        }
        rows("", "baseline", a.baseline)
        for step in a.steps { rows(String(step.rank), step.step, step.entry, refused: step.notRecommended) }
        if let target = a.target { rows("", "all steps: \(target.variant.label)", target) }
        for bad in a.invalid {
            out += CSVText.row(["", bad.step, "", "", "", "", "", "", "", "", "", "", "invalid: " + bad.error])
        }
        return out
    }
}
