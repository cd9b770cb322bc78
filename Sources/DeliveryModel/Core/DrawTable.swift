import SimKernel
import SimRandom

/// Distributions the hot loop draws, flattened once per replication: a constant is read as its
/// value (drawing a constant consumes no random number, so skipping the draw changes nothing),
/// any other law is drawn through GSL from its trivially copyable ``Distribution/Draw`` (an
/// empirical law, which holds its values, from the distribution itself).
struct DrawTable {
    let draws: ModelArray<Distribution.Draw>
    let laws: ModelArray<Distribution>

    init(_ laws: [Distribution]) {
        draws = ModelArray(laws.map(\.draw))
        self.laws = ModelArray(laws)
    }

    /// Entry `k` drawn from `stream` (a constant as its value, without a random number).
    @inline(__always)
    func sample(_ k: Int, _ stream: RandomStream) -> Double {
        let d = draws.address(k)
        if let c = d.pointee.constant { return c }
        return d.pointee.needsValues ? laws[k].sample(stream) : d.pointee.sample(stream)
    }

    /// Entry `k` drawn as a duration (``Distribution/duration(_:)``).
    @inline(__always)
    func duration(_ k: Int, _ stream: RandomStream) -> Double {
        Distribution.asDuration(sample(k, stream))
    }

    /// Entry `k` drawn as a duration from stream `s` of `streams`, without retaining the stream
    /// for the draw (a stream loaded from an array and handed to a call is otherwise retained
    /// and released around it; the array keeps it alive).
    @inline(__always)
    func duration(_ k: Int, _ streams: ModelArray<RandomStream>, _ s: Int) -> Double {
        if let c = draws.address(k).pointee.constant { return Distribution.asDuration(c) }
        return Unmanaged.passUnretained(streams[s])._withUnsafeGuaranteedRef { Distribution.asDuration(sample(k, $0)) }
    }

    /// Entry `k` drawn as a probability (``Distribution/probability(_:)``).
    @inline(__always)
    func probability(_ k: Int, _ stream: RandomStream) -> Double {
        Distribution.asProbability(sample(k, stream))
    }
}
