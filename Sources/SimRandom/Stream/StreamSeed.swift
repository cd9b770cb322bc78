/// The starting point of one independent random stream.
///
/// A stream is named by `(master seed, replication index, purpose)`. The three parts are
/// hashed into the full 88-bit state of GSL's `taus2` generator, not into the 32-bit seed that
/// `gsl_rng_set` accepts, so that streams do not collide in practice.
///
/// ## The derivation
///
/// 1. `h = fnv1a64(UTF-8 bytes of the purpose name)` (FNV-1a, 64-bit; portable and stable,
///    unlike Swift's per-process randomized `Hasher`).
/// 2. `k = mix(mix(mix(seed ^ 0x9E3779B97F4A7C15) ^ replication) ^ h)` where `mix` is the
///    SplitMix64 finalizer (Stafford's variant 13), a bijection on 64 bits with full avalanche.
/// 3. A SplitMix64 sequence started at `k` yields three 64-bit words; the high 32 bits of each
///    become `s1, s2, s3` of `taus2`, raised past the generator's degenerate minimums
///    (`s1 > 1`, `s2 > 7`, `s3 > 15`). GSL's own warm-up of six draws follows.
///
/// ## How far it is safe
///
/// `taus2` has about 2^88 distinguishable states (31 + 29 + 28 significant bits) and period
/// about 2^88. Two streams start at the same state with probability about n²/2^65 for n streams
/// when limited by the 64-bit key `k`: one in a million at n ≈ 6 million streams — a study of
/// 1 000 scenarios × 1 000 replications × 100 purposes stays below it. Overlap of two
/// streams' subsequences of length L has probability about n²·L/2^88: with a million streams of
/// a billion draws each it is below 10⁻⁵. Seeding through `gsl_rng_set` would instead give
/// n²/2^33: a 1% chance of a collision at only 10 000 streams.
///
/// ## Common random numbers
///
/// The scenario is deliberately *not* part of the key: two scenarios run with the same master
/// seed see identical streams for the same replication and purpose, so their arrivals and
/// work sizes match and their difference can be estimated by paired comparison.
public struct StreamSeed: Hashable, Sendable, CustomStringConvertible {
    /// The master seed of the study.
    public let seed: UInt64
    /// The replication index, from 0.
    public let replication: UInt64
    /// The purpose of the stream: "arrivals", "work.develop", "defects" ...
    public let purpose: String

    /// Names the stream of `purpose` in `replication` under master `seed`.
    public init(seed: UInt64, replication: Int, purpose: String) {
        precondition(replication >= 0, "replication index must be non-negative")
        self.seed = seed
        self.replication = UInt64(replication)
        self.purpose = purpose
    }

    /// The 64-bit key of this stream (step 2 of the derivation).
    public var key: UInt64 {
        let h = StreamSeed.fnv1a64(purpose)
        return StreamSeed.mix(StreamSeed.mix(StreamSeed.mix(seed ^ 0x9E37_79B9_7F4A_7C15) ^ replication) ^ h)
    }

    /// The three `taus2` state words (step 3 of the derivation).
    public var taus2State: (UInt32, UInt32, UInt32) {
        var state = key
        func next() -> UInt32 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return UInt32(truncatingIfNeeded: StreamSeed.mix(state) >> 32)
        }
        var s1 = next(), s2 = next(), s3 = next()
        if s1 < 2 { s1 &+= 2 }
        if s2 < 8 { s2 &+= 8 }
        if s3 < 16 { s3 &+= 16 }
        return (s1, s2, s3)
    }

    public var description: String { "stream(seed: \(seed), replication: \(replication), purpose: \(purpose))" }

    /// FNV-1a, 64-bit: a stable hash of text (unlike Swift's per-process `Hasher`).
    public static func fnv1a64(_ text: String) -> UInt64 {
        // A native string's UTF-8 is contiguous: hashed from its buffer, a byte costs two
        // instructions, where the general iteration over `utf8` costs a dozen.
        if let hash = text.utf8.withContiguousStorageIfAvailable({ fnv1a64(bytes: $0) }) { return hash }
        return Array(text.utf8).withUnsafeBufferPointer { fnv1a64(bytes: $0) }
    }

    /// FNV-1a, 64-bit, of `bytes`.
    static func fnv1a64(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// SplitMix64's finalizer (Stafford variant 13).
    @usableFromInline
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
