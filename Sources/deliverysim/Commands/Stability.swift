import ArgumentParser
import DeliveryModel

/// Exit codes of deliverysim (documented in README.md).
enum ExitCodes {
    /// Demand exceeds capacity and `--allow-unstable` was not given.
    static let unstable: Int32 = 3
}

/// Estimates each team's load before running (offered work against capacity in working
/// hours) and refuses a scenario where demand exceeds capacity — its queues would grow without
/// bound — unless `allow` is set; then each replication still stops at `--max-events`.
func checkStability(_ scenarios: [Scenario], allow: Bool) throws {
    var problems: [String] = []
    for scenario in scenarios {
        for load in scenario.loadEstimates() where load.isUnstable {
            problems.append("\(scenario.name): \(load)")
        }
    }
    guard !problems.isEmpty else { return }
    printError(problems.joined(separator: "\n"))
    if allow {
        printError("note: running anyway (--allow-unstable); a replication that reaches --max-events stops with an error")
        return
    }
    printError("error: demand exceeds capacity; add people, lower demand, or pass --allow-unstable (with --max-events)")
    throw ExitCode(ExitCodes.unstable)
}
