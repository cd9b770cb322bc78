import ArgumentParser
import ReferenceModels
import SimRandom
import SimStats

/// `deliverysim bench kernel`: M/M/1 throughput and the hold-model calendar benchmark.
struct KernelBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "M/M/1 (λ=0.9, μ=1) customers/s and events/s, and the hold model at 10, 1 000 and 100 000 pending events."
    )

    @Option(help: "Customers in the M/M/1 run.")
    var customers: Int = 10_000_000

    @Option(help: "Events per hold-model run.")
    var holdEvents: Int = 20_000_000

    @Option(help: "Master seed.")
    var seed: UInt64 = 1

    func validate() throws {
        guard customers >= 1000 else { throw ValidationError("--customers must be at least 1000") }
        guard holdEvents >= 1 else { throw ValidationError("--hold-events must be positive") }
    }

    func run() throws {
        let lambda = 0.9, mu = 1.0
        let (result, seconds) = measure {
            MMcBenchmark.run(lambda: lambda, mu: mu, servers: 1, customers: customers, seed: seed)
        }
        let theory = QueueingTheory.mmc(arrivalRate: lambda, serviceRate: mu, servers: 1)
        let ci = ConfidenceInterval(result.waitBatchMeans)
        print("engine=swift-\(EngineInfo.calendar) model=mm1 lambda=0.9 mu=1 c=1 served=\(customers) measured=\(result.measured)"
              + " Wq=\(fixed(result.meanWait, 4)) (analytic \(fixed(theory.wq, 4)), rel.err \(fixed(100 * (result.meanWait - theory.wq) / theory.wq, 2))%,"
              + " 95%CI +-\(fixed(ci?.halfWidth ?? .nan, 4)), 20 batch means)"
              + " W=\(fixed(result.meanSojourn, 4)) (analytic \(fixed(theory.w, 4)))"
              + " wall_s=\(fixed(seconds, 3)) customers_per_s=\(grouped(Double(customers) / seconds))"
              + " events=\(result.events) events_per_s=\(grouped(Double(result.events) / seconds))")
        for pending in [10, 1000, 100_000] {
            let (out, s) = measure { HoldModel.run(pending: pending, events: holdEvents, seed: seed) }
            print("engine=swift-\(EngineInfo.calendar) hold pending=\(pending) events=\(out.handled) wall_s=\(fixed(s, 3))"
                  + " events_per_s=\(grouped(Double(out.handled) / s)) ns_per_event=\(fixed(1e9 * s / Double(out.handled), 1))"
                  + " [t=\(fixed(out.endTime, 1))]")
        }
    }
}

/// Names of the engine's choices, for benchmark lines.
enum EngineInfo {
    static let calendar = "4ary-heap"
}
