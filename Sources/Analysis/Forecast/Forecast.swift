import DeliveryModel

/// What a forecast asks: the scope, where it starts, and how far to look.
public struct ForecastQuestion: Sendable {
    /// Items in the backlog at the start (nil: the scenario's own starting backlog).
    public var items: Int?
    /// The class of those items (nil: drawn by the classes' shares).
    public var workClass: String?
    /// The date of time 0; the calendar's weekdays and holidays are placed from it.
    public var start: CalendarDate
    /// "How many" by the end of this date; nil for "when" only.
    public var by: CalendarDate?
    /// Simulated time at most, per replication.
    public var horizon: Double

    public init(items: Int?, workClass: String?, start: CalendarDate, by: CalendarDate?, horizon: Double) {
        self.items = items
        self.workClass = workClass
        self.start = start
        self.by = by
        self.horizon = horizon
    }

    /// The probabilities every forecast reports.
    public static let probabilities = [0.5, 0.7, 0.85, 0.95]

    /// Hours from the start to the end of the `by` date.
    public var byHours: Double? { by.map { Double($0.day - start.day + 1) * 24 } }

    /// The default horizon: 10 years.
    public static let defaultHorizon = 10 * 8766.0
}

/// A forecast error: a bad question for this scenario.
public struct ForecastError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One scenario's forecast: every replication's finish and count.
public struct Forecast: Sendable {
    public var label: String
    public var question: ForecastQuestion
    /// The scenario as run (its calendar placed at the start date).
    public var scenario: Scenario
    public var replications: [ForecastReplication]

    /// Finish hours, ascending; +∞ for a replication that did not finish by the horizon.
    public var sortedFinish: [Double] { replications.map { $0.finish ?? .infinity }.sorted() }

    /// Order-statistic index (0-based) of probability `p` among `n` values: the ⌈p·n⌉-th smallest.
    static func rank(_ p: Double, _ n: Int) -> Int { max(0, min(n - 1, Int((p * Double(n) - 1e-9).rounded(.up)) - 1)) }

    /// Hours by which the scope is all in production with probability `p` (at least p of the
    /// replications finished by then); nil when that is beyond the horizon.
    public func finishHours(_ p: Double) -> Double? {
        let sorted = sortedFinish
        guard !sorted.isEmpty else { return nil }
        let x = sorted[Forecast.rank(p, sorted.count)]
        return x.isFinite ? x : nil
    }

    /// The date on which `hours` from the start fall (work done at midnight is done the day before).
    public func date(_ hours: Double) -> CalendarDate { question.start.date(endingAt: hours) }

    /// Items in production by the `by` date with probability `p`: at least this many in p of
    /// the replications (the lower (1 − p) quantile of the count).
    public func doneBy(_ p: Double) -> Int? {
        guard question.by != nil, !replications.isEmpty else { return nil }
        let sorted = replications.map(\.doneBy).sorted()
        return sorted[sorted.count - 1 - Forecast.rank(p, sorted.count)]
    }

    /// Replications that did not finish by the horizon.
    public var unfinished: Int { replications.count { $0.finish == nil } }

    /// Mean items in the scope at the end (the starting backlog plus growth).
    public var meanScope: Double { replications.isEmpty ? 0 : Double(replications.reduce(0) { $0 + $1.scopeItems }) / Double(replications.count) }
}

extension Forecast {
    /// Forecasts every variant with the same seed and replication count: replication r of each
    /// draws from the same streams (common random numbers), so they are paired.
    public static func run(_ variants: [Variant], question: ForecastQuestion, replications: Int, seed: UInt64, jobs: Int,
                           maxEvents: Int, progress: ParallelReplications.Progress? = nil, stop: StopRequest? = nil) throws -> [Forecast] {
        let prepared = try variants.map { try prepare($0, question: question, seed: seed, maxEvents: maxEvents) }
        let n = prepared.count
        let runs = try ParallelReplications.map(count: n * replications, jobs: jobs, progress: progress, stop: stop) { unit in
            let (s, r) = (unit % n, unit / n)
            do {
                return try ScenarioRunner.forecast(prepared[s].scenario, replication: r, options: prepared[s].options)
            } catch {
                throw ReplicationFailure(scenario: prepared[s].scenario.name, scenarioIndex: s, replication: r, message: String(describing: error))
            }
        }
        return variants.indices.map { s in
            Forecast(label: variants[s].label, question: question, scenario: prepared[s].scenario,
                     replications: (0..<replications).map { runs[$0 * n + s] })
        }
    }

    /// The scenario and run options of one variant's forecast.
    static func prepare(_ variant: Variant, question: ForecastQuestion, seed: UInt64, maxEvents: Int) throws -> (scenario: Scenario, options: RunOptions) {
        let base = variant.scenario
        var workClass: Int?
        if let name = question.workClass {
            guard let c = base.demand.classes.firstIndex(where: { $0.name == name }) else {
                throw ForecastError("\(variant.label): no class named `\(name)` (classes: \(base.demand.classes.map(\.name).joined(separator: ", ")))")
            }
            workClass = c
        }
        let horizon = max(question.horizon, question.byHours ?? 0)
        var scenario = base.forecasting(items: question.items, workClass: workClass, start: question.start, horizon: horizon)
        scenario.seed = seed
        guard scenario.demand.startingBacklog > 0 else {
            throw ForecastError("\(variant.label): the scenario has no starting backlog to forecast; give --items N")
        }
        var options = RunOptions(maxEvents: maxEvents)
        options.countBy = question.byHours
        options.scopeClass = workClass
        return (scenario, options)
    }
}
