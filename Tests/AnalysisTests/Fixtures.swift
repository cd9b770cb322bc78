import TestSupport

/// The shared test scenario (TestSupport) as the Analysis tests use it: named cd-base, 8
/// replications, 2% failed deployments.
func scenarioYAML(name: String = "cd-base", replacing: [(String, String)] = []) -> String {
    TestSupport.scenarioYAML(name: name, replications: 8, deployFailureProbability: "0.02", replacing: replacing)
}
