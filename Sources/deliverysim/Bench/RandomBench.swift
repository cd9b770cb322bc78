import ArgumentParser
import SimRandom

/// `deliverysim bench rng`: exponential variates per second for each GSL algorithm.
struct RandomBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rng",
        abstract: "Exponential draws per second for each GSL generator (the reason taus2 is the default)."
    )

    @Option(help: "Draws per generator.")
    var draws: Int = 50_000_000

    func run() throws {
        for algorithm in RandomAlgorithm.allCases {
            let stream = RandomStream(algorithm: algorithm, seed: 1)
            let (sum, s) = measure {
                var sum = 0.0
                for _ in 0..<draws { sum += stream.gslExponential(mean: 1) }
                return sum
            }
            print("rng=\(algorithm.rawValue) variate=gsl_ran_exponential draws=\(draws) wall_s=\(fixed(s, 3)) draws_per_s=\(grouped(Double(draws) / s))"
                  + " ns_per_draw=\(fixed(1e9 * s / Double(draws), 2)) mean=\(fixed(sum / Double(draws), 5))")
        }
        let named = RandomStream(seed: 1, replication: 0, purpose: "bench")
        let (sum, s) = measure {
            var sum = 0.0
            for _ in 0..<draws { sum += named.exponential(mean: 1) }
            return sum
        }
        print("rng=taus2 (named stream, full-state seed) variate=-mean*log(gsl_rng_uniform_pos) draws=\(draws) wall_s=\(fixed(s, 3)) draws_per_s=\(grouped(Double(draws) / s))"
              + " ns_per_draw=\(fixed(1e9 * s / Double(draws), 2)) mean=\(fixed(sum / Double(draws), 5))")
    }
}
