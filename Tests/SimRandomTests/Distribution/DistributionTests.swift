import Testing
import SimRandom
import SimStats

/// Sample moments against the moments each distribution reports.
///
/// For the mean: n = 200 000 draws give a standard error σ/√n; the test allows 4 standard
/// errors (two-sided p ≈ 6e-5 per check under a correct implementation, about 0.2% for the
/// whole suite of ~30 checks), while a wrong parameter order (Weibull scale/shape, gamma
/// shape/scale) moves the mean by many standard errors.
/// For the variance: 40 batches of 5 000 draws each give 40 independent sample variances; their
/// Student-t interval must hold the reported variance within 4 standard errors.
@Suite struct DistributionTests {
    static let n = 200_000

    func check(_ d: Distribution, seed: UInt64 = 11, variance: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        let stream = RandomStream(seed: seed, replication: 0, purpose: d.family)
        let xs = (0..<Self.n).map { _ in d.sample(stream) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let se = d.standardDeviation / Double(xs.count).squareRoot()
        if se == 0 {
            #expect(mean == d.mean, "\(d.family) mean", sourceLocation: sourceLocation)
        } else {
            #expect(abs(mean - d.mean) <= 4 * se, "\(d.family): sample mean \(mean) vs \(d.mean) (se \(se))", sourceLocation: sourceLocation)
        }
        guard variance, d.variance > 0 else { return }
        let batch = Self.n / 40
        let variances = (0..<40).map { SampleStatistics.variance(Array(xs[($0 * batch)..<(($0 + 1) * batch)]))! }
        let ci = ConfidenceInterval(variances)!
        #expect(ci.standardErrors(from: d.variance) <= 4, "\(d.family): sample variance \(ci) vs \(d.variance)", sourceLocation: sourceLocation)
    }

    @Test func constant() throws { check(try .constant(3.5)) }
    @Test func uniform() throws { check(try .uniform(min: 2, max: 10)) }
    @Test func exponential() throws { check(try .exponential(mean: 4)) }
    @Test func normal() throws { check(try .normal(mean: 5, sd: 2, truncatedAtZero: false)) }
    @Test func normalTruncatedAtZero() throws {
        let d = try Distribution.normal(mean: 1, sd: 2, truncatedAtZero: true)
        #expect(d.mean > 1)  // truncation shifts the mean up
        check(d)
        let s = RandomStream(seed: 3, replication: 0, purpose: "t")
        #expect((0..<10_000).allSatisfy { _ in d.sample(s) >= 0 })
    }
    @Test func normalTruncatedFarInTheTail() throws { check(try .normal(mean: -6, sd: 1, truncatedAtZero: true)) }
    @Test func lognormalByMuSigma() throws { check(try .lognormal(mu: 0.5, sigma: 0.6)) }
    @Test func lognormalByMeanSd() throws {
        let d = try Distribution.lognormal(mean: 10, sd: 4)
        #expect(abs(d.mean - 10) < 1e-12 && abs(d.standardDeviation - 4) < 1e-12)
        check(d)
    }
    @Test func lognormalByMedianAndP90() throws {
        let d = try Distribution.lognormal(median: 48, p90: 144)
        check(d)
        // The empirical median and 90th percentile of 200 000 draws: their sampling error is
        // under 0.6% and 1%; allow 2% (a σ computed from the wrong quantile misses by > 10%).
        let s = RandomStream(seed: 4, replication: 0, purpose: "q")
        let xs = (0..<Self.n).map { _ in d.sample(s) }
        #expect(abs(SampleStatistics.quantile(xs, 0.5)! / 48 - 1) < 0.02)
        #expect(abs(SampleStatistics.quantile(xs, 0.9)! / 144 - 1) < 0.02)
    }
    @Test func gammaByShapeAndMean() throws {
        let d = try Distribution.gamma(shape: 2, mean: 2)
        #expect(d.mean == 2 && d.variance == 2)
        check(d)
    }
    @Test func gammaByShapeAndScale() throws { check(try .gamma(shape: 0.5, scale: 3)) }
    @Test func weibull() throws {
        let d = try Distribution.weibull(scale: 3, shape: 1.5)
        #expect(abs(d.mean - 2.708_235_9) < 1e-6)  // 3·Γ(1 + 1/1.5)
        check(d)
    }
    @Test func triangular() throws { check(try .triangular(min: 1, mode: 2, max: 6)) }
    @Test func triangularDegenerateMode() throws { check(try .triangular(min: 0, mode: 0, max: 4)) }
    @Test func beta() throws { check(try .beta(a: 2, b: 5)) }
    @Test func pareto() throws { check(try .pareto(shape: 5, scale: 2)) }
    @Test func paretoHeavyTailsReportInfinity() throws {
        #expect(try Distribution.pareto(shape: 1, scale: 1).mean == .infinity)
        #expect(try Distribution.pareto(shape: 2, scale: 1).variance == .infinity)
    }
    @Test func bernoulli() throws { check(try .bernoulli(p: 0.3)) }
    @Test func poisson() throws { check(try .poisson(mean: 3.5)) }
    @Test func empirical() throws {
        let values = [1.0, 2, 2, 3, 8, 13]
        let d = try Distribution.empirical(values)
        #expect(abs(d.mean - 29.0 / 6) < 1e-12)
        check(d)
        let s = RandomStream(seed: 5, replication: 0, purpose: "e")
        #expect(Set((0..<1000).map { _ in d.sample(s) }) == Set(values))
    }

    @Test func invalidParametersAreRejectedWithAClearMessage() {
        #expect(throws: DistributionError(family: "exponential", parameter: "mean", message: "must be > 0 (got -1.0)")) {
            try Distribution.exponential(mean: -1)
        }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(median: 5, p90: 2) }
        #expect(throws: DistributionError.self) { try Distribution.uniform(min: 3, max: 1) }
        #expect(throws: DistributionError.self) { try Distribution.bernoulli(p: 1.5) }
        #expect(throws: DistributionError.self) { try Distribution.gamma(shape: .nan, mean: 1) }
        #expect(throws: DistributionError.self) { try Distribution.weibull(scale: .infinity, shape: 1) }
        #expect(throws: DistributionError.self) { try Distribution.triangular(min: 0, mode: 5, max: 4) }
        #expect(throws: DistributionError.self) { try Distribution.empirical([]) }
        #expect(throws: DistributionError.self) { try Distribution.empirical([1, .nan]) }
        #expect(throws: DistributionError.self) { try Distribution.normal(mean: -1, sd: 0, truncatedAtZero: true) }
    }

    @Test func namedConstructionMatchesTheFactories() throws {
        let d = try Distribution(named: "lognormal", parameters: ["median": .number(48), "p90": .number(144)])
        #expect(d == (try Distribution.lognormal(median: 48, p90: 144)))
        let g = try Distribution(named: "gamma", parameters: ["shape": .number(2), "mean": .number(2)])
        #expect(g == (try Distribution.gamma(shape: 2, scale: 1)))
        let e = try Distribution(named: "empirical", parameters: ["values": .list([1, 2, 3])])
        #expect(e.mean == 2)
        let n = try Distribution(named: "normal", parameters: ["mean": .number(1), "sd": .number(1)])
        #expect(n.isNonNegative)
    }

    @Test func namedConstructionSuggestsFixes() {
        func message(_ body: () throws -> Distribution) -> String {
            do { _ = try body(); return "" } catch { return "\(error)" }
        }
        #expect(message { try Distribution(named: "lognormel", parameters: [:]) }.contains("did you mean `lognormal`?"))
        #expect(message { try Distribution(named: "lognormal", parameters: ["median": .number(1), "p09": .number(2)]) }.contains("did you mean `p90`?"))
        #expect(message { try Distribution(named: "gamma", parameters: ["shape": .number(1)]) }.contains("{shape, mean} or {shape, scale}"))
        #expect(message { try Distribution(named: "uniform", parameters: ["min": .number(-2), "max": .number(1)]) }.contains("negative"))
    }
}
