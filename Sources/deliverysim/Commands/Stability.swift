import Analysis
import ArgumentParser
import DeliveryModel

/// Exit codes of deliverysim (documented in README.md).
enum ExitCodes {
    /// Bad input: a malformed file, bad options (every usage error).
    static let badInput: Int32 = 2
    /// Demand exceeds capacity and `--allow-unstable` was not given.
    static let unstable: Int32 = 3
    /// `validate`: every file is well-formed, but `run` would refuse one as unstable.
    static let validUnstable: Int32 = 4
}

/// Each team whose estimated demand exceeds its capacity, as `scenario name: team …` lines.
func stabilityProblems(_ scenarios: [Scenario]) -> [String] {
    scenarios.flatMap { scenario in
        scenario.loadEstimates().filter(\.isUnstable).map { "\(scenario.name): \($0)" }
            + scenario.flowLimits().filter(\.isUnstable).map { "\(scenario.name): \($0)" }
    }
}

/// Estimates each team's load before running (offered work against capacity in working
/// hours) and refuses a scenario where demand exceeds capacity — its queues would grow without
/// bound — unless `allow` is set; then each replication still stops at `--max-events`.
func checkStability(_ scenarios: [Scenario], allow: Bool) throws {
    let problems = stabilityProblems(scenarios)
    guard !problems.isEmpty else { return }
    printError(problems.joined(separator: "\n"))
    if allow {
        printError("note: running anyway (--allow-unstable); a replication that reaches --max-events stops with an error")
        return
    }
    printError("error: demand exceeds capacity; add people, lower demand, or pass --allow-unstable (with --max-events)")
    throw ExitCode(ExitCodes.unstable)
}

/// After a run: refuses a comparison in which a scenario's queue kept growing in most
/// replications (the model found demand beyond what the flow lets through, which the estimate
/// before the run missed), unless `allow` is set.
func checkGrowth(_ comparison: Comparison, allow: Bool) throws {
    let problems = comparison.entries.compactMap { entry in entry.growingQueue.map { "\(entry.variant.label): \($0)" } }
    guard !problems.isEmpty else { return }
    printError(problems.joined(separator: "\n"))
    if allow {
        printError("note: reporting anyway (--allow-unstable): the results depend on the horizon, since the queue keeps growing")
        return
    }
    printError("error: demand exceeds what the flow lets through (a WIP limit, a team, the release or deployment pipeline); change it, or pass --allow-unstable")
    throw ExitCode(ExitCodes.unstable)
}
