import CGSL

/// A GSL generator algorithm.
///
/// Simulation streams use ``taus2``: measured on the project's machines it draws exponential
/// variates about 1.3× faster than ``mt19937`` (`deliverysim bench rng` prints the figures), has
/// period 2^88 and passes the usual test batteries. The others are here to be measured.
public enum RandomAlgorithm: String, CaseIterable, Sendable {
    /// L'Ecuyer's maximally equidistributed combined Tausworthe generator (GSL's `taus2`).
    case taus2
    /// The Mersenne Twister (GSL's `mt19937`).
    case mt19937
    /// Four-tap generalized feedback shift register (GSL's `gfsr4`).
    case gfsr4
    /// Lüscher's RANLUX, single precision, luxury 0 (GSL's `ranlxs0`).
    case ranlxs0

    var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .taus2: return cgsl_rng_taus2()
        case .mt19937: return cgsl_rng_mt19937()
        case .gfsr4: return cgsl_rng_gfsr4()
        case .ranlxs0: return cgsl_rng_ranlxs0()
        }
    }
}
