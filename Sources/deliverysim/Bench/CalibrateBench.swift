import ArgumentParser
import Export
import Foundation

/// `deliverysim bench calibrate --rows N`: generates a tracker export of N rows in a temporary
/// folder, times `deliverysim calibrate` on it in a child process and prints its wall time and
/// peak resident memory (the child's own, from `getrusage(RUSAGE_CHILDREN)`).
///
/// `--shape long` (the default): a status history, one row per status change
/// (`key,summary,issue type,status,changed`): items created in a Poisson stream pass
/// Backlog → Ready → Development → Review → Test → Done, a fifth of the reviews send the item
/// back to Development, some items are Blocked for a while; the last item is cut off (open). `--shape triple`: the per-item `key,summary,type,created,started,done` export. ISO 8601
/// times in UTC, a quoted summary with a comma.
struct CalibrateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Time `calibrate` on a generated tracker export (wall seconds and peak memory)."
    )

    @Option(help: "Rows of the generated export.") var rows: Int = 1_000_000
    @Option(help: "Distinct item types.") var types: Int = 4
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Write the export (and the calibration) in this folder and keep them, instead of a temporary folder.")
    var keep: String?
    @Flag(help: "Only write the export (to --keep, or print its temporary path) and do not calibrate.")
    var generateOnly = false
    @Option(help: "long (a status history, one row per change) or triple (created, started, done per item).")
    var shape = "long"

    func validate() throws {
        guard (10...10_000_000).contains(rows) else { throw ValidationError("--rows must be between 10 and 10000000") }
        guard (1...1_000_000).contains(types) else { throw ValidationError("--types must be between 1 and 1000000") }
        guard ["long", "triple"].contains(shape) else { throw ValidationError("--shape must be long or triple") }
    }

    func run() throws {
        let fm = FileManager.default
        let folder = keep ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("deliverysim-bench-calibrate-\(UUID().uuidString)")
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil, !generateOnly { try? fm.removeItem(atPath: folder) } }
        let csv = (folder as NSString).appendingPathComponent("tracker.csv")
        let (bytes, generating) = measure { shape == "long" ? TrackerExport.history(rows: rows, types: types, seed: seed)
                                                          : TrackerExport.generate(rows: rows, types: types, seed: seed) }
        try Data(bytes).write(to: URL(fileURLWithPath: csv))
        print("bench=calibrate generated shape=\(shape) rows=\(rows) types=\(types) bytes=\(bytes.count) seconds=\(fixed(generating, 2)) file=\(csv)")
        if generateOnly { return }

        let out = (folder as NSString).appendingPathComponent("out")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        child.arguments = ["calibrate", csv, "--out", out, "--force"]
        child.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        child.standardError = errors
        let ((), seconds) = try measure {
            try child.run()
            _ = errors.fileHandleForReading.readDataToEndOfFile()
            child.waitUntilExit()
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        guard child.terminationStatus == 0 else {
            print("bench=calibrate rows=\(rows) types=\(types) failed: exit \(child.terminationStatus)")
            throw ExitCode(1)
        }
        print("bench=calibrate shape=\(shape) rows=\(rows) types=\(types) wall_s=\(fixed(seconds, 2)) peak_rss_mb=\(fixed(Double(usage.ru_maxrss) / 1024, 0))"
              + " (target: 1000000 rows under 30 s and 1024 MB)")
    }
}

/// SplitMix64, uniform on (0, 1): the generators' own stream, independent of GSL.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
    }
}

/// A synthetic tracker export (deterministic for a seed).
enum TrackerExport {
    /// A status history of `rows` status changes (see ``CalibrateBench``).
    static func history(rows: Int, types: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        func uniform() -> Double { random.uniform() }
        func exponential(_ mean: Double) -> Double { -mean * Foundation.log(uniform()) }
        var out: [UInt8] = []
        out.reserveCapacity(rows * 80)
        out.append(contentsOf: Array("key,summary,issue type,status,changed\r\n".utf8))
        var created = 1_704_067_200.0  // 2024-01-01T00:00:00Z
        var written = 0, item = 0
        while written < rows {
            item += 1
            created += exponential(1_800)
            let type = types <= 4 ? ["feature", "bug", "chore", "incident"][Int(uniform() * Double(types))] : "type-\(Int(uniform() * Double(types)))"
            let prefix = Array("DS-\(item),\"Item \(item), generated\",\(type),".utf8)
            var t = created
            func row(_ status: String) {
                guard written < rows else { return }
                out.append(contentsOf: prefix)
                out.append(contentsOf: Array(status.utf8))
                out.append(44)
                iso(t, &out)
                out.append(13); out.append(10)
                written += 1
            }
            row("Backlog")
            t += exponential(86_400); row("Ready")
            t += exponential(3_600); row("Development")
            if uniform() < 0.15 { t += exponential(20_000); row("Blocked"); t += exponential(40_000); row("Development") }
            t += exponential(2 * 86_400); row("Review")
            if uniform() < 0.2 { t += exponential(7_200); row("Development"); t += exponential(40_000); row("Review") }
            t += exponential(10_800); row("Test")
            t += exponential(86_400); row("Done")
        }
        return out
    }

    static func generate(rows: Int, types: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        func uniform() -> Double { random.uniform() }
        func exponential(_ mean: Double) -> Double { -mean * Foundation.log(uniform()) }
        var out: [UInt8] = []
        out.reserveCapacity(rows * 110)
        out.append(contentsOf: Array("key,summary,type,created,started,done\r\n".utf8))
        var created = 1_704_067_200.0  // 2024-01-01T00:00:00Z
        for row in 1...rows {
            created += exponential(360)
            let started = created + exponential(86_400), done = started + exponential(3 * 86_400)
            let type = types <= 4 ? ["feature", "bug", "chore", "incident"][Int(uniform() * Double(types))] : "type-\(Int(uniform() * Double(types)))"
            out.append(contentsOf: Array("DS-\(row),\"Item \(row), generated\",\(type),".utf8))
            iso(created, &out); out.append(44)
            iso(started, &out); out.append(44)
            iso(done, &out); out.append(13); out.append(10)
        }
        return out
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` for seconds since 1970 (civil from days, proleptic Gregorian).
    static func iso(_ seconds: Double, _ out: inout [UInt8]) {
        let s = Int(seconds)
        let days = s / 86_400, second = s % 86_400
        let (year, month, day) = HistoryTables.civil(days: days)
        func digits(_ n: Int, _ width: Int) {
            var d = width, p = 1
            while d > 1 { p *= 10; d -= 1 }
            while p > 0 { out.append(UInt8(48 + (n / p) % 10)); p /= 10 }
        }
        digits(year, 4); out.append(45); digits(month, 2); out.append(45); digits(day, 2); out.append(84)
        digits(second / 3600, 2); out.append(58); digits(second / 60 % 60, 2); out.append(58); digits(second % 60, 2); out.append(90)
    }
}
