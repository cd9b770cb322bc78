import SimKernel

/// A queue that kept growing over the second half of a replication: the sign of demand beyond
/// what the flow lets through (a WIP limit, a team, the release or deployment pipeline).
///
/// The items in the value stream (the backlog, the stages, and the changes waiting for a release
/// or for the pipeline) are sampled at `samples` instants evenly spread over the second half of
/// the measured window. The least-squares trend of that count times the half's length is its
/// growth; more than ``QueueGrowth/threshold(arrivals:)`` means the stream does not keep up —
/// provided the trend over the last quarter alone still carries at least half that rate (a stream
/// still filling after too short a warm-up slows down; one beyond its capacity does not). The
/// place reported is the most downstream queue (per stage: the items in it or waiting to enter
/// it; then release; then deployment) that grew by at least half as much, since a blocked stage
/// backs up every queue before it.
public struct QueueGrowth: Sendable, Equatable, CustomStringConvertible {
    /// Where: `stage develop`, `release`, `deployment`.
    public var place: String
    /// Items the value stream gained over the second half of the window (trend × length).
    public var growth: Double
    /// Arrivals in the second half of the window, for scale.
    public var arrivals: Double

    public static let samples = 64

    /// Growth that counts: 5% of the half's arrivals (one item in twenty arriving stays), and at
    /// least 10 items (the wander of a busy but stable stream's trend).
    public static func threshold(arrivals: Double) -> Double { max(10, 0.05 * arrivals) }

    public var description: String {
        let share = arrivals > 0 ? " (\(Int((growth / arrivals * 100).rounded()))% of the arrivals)" : ""
        return "the value stream gained \(Int(growth.rounded())) items over the second half of the run\(share), queued at \(place)"
    }
}

/// Least-squares sums of the sampled queue lengths over the second half of the window.
struct QueueSamples {
    /// Per queue, then the whole stream, then the whole stream over the last quarter only:
    /// Σ y at `2q` and Σ k·y at `2q + 1` over its samples (k = 0 ..< samples, or
    /// samples/2 ..< samples). A ``ModelArray``: a sample adds in place, without the two
    /// uniqueness checks of an array of arrays held in the model.
    let sums: ModelArray<Double>
    var names: [String]
    /// Arrivals after the middle of the window.
    var arrivalsInSecondHalf = 0

    init(scenario: Scenario) {
        names = scenario.stages.map { "stage \($0.name)" } + ["release", "deployment"]
        sums = ModelArray(repeating: 0, count: 2 * (names.count + 2))
    }

    func add(_ queue: Int, _ k: Int, _ length: Int) {
        sums[2 * queue] += Double(length)
        sums[2 * queue + 1] += Double(k * length)
    }

    /// Growth over the whole sampled span from the least-squares slope of queue `q`, whose
    /// samples are k = `from` ..< samples.
    func growth(_ q: Int, from: Int = 0) -> Double {
        let n = Double(QueueGrowth.samples - from), a = Double(from)
        // Σk and Σk² over k = from ..< samples.
        let sk = n * a + n * (n - 1) / 2
        let skk = (0..<(QueueGrowth.samples - from)).reduce(0.0) { $0 + (a + Double($1)) * (a + Double($1)) }
        let slope = (n * sums[2 * q + 1] - sk * sums[2 * q]) / (n * skk - sk * sk)
        return slope * Double(QueueGrowth.samples)
    }

    /// The growth of the whole stream, placed at the most downstream queue that grew, if it counts.
    func growth() -> QueueGrowth? {
        let total = growth(names.count)
        let arrivals = Double(arrivalsInSecondHalf)
        guard total > QueueGrowth.threshold(arrivals: arrivals),
              growth(names.count + 1, from: QueueGrowth.samples / 2) > total / 2 else { return nil }
        let place = names.indices.reversed().first { growth($0) >= total / 2 } ?? names.indices.max { growth($0) < growth($1) }!
        return QueueGrowth(place: names[place], growth: total, arrivals: arrivals)
    }
}
