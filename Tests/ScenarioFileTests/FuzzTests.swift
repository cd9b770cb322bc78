import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Testing
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
        // Every preset as a tree, checked first: written back as text it loads to the same
        // scenario, so the mutants below start from what the preset says.
        var trees: [String: FuzzTree] = [:]
        for path in presets {
            let loaded = try ScenarioLoader.load(path: path)
            let tree = try FuzzTree.parseBlock(loaded.resolvedYAML)
            let again = try ScenarioLoader.load(yaml: tree.text, path: path)
            // The same text but for quotes (a plain string the test writes quoted stays quoted).
            func unquoted(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "") }
            #expect(sameScenario(again.scenario, loaded.scenario) && unquoted(again.resolvedYAML) == unquoted(loaded.resolvedYAML),
                    "\(path) does not survive the test's YAML round trip")
            trees[path] = tree
        }
        let stream = RandomStream(seed: 2026, replication: 0, purpose: "fuzz")
        var tally = Tally()
        var unchanged = 0
        var texts = Set<String>()
        for i in 0..<Self.count {
            let path = presets[i % presets.count]
            let original = try #require(trees[path])
            var node = original
            for _ in 0...stream.index(below: 3) { node = mutate(node, stream) }
            if node == original { unchanged += 1 }
            let text = node.text
            texts.insert(text)
            check(text, path: "mutant-\(i).yaml", &tally)
        }
        print("fuzz: \(Self.count) mutants (\(texts.count) distinct, \(unchanged) unchanged) — ran \(tally.ran), refused \(tally.refused), unstable \(tally.unstable), event budget \(tally.budget); errors by key: \(tally.errorKinds.sorted { $0.value > $1.value }.prefix(12))")
        // The mutants are mutants, and they reach every outcome and many parts of a scenario.
        #expect(unchanged * 20 < Self.count, "\(unchanged) of \(Self.count) mutants are their preset unchanged")
        #expect(texts.count * 10 > Self.count * 9, "only \(texts.count) distinct mutants of \(Self.count)")
        #expect(tally.ran > 0 && tally.refused > 0 && tally.unstable + tally.budget > 0, "\(tally)")
        #expect(tally.errorKinds.count >= 8, "refusals name only \(tally.errorKinds.keys.sorted())")
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
        if scenario.loadEstimates().contains(where: \.isUnstable) || scenario.flowLimits().contains(where: \.isUnstable)
            || !scenario.demand.arrivalRate.isFinite {
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
    func mutate(_ node: FuzzTree, _ s: RandomStream) -> FuzzTree {
        switch node {
        case .mapping(let pairs):
            guard !pairs.isEmpty else { return .scalar(Self.replacements[s.index(below: Self.replacements.count)]) }
            let i = s.index(below: pairs.count)
            switch s.index(below: 10) {
            case 0: // delete the key
                var kept = pairs
                kept.remove(at: i)
                return .mapping(kept)
            case 1: // an unknown key
                let key = "wip_limt\(s.index(below: 9))"
                return .mapping(pairs.filter { $0.key != key } + [(key, .scalar("3"))])
            case 2: // nest deeply
                var deep = pairs[i].value
                for _ in 0..<(50 + s.index(below: 400)) { deep = .sequence([deep]) }
                var changed = pairs
                changed[i].value = deep
                return .mapping(changed)
            default: // recurse
                var changed = pairs
                changed[i].value = mutate(pairs[i].value, s)
                return .mapping(changed)
            }
        case .sequence(var items):
            guard !items.isEmpty else { return .scalar(Self.replacements[s.index(below: Self.replacements.count)]) }
            let i = s.index(below: items.count)
            switch s.index(below: 6) {
            case 0: items.remove(at: i)
            case 1: items.append(items[i])
            default: items[i] = mutate(items[i], s)
            }
            return .sequence(items)
        case .scalar:
            return .scalar(Self.replacements[s.index(below: Self.replacements.count)])
        }
    }
}

/// The YAML the scenario loader writes back (`resolvedYAML`: block mappings and sequences
/// indented by two, flow collections, plain and quoted scalars), as a tree the fuzz test can
/// change and write out again as text — flow style throughout, scalars as they were written.
/// Only for that: it is not a YAML parser.
indirect enum FuzzTree: Equatable {
    case scalar(String)  // as written: quotes included
    case mapping([(key: String, value: FuzzTree)])
    case sequence([FuzzTree])

    static func == (a: FuzzTree, b: FuzzTree) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return x == y
        case let (.sequence(x), .sequence(y)): return x == y
        case let (.mapping(x), .mapping(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value as flow-style YAML text.
    var text: String {
        switch self {
        case .scalar(let raw):
            guard !raw.hasPrefix("\""), !raw.hasPrefix("'"), raw.contains(where: { ",[]{}#".contains($0) }) || raw.contains(": ") else { return raw }
            return "\"" + raw.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value.text)" }.joined(separator: ", ") + "}"
        case .sequence(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }

    /// Parses block-style `text` (comments and blank lines skipped).
    static func parseBlock(_ text: String) throws -> FuzzTree {
        let lines = text.split(separator: "\n").map(String.init).filter {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("#")
        }
        var i = 0
        let value = try block(lines, &i, indent: 0)
        guard i == lines.count else { throw TestFailure("unparsed YAML from line `\(lines[i])`") }
        return value
    }

    private static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    private static func block(_ lines: [String], _ i: inout Int, indent: Int) throws -> FuzzTree {
        if lines[i].dropFirst(indent).hasPrefix("- ") {
            var items: [FuzzTree] = []
            var copy = lines
            while i < copy.count, indentation(copy[i]) == indent, copy[i].dropFirst(indent).hasPrefix("- ") {
                let rest = String(copy[i].dropFirst(indent + 2))
                if splitKey(rest) != nil {
                    // `- key: value` opens a mapping indented by two more.
                    copy[i] = String(repeating: " ", count: indent + 2) + rest
                    items.append(try block(copy, &i, indent: indent + 2))
                } else {
                    items.append(try flow(rest))
                    i += 1
                }
            }
            return .sequence(items)
        }
        var pairs: [(key: String, value: FuzzTree)] = []
        while i < lines.count, indentation(lines[i]) == indent, !lines[i].dropFirst(indent).hasPrefix("- ") {
            guard let (key, rest) = splitKey(String(lines[i].dropFirst(indent))) else { throw TestFailure("no key in `\(lines[i])`") }
            i += 1
            if rest.isEmpty {
                guard i < lines.count else { throw TestFailure("`\(key):` without a value at the end") }
                let next = indentation(lines[i])
                guard next > indent || (next == indent && lines[i].dropFirst(indent).hasPrefix("- ")) else {
                    pairs.append((key, .scalar("null")))
                    continue
                }
                pairs.append((key, try block(lines, &i, indent: next)))
            } else {
                pairs.append((key, try flow(rest)))
            }
        }
        return .mapping(pairs)
    }

    /// `key: rest` (a plain key), or nil.
    private static func splitKey(_ line: String) -> (String, String)? {
        guard let first = line.first, first != "\"", first != "'", first != "{", first != "[" else { return nil }
        if let r = line.range(of: ": ") {
            return (String(line[..<r.lowerBound]), String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces))
        }
        return line.hasSuffix(":") ? (String(line.dropLast()), "") : nil
    }

    /// A flow collection or a scalar, the whole of `text`.
    private static func flow(_ text: String) throws -> FuzzTree {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        var i = 0
        let value = try flowValue(chars, &i, inFlow: false)
        guard i == chars.count else { throw TestFailure("unparsed flow YAML `\(text)` at \(i)") }
        return value
    }

    private static func flowValue(_ c: [Character], _ i: inout Int, inFlow: Bool) throws -> FuzzTree {
        func space() { while i < c.count, c[i] == " " { i += 1 } }
        space()
        guard i < c.count else { return .scalar("null") }
        switch c[i] {
        case "{", "[":
            let mapping = c[i] == "{"
            let close: Character = mapping ? "}" : "]"
            i += 1
            var pairs: [(key: String, value: FuzzTree)] = []
            var items: [FuzzTree] = []
            space()
            while i < c.count, c[i] != close {
                if mapping {
                    guard case .scalar(let key) = try flowValue(c, &i, inFlow: true), i < c.count, c[i] == ":" else {
                        throw TestFailure("no key in flow YAML `\(String(c))`")
                    }
                    i += 1
                    pairs.append((key, try flowValue(c, &i, inFlow: true)))
                } else {
                    items.append(try flowValue(c, &i, inFlow: true))
                }
                space()
                if i < c.count, c[i] == "," { i += 1; space() }
            }
            guard i < c.count else { throw TestFailure("unclosed flow YAML `\(String(c))`") }
            i += 1
            space()
            return mapping ? .mapping(pairs) : .sequence(items)
        case "\"", "'":
            let quote = c[i]
            let start = i
            i += 1
            while i < c.count, c[i] != quote {
                if quote == "\"" && c[i] == "\\" { i += 1 }
                i += 1
            }
            i += 1
            let raw = String(c[start..<min(i, c.count)])
            space()
            return .scalar(raw)
        default:
            let start = i
            while i < c.count {
                if inFlow && (",]}".contains(c[i]) || (c[i] == ":" && (i + 1 == c.count || c[i + 1] == " "))) { break }
                i += 1
            }
            return .scalar(String(c[start..<i]).trimmingCharacters(in: .whitespaces))
        }
    }
}
