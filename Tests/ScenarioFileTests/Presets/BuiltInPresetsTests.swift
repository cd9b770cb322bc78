import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The presets built into the program are exactly `scenarios/*.yaml`: regenerate with
/// `bash scenarios/embed-presets.sh` (it writes `Sources/ScenarioFile/Presets/Texts/`).
@Suite struct BuiltInPresetsTests {
    @Test func builtInTextsEqualTheFilesOnDisk() throws {
        let folder = repositoryRoot + "/scenarios"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(BuiltInPresets.all.map { $0.name + ".yaml" } == files,
                "regenerate: bash scenarios/embed-presets.sh")
        for preset in BuiltInPresets.all {
            let disk = try String(contentsOfFile: folder + "/" + preset.name + ".yaml", encoding: .utf8)
            #expect(preset.text == disk, "\(preset.name) differs from scenarios/: regenerate with bash scenarios/embed-presets.sh")
            #expect(!preset.description.isEmpty)
        }
    }

    @Test func builtInPresetsLoadWithTheirExtendsChains() throws {
        let builtIn = try ScenarioLoader.load(path: "builtin:cd-expert.yaml")
        let disk = try ScenarioLoader.load(path: repositoryRoot + "/scenarios/cd-expert.yaml")
        #expect(builtIn.resolvedYAML == disk.resolvedYAML)
        #expect(BuiltInPresets.preset("cd-base")?.path == "builtin:cd-base.yaml")
        #expect(BuiltInPresets.preset("cd-base.yaml")?.name == "cd-base")
        // A bare preset name that is no file on disk falls back; a path with a folder never does.
        #expect(BuiltInPresets.fallback(for: "cd-base", exists: { _ in false }) == "builtin:cd-base.yaml")
        #expect(BuiltInPresets.fallback(for: "cd-base.yaml", exists: { _ in true }) == nil)
        #expect(BuiltInPresets.fallback(for: "some/cd-base.yaml", exists: { _ in false }) == nil)
        #expect(BuiltInPresets.fallback(for: "mine.yaml", exists: { _ in false }) == nil)
    }

    @Test func theStarterScenarioLoads() throws {
        let loaded = try ScenarioLoader.load(yaml: StarterScenario.text)
        #expect(loaded.scenario.name == "my-organization" && loaded.scenario.teams.count == 2 && loaded.scenario.stages.count == 3)
    }
}
