import CGSL
import Foundation

/// One independent stream of random numbers, owning a GSL generator.
///
/// A stream belongs to one replication and one purpose; it is a reference type because it
/// owns C memory (freed in `deinit`) and it is deliberately not `Sendable`: a replication
/// creates its own streams on the thread that runs it.
public final class RandomStream {
    /// The GSL generator. Exposed for the inlinable draw functions.
    @usableFromInline
    internal let rng: UnsafeMutablePointer<gsl_rng>
    /// The generator is GSL's taus2, whose uniform ``uniform()`` steps inline (`cgsl_taus2_uniform`).
    @usableFromInline
    internal let isTaus2: Bool
    /// The generator was made by `cgsl_taus2_alloc` (one block, freed by `cgsl_taus2_free`).
    private let isBlock: Bool

    /// The stream named by `seed`, with its full `taus2` state derived as ``StreamSeed`` documents.
    public init(_ seed: StreamSeed) {
        GSLRuntime.configure()
        let (s1, s2, s3) = seed.taus2State
        guard let rng = cgsl_taus2_alloc(UInt(s1), UInt(s2), UInt(s3)) else {
            fatalError("cgsl_taus2_alloc failed: out of memory, or GSL's taus2 state layout is not the one this build expects")
        }
        self.rng = rng
        isTaus2 = true
        isBlock = true
    }

    /// Convenience for `RandomStream(StreamSeed(seed:replication:purpose:))`.
    public convenience init(seed: UInt64, replication: Int, purpose: String) {
        self.init(StreamSeed(seed: seed, replication: replication, purpose: purpose))
    }

    /// A generator of any algorithm seeded through `gsl_rng_set` (only 32 bits of `seed` count
    /// for most algorithms). For benchmarks and comparisons; simulations use named streams.
    public init(algorithm: RandomAlgorithm, seed: UInt32) {
        GSLRuntime.configure()
        guard let rng = gsl_rng_alloc(algorithm.gslType) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        gsl_rng_set(rng, UInt(seed))
        self.rng = rng
        isTaus2 = rng.pointee.type == cgsl_rng_taus2()
        isBlock = false
    }

    deinit {
        if isBlock { cgsl_taus2_free(rng) } else { gsl_rng_free(rng) }
    }

    /// GSL's name of the algorithm.
    public var algorithmName: String { String(cString: gsl_rng_name(rng)) }

    /// A uniform variate on [0, 1): `gsl_rng_uniform`, with taus2's step inlined (the same
    /// draw, bit for bit, without GSL's call through the generator type's function pointer).
    @inlinable
    public func uniform() -> Double { isTaus2 ? cgsl_taus2_uniform(rng) : gsl_rng_uniform(rng) }

    /// A uniform variate on [0, 1) drawn by GSL's own `gsl_rng_uniform`, for comparison.
    @inlinable
    public func gslUniform() -> Double { gsl_rng_uniform(rng) }

    /// A uniform variate on (0, 1) drawn by GSL's own `gsl_rng_uniform_pos`, for comparison.
    @inlinable
    public func gslUniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// A uniform variate on (0, 1).
    @inlinable
    public func uniformPositive() -> Double {
        // gsl_rng_uniform_pos: uniforms until one is not 0.
        while true {
            let x = uniform()
            if x != 0 { return x }
        }
    }

    /// A uniform integer on 0..<n; `n` must be in 1...UInt32.max.
    @inlinable
    public func index(below n: Int) -> Int {
        precondition(n > 0 && n <= Int(UInt32.max), "index bound out of range")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// An exponential variate with the given mean (`mean` > 0), by inversion of one of GSL's
    /// uniform variates on (0, 1): −mean·ln U.
    ///
    /// `gsl_ran_exponential` computes −mean·ln(1 − U) through `log1p`, which glibc evaluates
    /// about three times slower than `log`; the two laws are identical (U and 1 − U are both
    /// uniform). `deliverysim bench rng` prints both.
    @inlinable
    public func exponential(mean: Double) -> Double { -mean * log(uniformPositive()) }

    /// An exponential variate drawn by GSL's own `gsl_ran_exponential`, for comparison.
    @inlinable
    public func gslExponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// True with probability `p` (`p` in [0, 1]).
    @inlinable
    public func bernoulli(_ p: Double) -> Bool { uniform() < p }
}

@available(*, unavailable, message: "a RandomStream belongs to one replication on one thread")
extension RandomStream: Sendable {}
