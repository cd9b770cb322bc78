import SimRandom

/// Closed-form results of queueing theory that the engine is validated against.
public enum QueueingTheory {
    /// Steady-state means of an M/M/c queue.
    public struct Means: Equatable, Sendable {
        /// Mean wait in queue.
        public var wq: Double
        /// Mean time in system (wait + service).
        public var w: Double
        /// Mean number waiting (λ·Wq).
        public var lq: Double
        /// Mean number in system (λ·W).
        public var l: Double
    }

    /// Erlang's C formula: the probability that an arrival to M/M/c must wait, computed by the
    /// numerically stable Erlang-B recursion. Requires λ < cμ.
    public static func erlangC(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
        let a = lambda / mu
        precondition(c >= 1 && a < Double(c), "M/M/c needs λ < cμ")
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        return Double(c) * b / (Double(c) - a * (1 - b))
    }

    /// M/M/c steady-state means; c = 1 gives Wq = ρ/(μ − λ), W = 1/(μ − λ).
    public static func mmc(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Means {
        let wq = erlangC(arrivalRate: lambda, serviceRate: mu, servers: c) / (Double(c) * mu - lambda)
        let w = wq + 1 / mu
        return Means(wq: wq, w: w, lq: lambda * wq, l: lambda * w)
    }

    /// M/G/1 by Pollaczek–Khinchine: Wq = λ·E[S²] / (2(1 − ρ)), with ρ = λ·E[S] < 1.
    public static func mg1(arrivalRate lambda: Double, service: Distribution) -> Means {
        let rho = lambda * service.mean
        precondition(rho < 1, "M/G/1 needs ρ < 1")
        let wq = lambda * service.secondMoment / (2 * (1 - rho))
        let w = wq + service.mean
        return Means(wq: wq, w: w, lq: lambda * wq, l: lambda * w)
    }

    /// Mean time in a Jackson tandem of M/M/c stations fed by Poisson arrivals: by Burke's
    /// theorem each station sees Poisson arrivals of rate λ, so the times add.
    public static func jacksonTandem(arrivalRate lambda: Double, stations: [(servers: Int, serviceRate: Double)]) -> Double {
        stations.reduce(0) { $0 + mmc(arrivalRate: lambda, serviceRate: $1.serviceRate, servers: $1.servers).w }
    }
}
