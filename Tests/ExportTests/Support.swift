import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import Testing

/// A small scenario for tests (60 days, a weekly release train): quick to run, and with every
/// kind of record — arrivals, stages, releases, deployments, incidents.
func scenarioYAML(name: String = "weekly", description: String = "a test scenario", replacing: [(String, String)] = []) -> String {
    var text = """
    name: \(name)
    description: \(description)
    horizon: 60d
    warmup: 10d
    replications: 4
    seed: 11
    calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}
    demand:
      arrivals: {exponential: {mean: 18h}}
      classes:
        feature: {share: 0.8}
        bug: {share: 0.2}
    teams:
      dev: {people: 5}
    stages:
      - name: develop
        team: dev
        work: {lognormal: {median: 1d, p90: 4d}}
        wip_limit: 6
        defect_probability: 0.2
      - name: review
        team: dev
        work: {gamma: {shape: 2, mean: 1h}}
        detection: 0.3
    tests:
      - {name: ci, at: develop, duration: 15m, detection: 0.5, flaky: 0.02}
    release:
      policy: {scheduled: {every: 7d}}
    deploy:
      automated: true
      duration: 10m
      failure_probability: 0.05
      rollback: {automated: true, duration: 5m}
    operations:
      incident_probability: 0.5
      detection: {exponential: {mean: 2h}}
      restore: rollback

    """
    for (old, new) in replacing {
        precondition(text.contains(old), "the test scenario has no `\(old)`")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Writes `text` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: url.appendingPathComponent(name).path, encoding: .utf8)
    }

    /// The names in the directory, hidden ones included, sorted.
    func list(_ sub: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : path + "/" + sub).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Three small scenarios written into `dir`: a weekly train (the baseline), continuous delivery,
/// and one whose name needs CSV quoting (comma, quotes, a line break).
func testVariants(in dir: TemporaryDirectory, third: String = "six, \\\"quoted\\\"\\nname") throws -> [Variant] {
    let a = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
    let b = try dir.write("b.yaml", scenarioYAML(name: "continuous", replacing: [("policy: {scheduled: {every: 7d}}", "policy: continuous")]))
    let c = try dir.write("c.yaml", scenarioYAML(name: "\"\(third)\"", replacing: [("dev: {people: 5}", "dev: {people: 6}")]))
    return try ScenarioSet.files([a, b, c])
}

/// Runs `variants` paired for an export (flow snapshots, items if asked) and wraps the result.
func exportRun(_ variants: [Variant], replications: Int = 3, seed: UInt64 = 7, jobs: Int = 2, items: Bool = true,
               timestamp: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> ExportRun {
    let (comparison, results) = try Comparison.runKeepingResults(variants, replications: replications, seed: seed, jobs: jobs,
                                                                 options: ExportRun.runOptions(items: items, maxEvents: 50_000_000))
    return ExportRun(command: "compare", arguments: ["deliverysim", "compare", "--jobs", String(jobs)], comparison: comparison,
                     results: results, itemsRecorded: items, timestamp: timestamp, version: "test")
}

/// The result of running a program.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` with `arguments` in `directory`, standard input empty, output captured.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], in directory: String? = nil,
                environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a full pipe cannot block it.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// The first executable called `name` on the PATH.
func which(_ name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The `deliverysim` executable built beside the tests.
func deliverysimPath() throws -> String {
    var candidates: [String] = []
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = runner.deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("deliverysim").path)
        dir = dir.deletingLastPathComponent()
    }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
    throw TestFailure("no deliverysim executable beside the test runner (looked at \(candidates))")
}

/// The repository's root (for `scenarios/`).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Whether `python3` can import `modules`; nil if it can, else why not.
func pythonMissing(_ modules: [String]) -> String? {
    guard let python = which("python3") else { return "python3 is not installed" }
    guard let result = try? runProcess(python, ["-c", "import " + modules.joined(separator: ", ")]) else { return "python3 does not run" }
    return result.status == 0 ? nil : "python3 cannot import \(modules.joined(separator: ", ")) (CI installs them)"
}

/// True on CI (`CI` set), where the optional tools must be there.
var onCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

/// A JSON value with every number kept as its text, to compare digits exactly (Foundation's
/// JSONSerialization may round the last digit of a Double on Linux).
indirect enum RawJSON: Equatable {
    case object([String: RawJSON]), array([RawJSON]), string(String), number(String), bool(Bool), null

    subscript(key: String) -> RawJSON? { if case .object(let o) = self { return o[key] }; return nil }
    var array: [RawJSON]? { if case .array(let a) = self { return a }; return nil }
    var string: String? { if case .string(let s) = self { return s }; return nil }
    var number: String? { if case .number(let n) = self { return n }; return nil }

    /// Parses `text` (the JSON this program writes: no surrogate pairs needed).
    static func parse(_ text: String) throws -> RawJSON {
        var p = Parser(scalars: Array(text.unicodeScalars))
        let value = try p.value()
        p.space()
        guard p.i == p.scalars.count else { throw TestFailure("trailing text in JSON at \(p.i)") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var i = 0

        mutating func space() { while i < scalars.count, " \n\r\t".unicodeScalars.contains(scalars[i]) { i += 1 } }

        mutating func expect(_ s: String) throws {
            for c in s.unicodeScalars {
                guard i < scalars.count, scalars[i] == c else { throw TestFailure("expected \(s) at \(i)") }
                i += 1
            }
        }

        mutating func value() throws -> RawJSON {
            space()
            guard i < scalars.count else { throw TestFailure("end of JSON") }
            switch scalars[i] {
            case "{":
                i += 1
                var out: [String: RawJSON] = [:]
                space()
                if scalars[i] == "}" { i += 1; return .object(out) }
                while true {
                    space()
                    guard case .string(let key) = try value() else { throw TestFailure("key expected at \(i)") }
                    space()
                    try expect(":")
                    out[key] = try value()
                    space()
                    if scalars[i] == "," { i += 1; continue }
                    try expect("}")
                    return .object(out)
                }
            case "[":
                i += 1
                var out: [RawJSON] = []
                space()
                if scalars[i] == "]" { i += 1; return .array(out) }
                while true {
                    out.append(try value())
                    space()
                    if scalars[i] == "," { i += 1; continue }
                    try expect("]")
                    return .array(out)
                }
            case "\"":
                i += 1
                var s = String.UnicodeScalarView()
                while scalars[i] != "\"" {
                    if scalars[i] == "\\" {
                        i += 1
                        switch scalars[i] {
                        case "n": s.append("\n")
                        case "r": s.append("\r")
                        case "t": s.append("\t")
                        case "u":
                            let hex = String(String.UnicodeScalarView(scalars[(i + 1)...(i + 4)]))
                            s.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                            i += 4
                        default: s.append(scalars[i])
                        }
                    } else {
                        s.append(scalars[i])
                    }
                    i += 1
                }
                i += 1
                return .string(String(s))
            case "t": try expect("true"); return .bool(true)
            case "f": try expect("false"); return .bool(false)
            case "n": try expect("null"); return .null
            default:
                let start = i
                while i < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[i]) { i += 1 }
                guard i > start else { throw TestFailure("unexpected \(scalars[i]) at \(i)") }
                return .number(String(String.UnicodeScalarView(scalars[start..<i])))
            }
        }
    }
}
