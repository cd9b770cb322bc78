import SimKernel
import SimRandom
import SimStats

/// A tandem of multi-server stations fed by a renewal arrival process: M/M/1, M/M/c, M/G/1,
/// M/D/1 and Jackson tandems are all special cases. The engine's validation and its benchmark.
///
/// Exactly `customers` customers arrive; the run ends when all are served. The first
/// `warmupCustomers` (by arrival order) are left out of the statistics, and the time averages
/// start when the first measured customer arrives.
public struct QueueingNetwork {
    /// One station: `servers` parallel servers with the given service-time distribution.
    public struct Station: Sendable {
        public var servers: Int
        public var service: Distribution
        public var discipline: QueueDiscipline
        public init(servers: Int, service: Distribution, discipline: QueueDiscipline = .fifo) {
            self.servers = servers
            self.service = service
            self.discipline = discipline
        }
    }

    public var arrivals: Distribution
    public var stations: [Station]
    public var customers: Int
    public var warmupCustomers: Int
    /// The number of batches for batch-means intervals within one run.
    public var batches: Int

    public init(arrivals: Distribution, stations: [Station], customers: Int, warmupCustomers: Int? = nil, batches: Int = 20) {
        precondition(!stations.isEmpty && customers > 0)
        self.arrivals = arrivals
        self.stations = stations
        self.customers = customers
        self.warmupCustomers = warmupCustomers ?? customers / 100
        self.batches = batches
        precondition(self.warmupCustomers < customers)
    }

    /// Runs one replication with the streams of `replication` under master `seed`.
    public func run(seed: UInt64, replication: Int) -> QueueingNetworkResult {
        var model = Model(network: self, seed: seed, replication: replication)
        var simulation = Simulation<Model.Event>(reservingCapacity: 64)
        simulation.schedule(.arrival, after: arrivals.sample(model.arrivalStream))
        let reason = simulation.run(&model)
        precondition(reason == .exhausted)
        return model.result(at: simulation.now, events: simulation.eventsHandled)
    }
}

/// What one run of a ``QueueingNetwork`` measured, over its measured customers.
public struct QueueingNetworkResult: Sendable {
    /// Per-station figures.
    public struct StationResult: Sendable {
        /// Mean wait in queue.
        public var meanWait: Double
        /// Mean time at the station (wait + service).
        public var meanSojourn: Double
        /// Time-average number at the station (waiting or in service): L.
        public var meanNumber: Double
        /// Time-average busy servers / servers.
        public var utilization: Double
        /// Batch means of the wait, in arrival order of the customers.
        public var waitBatchMeans: [Double]
    }

    public var stations: [StationResult]
    /// Mean time in the whole network.
    public var meanSojourn: Double
    /// Batch means of the time in network.
    public var sojournBatchMeans: [Double]
    /// Time-average number in the network.
    public var meanNumber: Double
    /// Measured customers per unit time over the observation window.
    public var throughput: Double
    /// Customers measured.
    public var measured: Int
    /// Events the kernel handled.
    public var events: Int
    /// Simulated time at the end.
    public var endTime: Double
}

extension QueueingNetwork {
    /// A customer as it moves through the stations.
    struct Customer {
        var index: Int
        var networkArrival: Double
        var stationArrival: Double
    }

    struct Model: SimulationModel {
        enum Event {
            case arrival
            case departure(station: Int, customer: Customer)
        }

        let arrivals: Distribution
        let services: [Distribution]
        let arrivalStream: RandomStream
        let serviceStreams: [RandomStream]
        let customers: Int
        let warmup: Int
        let batchSize: Int
        let batches: Int
        var arrived = 0
        var pools: [ServerPool<Customer>]
        var atStation: [TimeAverage]
        var inNetwork = TimeAverage()
        var windowStart = 0.0
        var waitSum: [Double]
        var sojournSum: [Double]
        var waitBatches: [[Double]]
        var networkSojournSum = 0.0
        var networkBatches: [Double]
        var measuredDone = 0

        init(network: QueueingNetwork, seed: UInt64, replication: Int) {
            arrivals = network.arrivals
            services = network.stations.map(\.service)
            arrivalStream = RandomStream(seed: seed, replication: replication, purpose: "arrivals")
            serviceStreams = network.stations.indices.map {
                RandomStream(seed: seed, replication: replication, purpose: "service.\($0)")
            }
            customers = network.customers
            warmup = network.warmupCustomers
            batches = network.batches
            batchSize = max(1, (network.customers - network.warmupCustomers) / network.batches)
            pools = network.stations.map { ServerPool(servers: $0.servers, discipline: $0.discipline) }
            atStation = network.stations.map { _ in TimeAverage() }
            waitSum = Array(repeating: 0, count: network.stations.count)
            sojournSum = waitSum
            waitBatches = network.stations.map { _ in Array(repeating: 0, count: network.batches) }
            networkBatches = Array(repeating: 0, count: network.batches)
        }

        mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
            let now = simulation.now
            switch event {
            case .arrival:
                let index = arrived
                arrived += 1
                if index == warmup { startWindow(at: now) }
                if arrived < customers {
                    simulation.schedule(.arrival, after: arrivals.sample(arrivalStream))
                }
                inNetwork.add(1, at: now)
                enter(0, Customer(index: index, networkArrival: now, stationArrival: now), &simulation)
            case .departure(let k, var customer):
                atStation[k].add(-1, at: now)
                let measured = customer.index >= warmup
                if measured { sojournSum[k] += now - customer.stationArrival }
                if let next = pools[k].depart(at: now) { start(next, at: k, &simulation) }
                if k + 1 < services.count {
                    customer.stationArrival = now
                    enter(k + 1, customer, &simulation)
                } else {
                    inNetwork.add(-1, at: now)
                    if measured {
                        let sojourn = now - customer.networkArrival
                        networkSojournSum += sojourn
                        measuredDone += 1
                        let b = (customer.index - warmup) / batchSize
                        if b < batches { networkBatches[b] += sojourn }
                    }
                }
            }
        }

        @inline(__always)
        mutating func enter(_ k: Int, _ customer: Customer, _ simulation: inout Simulation<Event>) {
            atStation[k].add(1, at: simulation.now)
            if let served = pools[k].arrive(customer, at: simulation.now) { start(served, at: k, &simulation) }
        }

        @inline(__always)
        mutating func start(_ customer: Customer, at k: Int, _ simulation: inout Simulation<Event>) {
            if customer.index >= warmup {
                let wait = simulation.now - customer.stationArrival
                waitSum[k] += wait
                let b = (customer.index - warmup) / batchSize
                if b < batches { waitBatches[k][b] += wait }
            }
            simulation.schedule(.departure(station: k, customer: customer), after: services[k].sample(serviceStreams[k]))
        }

        mutating func startWindow(at now: Double) {
            windowStart = now
            inNetwork.reset(at: now)
            for k in atStation.indices {
                atStation[k].reset(at: now)
                pools[k].resetStatistics(at: now)
            }
        }

        func result(at end: Double, events: Int) -> QueueingNetworkResult {
            let n = Double(measuredDone)
            let stations = services.indices.map { k in
                QueueingNetworkResult.StationResult(
                    meanWait: waitSum[k] / n,
                    meanSojourn: sojournSum[k] / n,
                    meanNumber: atStation[k].mean(at: end) ?? 0,
                    utilization: pools[k].utilization(at: end) ?? 0,
                    waitBatchMeans: waitBatches[k].map { $0 / Double(batchSize) }
                )
            }
            return QueueingNetworkResult(
                stations: stations,
                meanSojourn: networkSojournSum / n,
                sojournBatchMeans: networkBatches.map { $0 / Double(batchSize) },
                meanNumber: inNetwork.mean(at: end) ?? 0,
                throughput: n / (end - windowStart),
                measured: measuredDone,
                events: events,
                endTime: end
            )
        }
    }
}
