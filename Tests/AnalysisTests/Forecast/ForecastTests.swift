import Analysis
import DeliveryModel
import Foundation
import ReferenceModels
import ScenarioFile
import SimRandom
import Testing

/// The forecast against theory and its own logic: gamma quantiles, ordered percentiles, holidays,
/// "how many" against "when", scope growth, determinism.
@Suite struct ForecastTests {
    static let monday = CalendarDate("2027-01-04")!

    /// One person working exponential items of `meanWork` hours one after the other: completions
    /// are a Poisson process of rate 1/meanWork while the backlog lasts. Continuous release and
    /// instant automated deployment (the defaults): done is done.
    static func poisson(items: Int, meanWork: Double, calendar: WorkCalendar = .always, demand: (inout Demand) -> Void = { _ in }) throws -> Scenario {
        var d = Demand(arrivals: nil, classes: [WorkClass(name: "feature", share: 1)], backlog: items)
        demand(&d)
        return Scenario(name: "poisson", horizon: 1000, warmup: 0, replications: 2, seed: 11, calendar: calendar, demand: d,
                        teams: [Team(name: "dev", people: 1)],
                        stages: [Stage(name: "work", team: 0, work: try .exponential(mean: meanWork))])
    }

    static func forecast(_ scenarios: [Scenario], items: Int? = nil, by: CalendarDate? = nil, replications: Int, jobs: Int = 2) throws -> [Forecast] {
        let question = ForecastQuestion(items: items, workClass: nil, start: monday, by: by, horizon: ForecastQuestion.defaultHorizon)
        return try Forecast.run(scenarios.map { Variant(label: $0.name, file: "<test>", scenario: $0) }, question: question,
                                replications: replications, seed: 5, jobs: jobs, maxEvents: 10_000_000)
    }

    /// The finish of N items at Poisson rate r is gamma(N, 1/r). For each probability p, the
    /// forecast's p-quantile x̂ must have F(x̂) within 4 standard errors of p, the standard error
    /// of an order statistic's coverage being √(p(1−p)/n) (binomial); with n = 4000 that is
    /// 0.8 points at p = 0.5 and 0.34 at p = 0.95. A correct forecast fails one check with
    /// probability 6e-5 (the seed is fixed, so the outcome is deterministic); a bias of 3% in the
    /// rate moves F(x̂) at p = 0.5 by about 7 SE and fails.
    @Test func finishTimeIsGammaDistributed() throws {
        let items = 30, meanWork = 2.0, n = 4000
        let f = try Self.forecast([Self.poisson(items: items, meanWork: meanWork)], replications: n)[0]
        #expect(f.unfinished == 0)
        for p in ForecastQuestion.probabilities {
            let x = try #require(f.finishHours(p))
            let coverage = ForecastTheory.finishProbability(items: items, rate: 1 / meanWork, hours: x)
            let se = (p * (1 - p) / Double(n)).squareRoot()
            let theory = ForecastTheory.finishHours(items: items, rate: 1 / meanWork, probability: p)
            #expect(abs(coverage - p) <= 4 * se, "p\(p): forecast \(x) h, gamma quantile \(theory) h, F(x̂) = \(coverage) (\((coverage - p) / se) SE)")
        }
    }

    @Test func laterProbabilitiesNeverComeEarlier() throws {
        let scenario = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        for f in try Self.forecast([scenario, try Self.poisson(items: 20, meanWork: 3)], items: 25, by: CalendarDate("2027-02-01"), replications: 200) {
            let hours = ForecastQuestion.probabilities.map { f.finishHours($0) ?? .infinity }
            #expect(hours == hours.sorted(), "\(f.label): \(hours)")
            let dates = ForecastQuestion.probabilities.compactMap { f.finishHours($0).map(f.date) }
            #expect(dates == dates.sorted())
            #expect(f.finishHours(0.85)! >= f.finishHours(0.5)!)
            let counts = ForecastQuestion.probabilities.compactMap { f.doneBy($0) }
            #expect(counts == counts.sorted(by: >), "how many: more confidence, fewer items")
        }
    }

    /// In office hours with all work done by people, a holiday on the second day shifts every
    /// replication's whole history by one working day: each finish date moves to the next
    /// working day after the one it had (common random numbers give the same work sizes).
    @Test func aHolidayMovesEveryDateByAWorkingDay() throws {
        let office = WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17)
        let plain = try Self.poisson(items: 15, meanWork: 4, calendar: office)
        let holiday = try Self.poisson(items: 15, meanWork: 4, calendar: WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17,
                                                                                     start: Self.monday, holidays: [Holiday(Self.monday.adding(days: 1))]))
        let both = try Self.forecast([plain, holiday], replications: 300)
        func nextWorkingDay(_ d: CalendarDate) -> CalendarDate {
            var next = d.adding(days: 1)
            while next.weekday >= 5 { next = next.adding(days: 1) }
            return next
        }
        for (a, b) in zip(both[0].replications, both[1].replications) {
            let da = both[0].date(try #require(a.finish)), db = both[1].date(try #require(b.finish))
            #expect(db == nextWorkingDay(da))
        }
        for p in ForecastQuestion.probabilities {
            #expect(both[1].date(both[1].finishHours(p)!) == nextWorkingDay(both[0].date(both[0].finishHours(p)!)))
        }
    }

    /// "How many by D" at probability p reaches all N exactly when D is on or after the "when"
    /// date at p; a later date never counts fewer in any replication.
    @Test func howManyAgreesWithWhen() throws {
        let scenario = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        let n = 25
        let when = try Self.forecast([scenario], items: n, replications: 300)[0]
        for p in ForecastQuestion.probabilities {
            let date = when.date(try #require(when.finishHours(p)))
            let onIt = try Self.forecast([scenario], items: n, by: date, replications: 300)[0]
            let dayBefore = try Self.forecast([scenario], items: n, by: date.adding(days: -1), replications: 300)[0]
            #expect(onIt.doneBy(p) == n, "by \(date) at \(p)")
            #expect(try #require(dayBefore.doneBy(p)) < n, "by the day before \(date) at \(p)")
            for (a, b) in zip(dayBefore.replications, onIt.replications) { #expect(a.doneBy <= b.doneBy) }
        }
    }

    /// Splitting and added scope only add work: with one person always busy the finish of every
    /// replication is later (pathwise, as the base items draw the same work); on the shared
    /// fixture the paired mean difference is positive beyond 4 standard errors.
    @Test func scopeGrowthMakesItLater() throws {
        let base = try Self.poisson(items: 20, meanWork: 3)
        let split = try Self.poisson(items: 20, meanWork: 3) { $0.split = ScopeSplit(probability: try! .constant(0.3), pieces: 2...3) }
        let added = try Self.poisson(items: 20, meanWork: 3) { $0.addedScope = try! .exponential(mean: 20) }
        let runs = try Self.forecast([base, split, added], replications: 300)
        for grown in runs.dropFirst() {
            for (a, b) in zip(runs[0].replications, grown.replications) { #expect(b.finish! >= a.finish!) }
            #expect(grown.meanScope > 21)
            #expect(grown.finishHours(0.85)! > runs[0].finishHours(0.85)!)
        }
        #expect(runs[0].meanScope == 20)

        let fixture = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        let grown = try ScenarioLoader.load(yaml: scenarioYAML(), overrides: ["demand.split={probability: 0.2, into: 2}", "demand.added_scope=4w"]).scenario
        let pair = try Self.forecast([fixture, grown], items: 25, replications: 200)
        let gaps = zip(pair[0].replications, pair[1].replications).map { $1.finish! - $0.finish! }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let sd = (gaps.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaps.count - 1)).squareRoot()
        #expect(mean > 4 * sd / Double(gaps.count).squareRoot(), "paired Δ \(mean) h, sd \(sd)")
    }

    /// Scope is added only while the starting backlog is under way. One person works 20 items
    /// of 3 h (exponential) queued first, so the backlog is done at T ~ gamma(20, 3), mean 60 h;
    /// items added every 2 h (Poisson) until then number N(T) with mean E[T]/2 = 30 and variance
    /// E[T]/2 + Var(T)/4 = 75. Over 400 replications the mean is within 4 SE (0.43) of 30. Adding
    /// faster (0.5/h) than the person finishes (0.33/h) would never end if added items kept the
    /// scope open; every replication finishes.
    @Test func addedScopeStopsWithTheBacklog() throws {
        let added = try Self.poisson(items: 20, meanWork: 3) { $0.addedScope = try! .exponential(mean: 2) }
        let f = try Self.forecast([added], replications: 400)[0]
        #expect(f.unfinished == 0)
        let counts = f.replications.map { Double($0.scopeItems - 20) }
        let mean = counts.reduce(0, +) / Double(counts.count)
        let se = (75.0 / Double(counts.count)).squareRoot()
        #expect(abs(mean - 30) <= 4 * se, "added items: mean \(mean), expected 30 ± \(se)")
    }

    @Test func theOutputDoesNotDependOnJobs() throws {
        let scenario = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        let one = try Self.forecast([scenario], items: 10, by: CalendarDate("2027-01-20"), replications: 40, jobs: 1)
        let three = try Self.forecast([scenario], items: 10, by: CalendarDate("2027-01-20"), replications: 40, jobs: 3)
        #expect(one[0].replications == three[0].replications)
        #expect(ForecastReport(one, seed: 5).json == ForecastReport(three, seed: 5).json)
    }

    @Test func anUnknownClassOrNoBacklogIsRefused() throws {
        let scenario = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        let variant = Variant(label: "x", file: "<test>", scenario: scenario)
        #expect(throws: ForecastError.self) {
            try Forecast.run([variant], question: ForecastQuestion(items: 3, workClass: "epic", start: Self.monday, by: nil, horizon: 1000),
                             replications: 2, seed: 1, jobs: 1, maxEvents: 1000)
        }
        #expect(throws: ForecastError.self) {
            try Forecast.run([variant], question: ForecastQuestion(items: nil, workClass: nil, start: Self.monday, by: nil, horizon: 1000),
                             replications: 2, seed: 1, jobs: 1, maxEvents: 1000)
        }
    }
}
