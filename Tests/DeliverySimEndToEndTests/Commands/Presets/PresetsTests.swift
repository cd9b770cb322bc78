import Foundation
import Testing
import TestSupport

/// `presets list|show|copy` and `init` from an empty folder: the listing names every preset,
/// `show` prints the file as shipped, a copied preset and the starter scenario validate and run
/// on their own, nothing is overwritten without --force, and `extends:` a preset name resolves.
@Suite struct PresetsTests {
    @Test func listAndShow() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let list = try runProcess(bin, ["presets"], in: dir.path, environment: ["COLUMNS": "100"])
        #expect(list.status == 0)
        for name in ["cd-base", "cd-beginner", "cd-intermediate", "cd-advanced", "cd-expert", "mlops-0", "mlops-1", "mlops-2"] {
            #expect(list.stdout.contains("\n\(name) "), "\(name) missing: \(list.stdout)")
        }
        #expect(list.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let show = try runProcess(bin, ["presets", "show", "cd-intermediate"], in: dir.path)
        #expect(show.stdout == (try String(contentsOfFile: repositoryRoot + "/scenarios/cd-intermediate.yaml", encoding: .utf8)))
        let unknown = try runProcess(bin, ["presets", "show", "cd-nonsense"], in: dir.path)
        #expect(unknown.status == 2 && unknown.stderr.contains("no built-in preset `cd-nonsense`"))
    }

    @Test func copyRunsOnItsOwnAndIsNotOverwritten() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let copy = try runProcess(bin, ["presets", "copy", "cd-advanced", "mine.yaml"], in: dir.path)
        #expect(copy.status == 0, "\(copy.stderr)")
        let text = try dir.read("mine.yaml")
        #expect(!text.contains("extends:") && text.contains("canary:"), "every inherited key written out")
        #expect(try runProcess(bin, ["validate", "mine.yaml"], in: dir.path).status == 0)
        // The copy is the same scenario as the preset: the same results.
        let mine = try runProcess(bin, ["run", "mine.yaml", "--replications", "3", "--format", "json", "-q"], in: dir.path)
        let preset = try runProcess(bin, ["run", "cd-advanced", "--replications", "3", "--format", "json", "-q"], in: dir.path)
        #expect(mine.status == 0 && !mine.stdout.isEmpty && mine.stdout == preset.stdout)
        // Not overwritten without --force; replaced with it.
        try "name: edited\n".write(toFile: dir.path + "/mine.yaml", atomically: true, encoding: .utf8)
        let refused = try runProcess(bin, ["presets", "copy", "cd-advanced", "mine.yaml"], in: dir.path)
        let kept = try dir.read("mine.yaml")
        #expect(refused.status == 2 && refused.stderr.contains("already exists") && kept == "name: edited\n")
        #expect(try runProcess(bin, ["presets", "copy", "cd-advanced", "mine.yaml", "--force"], in: dir.path).status == 0)
        #expect(try dir.read("mine.yaml") == text)
        // --keep-extends keeps the preset's text; its extends resolves to the built-in base.
        #expect(try runProcess(bin, ["presets", "copy", "cd-base", "--keep-extends"], in: dir.path).status == 0)
        #expect(try dir.read("cd-base.yaml").contains("extends: cd-common.yaml"))
        #expect(try runProcess(bin, ["run", "cd-base.yaml", "--replications", "2", "-q"], in: dir.path).status == 0)
    }

    @Test func initWritesAStarterThatValidatesAndRuns() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try runProcess(bin, ["init"], in: dir.path).status == 0)
        let text = try dir.read("my-organization.yaml")
        for section in ["teams:", "stages:", "demand:", "release:", "deploy:", "operations:"] { #expect(text.contains("\n" + section)) }
        #expect(text.split(separator: "\n").filter { $0.contains("#") }.count >= 20, "commented")
        #expect(try runProcess(bin, ["validate", "my-organization.yaml"], in: dir.path).status == 0)
        let run = try runProcess(bin, ["run", "my-organization.yaml", "--replications", "3", "-q"], in: dir.path)
        #expect(run.status == 0 && run.stdout.contains("DORA 2024 cluster"), "\(run.stderr)")
        let again = try runProcess(bin, ["init"], in: dir.path)
        #expect(again.status == 2 && again.stderr.contains("already exists"))
        #expect(try runProcess(bin, ["init", "other.yaml"], in: dir.path).status == 0)
    }

    @Test func extendsAPresetByName() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("ours.yaml", "extends: cd-intermediate\nname: ours\nteams: {dev: {people: 10}}\n")
        let run = try runProcess(bin, ["run", "ours.yaml", "--replications", "2", "--format", "json", "-q"], in: dir.path)
        #expect(run.status == 0 && run.stdout.contains("\"name\": \"ours\""), "\(run.stderr)")
        // A file on disk wins over the built-in preset of the same name.
        _ = try dir.write("cd-intermediate.yaml", "name: local\n")
        _ = try dir.write("theirs.yaml", "extends: cd-intermediate.yaml\nname: theirs\n")
        let local = try runProcess(bin, ["run", "theirs.yaml", "--replications", "2", "-q"], in: dir.path)
        #expect(local.status == 2 && local.stderr.contains("missing required key `horizon`"), "the local file, not the preset: \(local.stderr)")
    }
}
