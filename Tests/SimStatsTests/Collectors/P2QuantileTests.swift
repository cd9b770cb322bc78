import CGSL
import Foundation
import Testing
import SimRandom
import SimStats

@Suite struct P2QuantileTests {
    /// Every estimate equals GSL's `gsl_rstat_quantile` bit for bit, after every observation,
    /// for the probabilities the model reports, on continuous data, on data with many ties and
    /// on short runs (exact interpolation up to five observations).
    @Test func equalsGSLBitForBit() {
        let s = RandomStream(seed: 3, replication: 0, purpose: "p2")
        for p in [0.5, 0.85, 0.95, 0.1] {
            for (law, n) in [("lognormal", 20_000), ("ties", 5_000), ("short", 7)] {
                guard let w = gsl_rstat_quantile_alloc(p) else { Issue.record("gsl_rstat_quantile_alloc"); return }
                defer { gsl_rstat_quantile_free(w) }
                var e = P2Quantile(p: p)
                #expect(e.value == nil)
                var mismatches = 0
                for _ in 0..<n {
                    let x: Double
                    switch law {
                    case "lognormal": x = exp(1 + 1.2 * (s.uniform() - 0.5) * 4) + s.exponential(mean: 2)
                    case "ties": x = Double(Int(s.uniform() * 6))
                    default: x = s.exponential(mean: 10) - 5
                    }
                    gsl_rstat_quantile_add(x, w)
                    e.add(x)
                    if e.value!.bitPattern != gsl_rstat_quantile_get(w).bitPattern { mismatches += 1 }
                }
                #expect(mismatches == 0, "p=\(p) \(law): \(mismatches) of \(n) estimates differ from GSL's")
                #expect(e.count == n)
            }
        }
    }

    @Test func resetStartsAfresh() {
        var e = P2Quantile(p: 0.5)
        for x in 0..<100 { e.add(Double(x)) }
        e.reset()
        [5.0, 1, 3].forEach { e.add($0) }
        #expect(e.value == 3)
    }
}
