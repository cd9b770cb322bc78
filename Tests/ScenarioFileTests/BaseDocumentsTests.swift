import Foundation
import ScenarioFile
import Testing
import TestSupport

/// `BaseDocuments`: a base that several scenarios of a run extend is read once, and loading
/// through it gives what loading each file alone gives, errors included.
struct BaseDocumentsTests {
    /// base.yaml, and a.yaml and b.yaml that extend it (b through middle.yaml).
    static func files(in dir: URL) throws -> (base: URL, a: URL, b: URL) {
        let base = dir.appendingPathComponent("base.yaml")
        try write(ExtendsTests.base, to: base)
        let a = dir.appendingPathComponent("a.yaml"), b = dir.appendingPathComponent("b.yaml")
        try write("extends: base.yaml\nname: a\nteams: {dev: {people: 6}}\n", to: a)
        try write("extends: base.yaml\nseed: 9\n", to: dir.appendingPathComponent("middle.yaml"))
        try write("extends: middle.yaml\nname: b\nhorizon: 60d\n", to: b)
        return (base, a, b)
    }

    @Test func sharedBasesLoadWhatEachFileAloneLoads() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, a, b) = try Self.files(in: dir)
        let bases = BaseDocuments()
        for path in [a.path, b.path, a.path] {
            let shared = try ScenarioLoader.load(path: path, overrides: ["stages.develop.wip_limit=3"], bases: bases)
            let alone = try ScenarioLoader.load(path: path, overrides: ["stages.develop.wip_limit=3"])
            #expect(shared.resolvedYAML == alone.resolvedYAML)
            #expect(shared.scenario.name == alone.scenario.name && shared.scenario.seed == alone.scenario.seed)
        }
    }

    @Test func aBaseIsReadOncePerRun() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let (base, a, b) = try Self.files(in: dir)
        let bases = BaseDocuments()
        #expect(try ScenarioLoader.load(path: a.path, bases: bases).scenario.description == "the base")
        // Changed on disk during the run: the run keeps the base it read; a new run reads it again.
        try write(ExtendsTests.base.replacingOccurrences(of: "description: the base", with: "description: changed"), to: base)
        #expect(try ScenarioLoader.load(path: b.path, bases: bases).scenario.description == "the base")
        #expect(try ScenarioLoader.load(path: b.path, bases: BaseDocuments()).scenario.description == "changed")
    }

    @Test func aBaseWithErrorsIsReadAgainAndReportedTheSame() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let (base, a, b) = try Self.files(in: dir)
        try write(ExtendsTests.base + "\nteams: [unclosed\n", to: base)
        let bases = BaseDocuments()
        for path in [a.path, b.path] {
            var shared: [ScenarioError] = []
            do { _ = try ScenarioLoader.load(path: path, bases: bases) } catch let errors as ScenarioErrors { shared = errors.errors }
            let alone = loadFileErrors(path)
            #expect(!alone.isEmpty && shared == alone)
            #expect(alone.allSatisfy { $0.file == base.path })
        }
    }
}
