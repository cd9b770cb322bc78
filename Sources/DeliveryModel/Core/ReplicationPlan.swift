import Synchronization

/// What the replications of one scenario share, built once rather than per replication: the
/// scenario, and the metric names of the first replication to finish.
///
/// A replication reports the same metrics in the same order as every other replication of its
/// scenario (which ones, and their names, depend on the scenario only), so the later ones take
/// the first one's names by position instead of building equal strings — and results kept by the
/// thousand then hold each name once. Replications may run on several threads at once: the
/// names are behind a `Mutex`, learned once.
public final class ReplicationPlan: Sendable {
    public let scenario: Scenario
    private let names = Mutex<[String]?>(nil)

    /// The plan of `scenario`'s replications.
    public init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    /// The metric names of a finished replication, if one has finished.
    var metricNames: [String]? { names.withLock { $0 } }

    /// Keeps `result`'s names for the replications to come, or, if an earlier one's are kept,
    /// makes `result`'s names share their storage (those it did not take from them already).
    func learnNames(_ result: inout ReplicationResult) {
        let known: [String]? = names.withLock { kept in
            if let kept { return kept }
            kept = result.metrics.map(\.name)
            return nil
        }
        if let known { result.shareNames(known) }
    }
}
