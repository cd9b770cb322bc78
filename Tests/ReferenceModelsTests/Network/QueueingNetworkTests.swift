import Testing
import ReferenceModels
import SimKernel
import SimRandom
import SimStats

/// The engine against queueing theory, by independent replications.
///
/// Each test runs 20 independent replications (streams of replication 0…19 under one master
/// seed) of 100 000–200 000 customers each, discarding the first 1% as warm-up, and forms the
/// Student-t interval of the replication means. A check passes when the analytic value lies
/// within **4 standard errors** of the simulated mean. Why 4: with 19 degrees of freedom a
/// correct engine lands beyond 4 standard errors with probability 0.08% per check, so the
/// ~40 checks here have a family-wise false-alarm rate near 3% for an arbitrary seed (and the
/// seeds are fixed, so the outcome is deterministic); meanwhile the standard errors are about
/// 0.5–1.5% of the values, so a bias of 5% or more — a wrong Erlang C, a lost customer, a
/// FIFO violation, a mis-ordered GSL argument — fails.
@Suite struct QueueingNetworkTests {
    static let allowedStandardErrors = 4.0
    static let replications = 20

    func replicate(_ network: QueueingNetwork, seed: UInt64 = 2026) -> [QueueingNetworkResult] {
        (0..<Self.replications).map { network.run(seed: seed, replication: $0) }
    }

    func expectAgrees(_ values: [Double], _ analytic: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ci = ConfidenceInterval(values)!
        let distance = ci.standardErrors(from: analytic)
        #expect(distance <= Self.allowedStandardErrors,
                "\(what): simulated \(ci) vs analytic \(analytic) — \(distance) standard errors",
                sourceLocation: sourceLocation)
    }

    /// Little's law L = λW at every station and for the network, per replication: the paired
    /// difference L − λW must be within 4 standard errors of zero. (Its edge effects — customers
    /// present when the window opens — are O(W/T) ≈ 1e-4 of L here, far below a standard error.)
    func expectLittle(_ results: [QueueingNetworkResult], sourceLocation: SourceLocation = #_sourceLocation) {
        for k in results[0].stations.indices {
            let gaps = results.map { $0.stations[k].meanNumber - $0.throughput * $0.stations[k].meanSojourn }
            let ci = ConfidenceInterval(gaps)!
            #expect(ci.standardErrors(from: 0) <= Self.allowedStandardErrors,
                    "Little's law at station \(k): L − λW = \(ci)", sourceLocation: sourceLocation)
        }
        let gaps = results.map { $0.meanNumber - $0.throughput * $0.meanSojourn }
        let ci = ConfidenceInterval(gaps)!
        #expect(ci.standardErrors(from: 0) <= Self.allowedStandardErrors,
                "Little's law for the network: L − λW = \(ci)", sourceLocation: sourceLocation)
    }

    @Test func mm1AtRho08() throws {
        let network = QueueingNetwork(arrivals: try .exponential(mean: 1 / 0.8),
                                      stations: [.init(servers: 1, service: try .exponential(mean: 1))],
                                      customers: 200_000)
        let theory = QueueingTheory.mmc(arrivalRate: 0.8, serviceRate: 1, servers: 1)
        #expect(abs(theory.wq - 4) < 1e-12 && abs(theory.w - 5) < 1e-12)
        let results = replicate(network)
        expectAgrees(results.map { $0.stations[0].meanWait }, theory.wq, "M/M/1 Wq")
        expectAgrees(results.map(\.meanSojourn), theory.w, "M/M/1 W")
        expectAgrees(results.map { $0.stations[0].meanNumber }, theory.l, "M/M/1 L")
        expectAgrees(results.map { $0.stations[0].utilization }, 0.8, "M/M/1 utilization")
        expectLittle(results)
    }

    @Test func mm3() throws {
        let network = QueueingNetwork(arrivals: try .exponential(mean: 1 / 2.4),
                                      stations: [.init(servers: 3, service: try .exponential(mean: 1))],
                                      customers: 200_000)
        let theory = QueueingTheory.mmc(arrivalRate: 2.4, serviceRate: 1, servers: 3)
        let results = replicate(network)
        expectAgrees(results.map { $0.stations[0].meanWait }, theory.wq, "M/M/3 Wq")
        expectAgrees(results.map(\.meanSojourn), theory.w, "M/M/3 W")
        expectAgrees(results.map { $0.stations[0].meanNumber }, theory.l, "M/M/3 L")
        expectLittle(results)
    }

    @Test func md1() throws {
        let service = try Distribution.constant(1)
        let network = QueueingNetwork(arrivals: try .exponential(mean: 1 / 0.8),
                                      stations: [.init(servers: 1, service: service)], customers: 200_000)
        let theory = QueueingTheory.mg1(arrivalRate: 0.8, service: service)
        #expect(abs(theory.wq - 2) < 1e-12)  // ρ/(2μ(1 − ρ)): half of M/M/1's
        let results = replicate(network)
        expectAgrees(results.map { $0.stations[0].meanWait }, theory.wq, "M/D/1 Wq")
        expectAgrees(results.map(\.meanSojourn), theory.w, "M/D/1 W")
        expectLittle(results)
    }

    @Test func mg1WithLognormalService() throws {
        // Lognormal service with mean 1 and sd 1.5 (cs² = 2.25) at ρ = 0.7:
        // Pollaczek–Khinchine Wq = λ·E[S²]/(2(1 − ρ)) = 0.7·3.25/0.6.
        let service = try Distribution.lognormal(mean: 1, sd: 1.5)
        let network = QueueingNetwork(arrivals: try .exponential(mean: 1 / 0.7),
                                      stations: [.init(servers: 1, service: service)], customers: 200_000)
        let theory = QueueingTheory.mg1(arrivalRate: 0.7, service: service)
        #expect(abs(theory.wq - 0.7 * 3.25 / 0.6) < 1e-9)
        let results = replicate(network)
        expectAgrees(results.map { $0.stations[0].meanWait }, theory.wq, "M/G/1 Wq")
        expectAgrees(results.map(\.meanSojourn), theory.w, "M/G/1 W")
        expectLittle(results)
    }

    @Test func jacksonTandemOfThreeStations() throws {
        let lambda = 0.8
        let spec: [(servers: Int, serviceRate: Double)] = [(1, 1.25), (2, 0.6), (3, 0.4)]
        let network = QueueingNetwork(
            arrivals: try .exponential(mean: 1 / lambda),
            stations: try spec.map { .init(servers: $0.servers, service: try .exponential(mean: 1 / $0.serviceRate)) },
            customers: 100_000)
        let results = replicate(network)
        for (k, station) in spec.enumerated() {
            let theory = QueueingTheory.mmc(arrivalRate: lambda, serviceRate: station.serviceRate, servers: station.servers)
            expectAgrees(results.map { $0.stations[k].meanSojourn }, theory.w, "tandem station \(k) W")
        }
        expectAgrees(results.map(\.meanSojourn), QueueingTheory.jacksonTandem(arrivalRate: lambda, stations: spec), "tandem total W")
        expectLittle(results)
    }

    @Test func benchmarkModelMatchesMM1() {
        // The benchmark's lean M/M/1 (λ = 0.9): 2 million customers, 20 batch means.
        let result = MMcBenchmark.run(lambda: 0.9, mu: 1, servers: 1, customers: 2_000_000, seed: 3)
        let ci = ConfidenceInterval(result.waitBatchMeans)!
        #expect(ci.standardErrors(from: 9) <= Self.allowedStandardErrors, "bench M/M/1 Wq \(ci)")
        #expect(result.events == 4_000_000)
    }

    @Test func sameSeedSameResultDifferentReplicationDifferentResult() throws {
        let network = QueueingNetwork(arrivals: try .exponential(mean: 1.25),
                                      stations: [.init(servers: 1, service: try .exponential(mean: 1))], customers: 10_000)
        #expect(network.run(seed: 1, replication: 0).meanSojourn == network.run(seed: 1, replication: 0).meanSojourn)
        #expect(network.run(seed: 1, replication: 0).meanSojourn != network.run(seed: 1, replication: 1).meanSojourn)
    }
}
