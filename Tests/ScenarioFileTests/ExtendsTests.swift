import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
import TestSupport

/// `extends`: deep merge of a chain of files, cycles and missing files.
struct ExtendsTests {
    static let base = """
    name: base
    description: the base
    horizon: 100d
    seed: 5
    demand:
      arrivals: {exponential: {mean: 6h}}
    teams:
      dev: {people: 4}
      qa: {people: 2}
    stages:
      - {name: develop, team: dev, work: 1d, wip_limit: 5}
      - {name: test, team: qa, work: 4h}
    deploy:
      automated: false
      duration: 2h
      rollback: {automated: false, duration: 1h}
    """

    @Test func childOverridesNestedKeysAndListsAndInheritsTheRest() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.base, to: dir.appendingPathComponent("base.yaml"))
        let child = """
        extends: base.yaml
        name: child
        teams:
          dev: {people: 6}        # merged: qa is inherited
        stages:                   # a list: replaced whole
          - {name: build, team: dev, work: 2d}
        deploy:
          rollback: {duration: 30m}   # nested key: automated (false) inherited
        """
        let childURL = dir.appendingPathComponent("child.yaml")
        try write(child, to: childURL)
        let s = try ScenarioLoader.load(path: childURL.path).scenario

        #expect(s.name == "child")
        #expect(s.description == "the base")
        #expect(s.horizon == 2400)
        #expect(s.seed == 5)
        #expect(s.teams.map(\.name) == ["dev", "qa"])
        #expect(s.teams.map(\.people) == [6, 2])
        #expect(s.stages.map(\.name) == ["build"])
        #expect(s.stages[0].work == constant(48))
        #expect(s.stages[0].wipLimit == nil)
        #expect(s.deploy.automated == false)
        #expect(s.deploy.duration == constant(2))
        #expect(s.deploy.rollback.automated == false)
        #expect(s.deploy.rollback.duration == constant(0.5))
    }

    @Test func chainsAndLoadFromString() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try write(Self.base, to: dir.appendingPathComponent("base.yaml"))
        // The middle file is in another directory: its extends is relative to itself.
        try write("extends: ../base.yaml\nseed: 9\nhorizon: 50d\n", to: sub.appendingPathComponent("middle.yaml"))
        let top = "extends: sub/middle.yaml\nname: top\nhorizon: 60d\n"
        let s = try ScenarioLoader.load(yaml: top, path: dir.appendingPathComponent("top.yaml").path).scenario
        #expect(s.name == "top")
        #expect(s.seed == 9)
        #expect(s.horizon == 60 * 24)
        #expect(s.stages.count == 2)
    }

    @Test func nullResetsAnInheritedKeyToItsDefault() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.base, to: dir.appendingPathComponent("base.yaml"))
        let s = try ScenarioLoader.load(yaml: "extends: base.yaml\ndeploy: null\n", path: dir.appendingPathComponent("c.yaml").path).scenario
        #expect(s.deploy.automated == true)
        #expect(s.deploy.duration == .zero)
    }

    @Test func nullRemovesAnInheritedMappingEntry() throws {
        // Teams merging away at a higher maturity level: `qa: null` drops the inherited team.
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(smallScenario, to: dir.appendingPathComponent("base.yaml"))
        let child = "extends: base.yaml\nteams: {dev: {people: 4}, qa: null}\nstages: [{name: develop, team: dev, work: 1d}]\n"
        let s = try ScenarioLoader.load(yaml: child, path: dir.appendingPathComponent("c.yaml").path).scenario
        #expect(s.teams.map(\.name) == ["dev"])
        #expect(s.teams[0].people == 4)
    }

    @Test func cycleIsAnErrorNamingTheChain() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml"), b = dir.appendingPathComponent("b.yaml")
        try write("extends: b.yaml\nname: a\n", to: a)
        try write("name: b\nextends: a.yaml\n", to: b)
        let errors = loadFileErrors(a.path)
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.file == b.path)
        #expect(error?.keyPath == "extends")
        #expect(error?.line == 2)
        #expect(error?.column == 10)
        #expect(error?.message == "extends cycle: \(a.path) → \(b.path) → \(a.path)")

        let me = dir.appendingPathComponent("self.yaml")
        try write("extends: self.yaml\n", to: me)
        let selfErrors = loadFileErrors(me.path)
        #expect(selfErrors.map(\.message) == ["extends cycle: \(me.path) → \(me.path)"])
    }

    @Test func missingBaseFile() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let child = dir.appendingPathComponent("child.yaml")
        try write("name: c\nextends: nowhere.yaml\n", to: child)
        let errors = loadFileErrors(child.path)
        #expect(errors.count == 1)
        #expect(errors.first?.file == child.path)
        #expect(errors.first?.keyPath == "extends")
        #expect(errors.first?.line == 2)
        #expect(errors.first?.message == "cannot read `nowhere.yaml` (\(dir.appendingPathComponent("nowhere.yaml").path)): no such file")
    }

    @Test func errorsPointIntoTheFileTheyComeFrom() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let basePath = dir.appendingPathComponent("base.yaml")
        try write(Self.base.replacingOccurrences(of: "wip_limit: 5", with: "wip_limit: 0"), to: basePath)
        let child = dir.appendingPathComponent("child.yaml")
        try write("extends: base.yaml\nname: child\nteams: {dev: {poeple: 3}}\n", to: child)
        let errors = loadFileErrors(child.path)
        #expect(errors.map(\.file) == [child.path, basePath.path])
        #expect(errors.map(\.keyPath) == ["teams.dev.poeple", "stages[0].wip_limit"])
        #expect(errors.map(\.line) == [3, 11])
        #expect(errors.first?.message == "unknown key `poeple`; did you mean `people`?")
    }

    @Test func syntaxErrorInBase() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let basePath = dir.appendingPathComponent("base.yaml")
        try write("name: b\nteams: [a, b\n", to: basePath)
        let errors = loadErrors("extends: base.yaml\n", path: dir.appendingPathComponent("c.yaml").path)
        #expect(errors.count == 1)
        #expect(errors.first?.file == basePath.path)
        #expect(errors.first?.line != nil)
        #expect(errors.first?.message.hasPrefix("YAML syntax error:") == true)
    }

    @Test func extendsMustBeAPath() {
        let errors = loadErrors("extends: [a.yaml]\n")
        #expect(errors.map(\.keyPath) == ["extends"])
        #expect(errors.first?.message == "must be the path of a scenario file (got a list)")
    }
}
