import DeliveryModel
import Foundation

/// Instructions per simulated work item, counted by valgrind's callgrind when it is installed.
///
/// valgrind 3.19 cannot read Swift's DWARF 5, so it runs on a copy of this executable without
/// debug information (`objcopy --strip-debug`). Two runs of `run FILE --jobs 1` with `low` and
/// `high` replications cancel the set-up, loading and printing: (I(high) − I(low)) divided by
/// the items that arrived in replications low ..< high (counted here, replications being
/// deterministic) is the model's own cost per item.
enum InstructionCount {
    /// Why no count was made (a tool is missing, valgrind failed), or the count.
    enum Outcome {
        case counted(perItem: Double, instructions: Int, items: Int)
        case skipped(String)
    }

    static func perItem(scenario: Scenario, file: String, low: Int, high: Int) -> Outcome {
        guard let valgrind = executable(named: "valgrind") else { return .skipped("valgrind is not installed") }
        guard let objcopy = executable(named: "objcopy") else { return .skipped("objcopy (binutils) is not installed") }
        let fm = FileManager.default
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("deliverysim-bench-callgrind-\(UUID().uuidString)")
        do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            return .skipped("cannot create a temporary folder: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(atPath: folder) }
        let stripped = (folder as NSString).appendingPathComponent("deliverysim")
        guard launch(objcopy, ["--strip-debug", selfExecutable(), stripped]) == 0 else { return .skipped("objcopy --strip-debug failed") }
        var counts: [Int] = []
        for n in [low, high] {
            let out = (folder as NSString).appendingPathComponent("callgrind.\(n)")
            let status = launch(valgrind, ["--tool=callgrind", "--callgrind-out-file=\(out)", stripped,
                                           "run", file, "--replications", String(n), "--jobs", "1", "--quiet", "--format", "json"])
            guard status == 0, let total = totalInstructions(in: out) else { return .skipped("valgrind exited with status \(status)") }
            counts.append(total)
        }
        var items = 0
        for r in low..<high { items += (try? ScenarioRunner.run(scenario, replication: r).itemsArrived) ?? 0 }
        guard items > 0 else { return .skipped("no items arrived") }
        let instructions = counts[1] - counts[0]
        return .counted(perItem: Double(instructions) / Double(items), instructions: instructions, items: items)
    }

    /// The `summary:` (or `totals:`) line of a callgrind output file.
    static func totalInstructions(in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("summary:") || line.hasPrefix("totals:") {
            if let value = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) { return value }
        }
        return nil
    }

    /// The path of `name` on PATH, or nil.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = (String(folder) as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `tool` with `arguments`, its output discarded; its exit status (−1 if it could not start).
    static func launch(_ tool: String, _ arguments: [String]) -> Int32 {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: tool)
        child.arguments = arguments
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        do { try child.run() } catch { return -1 }
        child.waitUntilExit()
        return child.terminationStatus
    }
}

/// This executable's path (`/proc/self/exe` where there is one: `argv[0]` may be a bare name).
func selfExecutable() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
}
