import Foundation
import Testing
import TestSupport

/// The console under a real pseudo-terminal (`script`): a progress line on a terminal, none
/// with --quiet; bold headers on a terminal, none with NO_COLOR. Skipped where `script` is missing,
/// except on CI (`CI` set), where they fail instead.
@Suite(.serialized, .enabled(if: runsWith(ExternalTools.script), "needs `script` (util-linux) to give the program a terminal"))
struct RunTerminalOutputTests {
    /// Runs `command` under `script`, which gives it a terminal and copies what it shows.
    static func onTerminal(_ command: String, environment: [String: String] = [:]) throws -> String {
        guard let script = ExternalTools.script else { throw TestFailure("`script` (util-linux) is needed on CI") }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        return try runProcess(script, ["-qec", command, "/dev/null"], environment: env).stdout
    }

    static func longScenario(in dir: TemporaryDirectory) throws -> String {
        try dir.write("long.yaml", scenarioYAML(name: "long", replacing: [("horizon: 60d", "horizon: 3000d")]))
    }

    @Test func progressOnATerminalOnly() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try Self.longScenario(in: dir)
        // About 2 s of work (0.57 s per 150 replications on the 2026-12 build), so the line appears
        // after its half-second delay.
        let command = "\(bin) run \(file) --replications 600 --jobs 1 > /dev/null"
        let shown = try Self.onTerminal(command)
        #expect(shown.contains("\rrun: "), "\(shown.debugDescription)")
        #expect(shown.contains("/600 replications (") && shown.contains("ETA "))
        #expect(shown.hasSuffix("\r\u{1B}[K"))  // erased at the end
        let quiet = try Self.onTerminal(command.replacingOccurrences(of: " > /dev/null", with: " --quiet > /dev/null"))
        #expect(quiet.isEmpty, "\(quiet.debugDescription)")
        // Standard error not a terminal: nothing, even though standard output is one.
        let piped = try Self.onTerminal("\(bin) run \(file) --replications 600 --jobs 1 2>\(dir.path)/err > /dev/null")
        let err = try dir.read("err")
        #expect(piped.isEmpty && err.isEmpty)
    }

    /// Writing an export is never silent on a terminal: the progress line names each file.
    @Test func exportProgressNamesEachFile() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML())
        let shown = try Self.onTerminal("\(bin) run \(file) --replications 2 --out \(dir.path)/out --items > /dev/null")
        for name in ["replications.csv", "summary.csv", "flow.csv", "items.csv", "run.json"] {
            #expect(shown.contains("\rexport: writing \(name) ("), "\(name): \(shown.debugDescription)")
        }
        #expect(shown.contains("exported to "))
    }

    @Test func colourOnATerminalUnlessNoColor() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML())
        let command = "\(bin) run \(file) --replications 2 --quiet"
        let coloured = try Self.onTerminal(command)
        #expect(coloured.contains("\u{1B}[1mDORA 20"), "\(coloured.debugDescription)")
        // Notes are dim. (This scenario has none; without failures time to restore gets one.)
        let failureFree = try dir.write("b.yaml", scenarioYAML(replacing: [("incident_probability: 0.5", "incident_probability: 0"),
                                                                           ("failure_probability: 0.05", "failure_probability: 0")]))
        let noted = try Self.onTerminal("\(bin) run \(failureFree) --replications 2 --quiet")
        #expect(noted.contains("\u{1B}[2mcounts per week") && noted.contains("time_to_restore_hours: "), "\(noted.debugDescription)")
        let plain = try Self.onTerminal(command, environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("DORA 20") && plain.contains("lead time for changes"))
        // A pipe gets no colour either.
        let piped = try runProcess(bin, ["run", file, "--replications", "2"])
        #expect(!piped.stdout.contains("\u{1B}[") && piped.stdout == plain.replacingOccurrences(of: "\r\n", with: "\n"))
    }
}
