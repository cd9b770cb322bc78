import ArgumentParser
import ScenarioFile

/// `deliverysim validate`: check scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them; exits non-zero if any is malformed."
    )

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    func run() throws {
        var failed = 0
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(path: file)
                print("ok: \(file) (\(loaded.scenario.name): \(loaded.scenario.stages.count) stages, \(loaded.scenario.teams.count) teams)")
            } catch let errors as ScenarioErrors {
                failed += 1
                printError(errors.description)
            }
        }
        if failed > 0 { throw ExitCode(2) }
    }
}
