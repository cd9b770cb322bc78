import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
import Yams
import TestSupport

/// Hostile input: thousands of mutated scenarios, each of which must either run (briefly, with
/// an event budget) or be refused with a clear error — never crash, abort in GSL, hang, or
/// produce NaN. `DELIVERYSIM_FUZZ_COUNT` sets the number of mutants (default 2 000).
///
/// Mutations start from the presets in `scenarios/`: delete a key, swap a value's type, put an
/// extreme, negative, NaN or infinite number in, nest deeply, add an unknown key, duplicate a
/// list element; and whole-file cases: bad UTF-8, a huge file, nesting past YAML's limit, garbage.
struct FuzzTests {
    static var count: Int { Int(ProcessInfo.processInfo.environment["DELIVERYSIM_FUZZ_COUNT"] ?? "") ?? 2000 }

    static let replacements = ["-1", "0", "1e308", "-1e308", ".nan", ".inf", "-.inf", "abc", "[]", "{}", "null", "true",
                               "99999999999999999999", "1e-320", "0.5", "2d", "-3h", "1:30", "'🙂'", "{exponential: {mean: -1}}",
                               "{lognormal: {mu: 299, sigma: 19}}", "{pareto: {shape: 0.1, scale: 1}}", "{empirical: {values: []}}",
                               "{uniform: {min: 5, max: 1}}", "[1, 2, 3]", "{constant: {value: .nan}}", "2147483648", "-0"]

    /// Outcome counts, for the note.
    struct Tally { var ran = 0, refused = 0, unstable = 0, budget = 0; var errorKinds: [String: Int] = [:] }

    @Test func mutatedPresetsRunOrFailClearly() throws {
        let presets = try FileManager.default.contentsOfDirectory(atPath: repositoryRootURL.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { repositoryRootURL.appendingPathComponent("scenarios").appendingPathComponent($0).path }
        let stream = RandomStream(seed: 2026, replication: 0, purpose: "fuzz")
        var tally = Tally()
        for i in 0..<Self.count {
            let path = presets[i % presets.count]
            let resolved = try ScenarioLoader.load(path: path).resolvedYAML
            guard var node = try Yams.compose(yaml: resolved) else { continue }
            for _ in 0...stream.index(below: 3) { node = mutate(node, stream) }
            let text = (try? Yams.serialize(node: node)) ?? resolved
            check(text, path: "mutant-\(i).yaml", &tally)
        }
        print("fuzz: \(Self.count) mutants — ran \(tally.ran), refused \(tally.refused), unstable \(tally.unstable), event budget \(tally.budget); errors by key: \(tally.errorKinds.sorted { $0.value > $1.value }.prefix(12))")
        #expect(tally.ran + tally.refused + tally.unstable + tally.budget == Self.count)
        #expect(tally.ran > 0 && tally.refused > 0)
    }

    @Test func hostileFilesAreRefusedClearly() throws {
        let dir = try TemporaryDirectory(prefix: "ScenarioFileTests").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, Data)] = [
            ("bad-utf8.yaml", Data([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a])),
            ("deep.yaml", Data(("name: x\nhorizon: 1d\ndemand: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)).utf8)),
            ("huge.yaml", Data((smallScenario + "\n" + (0..<200_000).map { "k\($0): \($0)" }.joined(separator: "\n")).utf8)),
            ("garbage.yaml", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })),
            ("empty.yaml", Data()),
            ("tabs.yaml", Data("name:\tx\n\t- a: [\n".utf8)),
        ]
        for (name, data) in cases {
            let url = dir.appendingPathComponent(name)
            try data.write(to: url)
            let errors = loadFileErrors(url.path)
            #expect(!errors.isEmpty, "\(name) loaded")
            #expect(errors.allSatisfy { !$0.message.isEmpty && $0.file == url.path }, "\(name): \(errors)")
        }
    }

    /// Loads `text`; if it loads and is stable, runs one short replication under an event budget.
    func check(_ text: String, path: String, _ tally: inout Tally) {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(yaml: text, path: path).scenario
        } catch let errors as ScenarioErrors {
            tally.refused += 1
            for e in errors.errors {
                #expect(!e.message.isEmpty && !e.description.contains("Fatal"), "unclear error: \(e)")
                tally.errorKinds[e.keyPath.split(separator: ".").first.map(String.init) ?? "(file)", default: 0] += 1
            }
            return
        } catch {
            Issue.record("\(path): unexpected error type \(type(of: error)): \(error)")
            return
        }
        if scenario.loadEstimates().contains(where: \.isUnstable) || !scenario.demand.arrivals.mean.isFinite || scenario.demand.arrivals.mean <= 0 {
            tally.unstable += 1
            return
        }
        var short = scenario
        short.horizon = min(scenario.horizon, 60 * 24)
        short.warmup = min(scenario.warmup, short.horizon / 2)
        do {
            let result = try ScenarioRunner.run(short, replication: 0, maxEvents: 300_000)
            for m in result.metrics {
                if let v = m.value { #expect(v.isFinite, "\(path): \(m.name) = \(v)") } else { #expect(m.reason != nil) }
            }
            tally.ran += 1
        } catch is ScenarioRunner.EventBudgetExceeded {
            tally.budget += 1
        } catch {
            Issue.record("\(path): run failed with \(error)")
        }
    }

    /// One random change somewhere in the tree.
    func mutate(_ node: Node, _ s: RandomStream) -> Node {
        switch node {
        case .mapping(var mapping):
            let pairs = Array(mapping)
            guard !pairs.isEmpty else { return Node(Self.replacements[s.index(below: Self.replacements.count)]) }
            let i = s.index(below: pairs.count)
            switch s.index(below: 10) {
            case 0: // delete the key
                var kept = pairs
                kept.remove(at: i)
                return .mapping(Node.Mapping(kept))
            case 1: // an unknown key
                mapping[Node("wip_limt\(s.index(below: 9))")] = Node("3")
                return .mapping(mapping)
            case 2: // nest deeply
                var deep = pairs[i].value
                for _ in 0..<(50 + s.index(below: 400)) { deep = .sequence(Node.Sequence([deep])) }
                var changed = pairs
                changed[i].value = deep
                return .mapping(Node.Mapping(changed))
            default: // recurse
                var changed = pairs
                changed[i].value = mutate(pairs[i].value, s)
                return .mapping(Node.Mapping(changed))
            }
        case .sequence(let sequence):
            var items = Array(sequence)
            guard !items.isEmpty else { return Node(Self.replacements[s.index(below: Self.replacements.count)]) }
            let i = s.index(below: items.count)
            switch s.index(below: 6) {
            case 0: items.remove(at: i)
            case 1: items.append(items[i])
            default: items[i] = mutate(items[i], s)
            }
            return .sequence(Node.Sequence(items))
        case .scalar, .alias:
            let replacement = Self.replacements[s.index(below: Self.replacements.count)]
            return (try? Yams.compose(yaml: replacement)) ?? Node(replacement)
        }
    }
}
