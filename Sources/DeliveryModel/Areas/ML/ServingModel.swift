/// One ML model in production: its quality trajectory and where it stands in its life cycle.
///
/// Quality falls linearly (gradual drift) between events and drops at shifts. `epoch` changes
/// whenever the trajectory does, so a scheduled threshold crossing computed from an older
/// trajectory is recognized as stale; `episode` numbers the degradations, so a notice meant for
/// an episode that has ended is ignored.
struct ServingModel {
    /// Quality at `updated`.
    var quality: Double
    var updated: Double
    var epoch: Int32 = 0
    var episode: Int32 = 0
    /// When the current degradation began; −1 when the model is fine.
    var degradedSince: Double = -1
    /// The current degradation has been noticed.
    var noticed = false
    /// The model serving is a bad retrained one.
    var servingBad = false
    /// A retraining is under way.
    var retraining = false
    /// The candidate from the last training run is bad.
    var candidateBad = false
    /// The model that served before the current one, for rollback: its quality at `updated`.
    var previous: (quality: Double, updated: Double, bad: Bool)?
    /// ∫ quality dt over the observation window so far.
    var qualityArea: Double = 0
    /// Time spent degraded within the window, for finished degradations.
    var degradedTime: Double = 0

    var isDegraded: Bool { degradedSince >= 0 }

    /// Quality at time `t` under gradual decay `perHour`.
    func quality(at t: Double, decay perHour: Double) -> Double {
        max(0, quality - perHour * (t - updated))
    }

    /// Moves the trajectory to `t`, integrating quality over the part inside the window.
    mutating func advance(to t: Double, decay perHour: Double, windowStart: Double) {
        let from = max(updated, windowStart)
        if t > from {
            let q0 = quality(at: from, decay: perHour), q1 = quality(at: t, decay: perHour)
            qualityArea += (q0 + q1) / 2 * (t - from)  // exact unless the floor at 0 is hit
        }
        quality = quality(at: t, decay: perHour)
        updated = t
    }

    /// Ends the current degradation at `t`, counting its time inside the window.
    mutating func endDegradation(at t: Double, windowStart: Double) {
        degradedTime += max(0, t - max(degradedSince, windowStart))
        degradedSince = -1
        noticed = false
    }
}
