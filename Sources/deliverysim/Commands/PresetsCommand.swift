import Analysis
import ArgumentParser
import Export
import Foundation
import ScenarioFile

/// `deliverysim presets`: the scenarios built into the program — list, show, copy out.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the built-in presets (the maturity levels and examples), show one, or copy one out as a starting point.",
        discussion: """
        The presets work from any folder: `compare --levels cd`, `advise cd-base`, `run cd-expert`, and a \
        scenario file with `extends: cd-common` use the built-in files unless a file of that name exists \
        on disk (or --scenarios-dir is given).
        """,
        subcommands: [List.self, Show.self, Copy.self],
        defaultSubcommand: List.self
    )

    /// `presets list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in presets with a line each.")

        func run() throws {
            let width = Console.width
            var table = TextTable(header: [["preset", "description"]], leftAligned: 2)
            let nameWidth = BuiltInPresets.all.map(\.name.count).max() ?? 0
            for preset in BuiltInPresets.all {
                let text = (preset.isBase ? "(the shared base of its levels) " : "") + preset.description
                let wrapped = TextWrap.wrap(text, width: max(20, width - nameWidth - 2)).split(separator: "\n").map(String.init)
                for (i, line) in wrapped.enumerated() { table.rows.append([i == 0 ? preset.name : "", line]) }
            }
            print(table.render(style: Console.style), terminator: "")
            print(TextWrap.wrap("show one: deliverysim presets show NAME; copy one out to edit: deliverysim presets copy NAME [FILE]; compare the levels: deliverysim compare --levels cd|mlops|all", width: width, indent: 2))
        }
    }

    /// `presets show NAME`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a built-in preset's file.")

        @Argument(help: "The preset (see `deliverysim presets`).") var name: String
        @Flag(help: "Print the document with `extends` resolved (every inherited key written out).") var resolved = false

        func run() throws {
            let preset = try PresetsCommand.find(name)
            print(resolved ? try PresetsCommand.resolvedText(preset) : preset.text, terminator: "")
        }
    }

    /// `presets copy NAME [FILE]`.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy", abstract: "Write a built-in preset to a file as a starting point (extends resolved, so it runs on its own).")

        @Argument(help: "The preset (see `deliverysim presets`).") var name: String
        @Argument(help: "The file to write (default: NAME.yaml here).") var file: String?
        @Flag(help: "Keep the preset's own text and its `extends` line (which resolves to the built-in base) instead of writing every key out.")
        var keepExtends = false
        @Flag(help: "Replace the file if it exists.") var force = false

        func run() throws {
            let preset = try PresetsCommand.find(name)
            let path = file ?? preset.name + ".yaml"
            let text = keepExtends ? preset.text : try PresetsCommand.resolvedText(preset)
            try writeStarter(text, to: path, force: force)
            printError("wrote \(path) from the built-in preset \(preset.name); run it with: deliverysim run \(ShellText.quoted(path))")
        }
    }

    static func find(_ name: String) throws -> BuiltInPresets.Preset {
        guard let preset = BuiltInPresets.preset(name) else {
            printError("error: no built-in preset `\(name)`; there are: \(BuiltInPresets.all.map(\.name).joined(separator: ", "))")
            throw ExitCode(2)
        }
        return preset
    }

    /// The preset with `extends` resolved, headed by where it came from.
    static func resolvedText(_ preset: BuiltInPresets.Preset) throws -> String {
        let loaded = try reportingFailures { try ScenarioLoader.load(path: preset.path) }
        let header = "Written by deliverysim from its built-in preset \(preset.name) (`deliverysim presets show \(preset.name)` shows the original "
            + "with its comments); every inherited key is written out, so this file runs on its own.\n\(preset.description)"
        return TextWrap.wrap(header, width: 98).split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 + "\n" }.joined()
            + loaded.resolvedYAML
    }
}

/// `deliverysim init [FILE]`: a commented starter scenario of the user's own organization.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter scenario for your own organization (teams, stages, demand, release, deploy, operations)."
    )

    @Argument(help: ArgumentHelp("The file to write (default: \(StarterScenario.fileName)).", valueName: "file")) var file: String?
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        let path = file ?? StarterScenario.fileName
        try writeStarter(StarterScenario.text, to: path, force: force)
        printError("wrote \(path); edit it, then: deliverysim run \(ShellText.quoted(path)) and deliverysim advise \(ShellText.quoted(path))")
    }
}

/// Writes `text` to `path` atomically, refusing an existing file unless `force` (exit 2).
func writeStarter(_ text: String, to path: String, force: Bool) throws {
    if !force && FileManager.default.fileExists(atPath: path) {
        printError("error: \(path) already exists: give --force to replace it")
        throw ExitCode(2)
    }
    try reportingExportFailures { try AtomicFile.write(text, to: path) }
}
