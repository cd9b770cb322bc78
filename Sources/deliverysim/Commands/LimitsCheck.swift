import ArgumentParser
import DeliveryModel

/// Refuses, before any work and with exit 2, a run beyond ``Limits`` (replications × horizon).
func checkLimits(_ scenarios: [Scenario], replications: Int) throws {
    for scenario in scenarios {
        if let refusal = Limits.refusal(scenario, replications: replications) {
            printError("error: \(refusal)")
            throw ExitCode(2)
        }
    }
}
