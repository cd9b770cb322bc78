import DequeModule
import SimKernel
import SimRandom
import SimStats

/// The M/M/c model of the speed reference (`../shared/reference/des_heap.c`), event for event:
/// exactly `customers` Poisson arrivals to c exponential servers with a FIFO line, run until all
/// are served, the first 1% left out of the statistics, and 20 batch means for the interval.
///
/// It has only what that reference has, so that `deliverysim bench kernel` compares kernels —
/// clock, calendar, event dispatch and GSL variates — rather than bookkeeping.
/// ``QueueingNetwork`` is the general model the tests validate.
public struct MMcBenchmark: SimulationModel {
    public enum Event {
        case arrival(index: Int)
        case departure(index: Int, arrival: Double, start: Double)
    }

    public struct Result: Sendable {
        public var meanWait: Double
        public var meanSojourn: Double
        public var waitBatchMeans: [Double]
        public var measured: Int
        public var events: Int
    }

    let arrivalMean: Double
    let serviceMean: Double
    let servers: Int
    let customers: Int
    let warmup: Int
    let batchSize: Int
    let arrivals: RandomStream
    let services: RandomStream
    var busy = 0
    var line: Deque<(index: Int, arrival: Double)> = []
    var waitSum = 0.0
    var sojournSum = 0.0
    var waitBatches = [Double](repeating: 0, count: 20)

    /// Runs M/M/c with arrival rate `lambda`, service rate `mu` and `servers` servers.
    public static func run(lambda: Double, mu: Double, servers: Int, customers: Int, seed: UInt64) -> Result {
        precondition(lambda > 0 && mu > 0 && servers >= 1 && customers >= 100)
        var model = MMcBenchmark(
            arrivalMean: 1 / lambda, serviceMean: 1 / mu, servers: servers, customers: customers,
            warmup: customers / 100, batchSize: (customers - customers / 100) / 20,
            arrivals: RandomStream(seed: seed, replication: 0, purpose: "arrivals"),
            services: RandomStream(seed: seed, replication: 0, purpose: "service.0")
        )
        var simulation = Simulation<Event>(reservingCapacity: 64)
        simulation.schedule(.arrival(index: 0), after: model.arrivals.exponential(mean: model.arrivalMean))
        _ = simulation.run(&model)
        let measured = customers - model.warmup
        return Result(
            meanWait: model.waitSum / Double(measured),
            meanSojourn: model.sojournSum / Double(measured),
            waitBatchMeans: model.waitBatches.map { $0 / Double(model.batchSize) },
            measured: measured,
            events: simulation.eventsHandled
        )
    }

    public mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
        let now = simulation.now
        switch event {
        case .arrival(let index):
            if index + 1 < customers {
                simulation.schedule(.arrival(index: index + 1), after: arrivals.exponential(mean: arrivalMean))
            }
            if busy < servers {
                busy += 1
                simulation.schedule(.departure(index: index, arrival: now, start: now), after: services.exponential(mean: serviceMean))
            } else {
                line.append((index, now))
            }
        case .departure(let index, let arrival, let start):
            if index >= warmup {
                let wait = start - arrival
                waitSum += wait
                sojournSum += now - arrival
                let batch = (index - warmup) / batchSize
                if batch < 20 { waitBatches[batch] += wait }
            }
            if let next = line.popFirst() {
                simulation.schedule(.departure(index: next.index, arrival: next.arrival, start: now), after: services.exponential(mean: serviceMean))
            } else {
                busy -= 1
            }
        }
    }
}
