/// Advice as JSON or CSV, complete; the terminal shows ``AdviceView``.
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
                     ("not_recommended", step.notRecommended.map { .string($0) } ?? .null), ("effects", effects(step.entry)),
                     ("objective", .object([
                        ("metric", .string(a.objective.metric)), ("mean", .number(step.measure.mean)),
                        ("diff", .number(step.difference?.mean)), ("diff_low", .number(step.difference?.low)),
                        ("diff_high", .number(step.difference?.high)), ("diff_percent", .number(step.difference?.percent)),
                        ("excludes_zero", step.difference.map { .bool($0.excludesZero) } ?? .null),
                     ])),
                     ("one_off_cost", .number(step.cost?.oneOff)), ("running_cost_per_week", .number(step.cost?.perWeek)),
                     ("payback_weeks", step.payback.map { p in
                        .object([("mean", .number(p.weeks)), ("low", .number(p.low)), ("high", .number(p.high))])
                     } ?? .null),
                     ("never_pays_back", .bool(step.neverPaysBack))])
        }
        let doc: JSONText.Value = .object([
            ("dora_year", .integer(c.year.rawValue)),
            ("replications", .integer(c.replications)),
            ("seed", .string(String(c.seed))),
            ("objective", .string(a.objective.rawValue)),
            ("ranked_by", .string(a.objective.metric)),
            ("baseline_objective", .object([("mean", .number(a.baselineMeasure.mean)), ("ci_low", .number(a.baselineMeasure.low)),
                                            ("ci_high", .number(a.baselineMeasure.high))])),
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
        // Cost and stability are no effect metric: their own row (with the step's running cost),
        // and for cost the payback in weeks (mean, then its range in the interval columns).
        let own = a.objective == .cost || a.objective == .stability
        if own {
            let m = a.baselineMeasure
            out += CSVText.row(["", "baseline", a.objective.metric, CSVText.number(m.mean), CSVText.number(m.low), CSVText.number(m.high),
                                "", "", "", "", "", a.baseline.dora.overall?.name ?? "", ""])
        }
        for step in a.steps {
            rows(String(step.rank), step.step, step.entry, refused: step.notRecommended)
            guard own else { continue }
            let m = step.measure, d = step.difference
            out += CSVText.row([
                String(step.rank), step.step, a.objective.metric, CSVText.number(m.mean), CSVText.number(m.low), CSVText.number(m.high),
                CSVText.number(d?.mean), CSVText.number(d?.low), CSVText.number(d?.high), CSVText.number(d?.percent),
                d.map { $0.excludesZero ? "true" : "false" } ?? "", step.entry.dora.overall?.name ?? "",
                step.cost.map { "one-off \(HumanUnits.rounded($0.oneOff)), running \(HumanUnits.rounded($0.perWeek)) a week" } ?? "",
            ])
            if a.objective == .cost, step.cost != nil {
                let p = step.payback
                out += CSVText.row([String(step.rank), step.step, "payback_weeks", CSVText.number(p?.weeks), CSVText.number(p?.low),
                                    CSVText.number(p?.high), "", "", "", "", "", "",
                                    p == nil ? "never: the saving does not cover the running cost" : p?.high == nil ? "the saving's low end does not cover the running cost" : ""])
            }
        }
        if let target = a.target { rows("", "all steps: \(target.variant.label)", target) }
        for bad in a.invalid {
            out += CSVText.row(["", bad.step, "", "", "", "", "", "", "", "", "", "", "invalid: " + bad.error])
        }
        return out
    }
}
