import ArgumentParser
import DeliveryModel
import ScenarioFile

/// `deliverysim bench model`: the delivery model's speed on one thread.
struct ModelBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Run a reference scenario on one thread and print events/s and simulated work items/s."
    )

    @Option(help: "The reference scenario.")
    var scenario: String = "scenarios/example.yaml"

    @Option(help: "Replications to run.")
    var replications: Int = 10

    func run() throws {
        let loaded = try loadScenario(scenario, overrides: [])
        let (results, seconds) = try measure { try ScenarioRunner.run(loaded, replications: replications) }
        let events = results.reduce(0) { $0 + $1.events }
        let items = results.reduce(0) { $0 + $1.itemsArrived }
        print("model=\(loaded.name) replications=\(replications) horizon_days=\(fixed(loaded.horizon / 24, 0)) events=\(events)"
              + " items=\(items) wall_s=\(fixed(seconds, 3)) events_per_s=\(grouped(Double(events) / seconds))"
              + " items_per_s=\(grouped(Double(items) / seconds)) threads=1")
    }
}
