import ArgumentParser
import ScenarioFile

/// `deliverysim validate`: check scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them; exits non-zero if any is malformed or unstable.",
        discussion: """
        Each file is read as `run` reads it, and the same stability estimate is made (each team's \
        offered work against its capacity). Exit codes: 0 every file is well-formed and stable; \
        2 a file is malformed; 4 every file is well-formed but one would be refused by `run` as \
        unstable (a warning: `run --allow-unstable` runs it).
        """
    )

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    func run() throws {
        var failed = 0, unstable = 0
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(path: file)
                let problems = stabilityProblems([loaded.scenario])
                if problems.isEmpty {
                    print("ok: \(file) (\(loaded.scenario.name): \(loaded.scenario.stages.count) stages, \(loaded.scenario.teams.count) teams)")
                } else {
                    unstable += 1
                    print("unstable: \(file) (\(loaded.scenario.name): well-formed, but run refuses it without --allow-unstable)")
                    printError(problems.map { "warning: \($0)" }.joined(separator: "\n"))
                }
            } catch let errors as ScenarioErrors {
                failed += 1
                printError(errors.description)
            }
        }
        if failed > 0 { throw ExitCode(ExitCodes.badInput) }
        if unstable > 0 { throw ExitCode(ExitCodes.validUnstable) }
    }
}
