import SimKernel
import SimRandom

/// Distributions the hot loop draws, flattened once per replication: a constant is read as its
/// value (drawing a constant consumes no random number, so skipping the draw changes nothing),
/// any other law is drawn through GSL from its trivially copyable ``Distribution/Draw`` (an
/// empirical law, which holds its values, from the distribution itself).
struct DrawTable {
    /// Per entry, the constant's value, or NaN for a law that must be drawn.
    let fixed: ModelArray<Double>
    let draws: ModelArray<Distribution.Draw>
    let laws: ModelArray<Distribution>

    init(_ laws: [Distribution]) {
        fixed = ModelArray(laws.map { $0.family == "constant" ? $0.mean : .nan })
        draws = ModelArray(laws.map(\.draw))
        self.laws = ModelArray(laws)
    }

    /// Entry `k` (not a constant) drawn from `stream`.
    @inline(__always)
    func sample(_ k: Int, _ stream: RandomStream) -> Double {
        let d = draws[k]
        return d.needsValues ? laws[k].sample(stream) : d.sample(stream)
    }

    /// Entry `k` drawn as a duration (``Distribution/duration(_:)``).
    @inline(__always)
    func duration(_ k: Int, _ stream: RandomStream) -> Double {
        let c = fixed[k]
        guard c.isNaN else { return Distribution.asDuration(c) }
        return Distribution.asDuration(sample(k, stream))
    }

    /// Entry `k` drawn as a duration from stream `s` of `streams`, without retaining the stream
    /// for the draw (a stream loaded from an array and handed to a call is otherwise retained
    /// and released around it; the array keeps it alive).
    @inline(__always)
    func duration(_ k: Int, _ streams: ModelArray<RandomStream>, _ s: Int) -> Double {
        let c = fixed[k]
        guard c.isNaN else { return Distribution.asDuration(c) }
        return Unmanaged.passUnretained(streams[s])._withUnsafeGuaranteedRef { Distribution.asDuration(sample(k, $0)) }
    }

    /// Entry `k` drawn as a probability (``Distribution/probability(_:)``).
    @inline(__always)
    func probability(_ k: Int, _ stream: RandomStream) -> Double {
        let c = fixed[k]
        guard c.isNaN else { return Distribution.asProbability(c) }
        return Distribution.asProbability(sample(k, stream))
    }
}
