import ArgumentParser
import Export
import Foundation

/// A benchmark run's figures, saved with `--save FILE` and compared with `--compare FILE`.
///
/// JSON: `{"figures": {"pipeline.items_per_s": 412345.6, …}, "created": "…"}`, written
/// atomically. A figure's name says which way is better: names ending in `_per_s`, `speedup`
/// are better higher; `instructions_per_item`, `wall_s`, `ns_per_item`, `rss_kb` lower.
struct BenchRecord: Codable {
    var figures: [String: Double] = [:]
    var created: String = ISO8601DateFormatter().string(from: Date())

    /// Whether a higher value of figure `name` is better.
    static func higherIsBetter(_ name: String) -> Bool {
        name.hasSuffix("_per_s") || name.hasSuffix("speedup")
    }

    func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }

    static func load(_ path: String) throws -> BenchRecord {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw BenchFileError("\(path): cannot read the saved benchmark run (\(error.localizedDescription))")
        }
        do { return try JSONDecoder().decode(BenchRecord.self, from: data) } catch {
            throw BenchFileError("\(path): not a saved benchmark run (`deliverysim bench … --save FILE` writes one): \(error.localizedDescription)")
        }
    }

    /// One line per figure present in both runs: the saved value, this run's, their ratio
    /// (now / saved) and the improvement (the ratio turned so that above 1 is better).
    func comparisonLines(against saved: BenchRecord, savedPath: String) -> [String] {
        var lines: [String] = []
        for name in figures.keys.sorted() {
            guard let now = figures[name], let before = saved.figures[name], before != 0, now != 0 else { continue }
            let ratio = now / before
            let better = BenchRecord.higherIsBetter(name) ? ratio : 1 / ratio
            lines.append("bench=versus figure=\(name) saved=\(fixed(before, 3)) now=\(fixed(now, 3)) ratio=\(fixed(ratio, 3))"
                         + " improvement=\(fixed(better, 3))x (\(BenchRecord.higherIsBetter(name) ? "higher" : "lower") is better; saved \(saved.created) in \(savedPath))")
        }
        if lines.isEmpty { lines.append("bench=versus no figure in common with \(savedPath)") }
        return lines
    }
}

/// A saved benchmark file that cannot be read.
struct BenchFileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `--save FILE` and `--compare FILE`, shared by the benchmarks that record figures.
struct BenchRecordOptions: ParsableArguments {
    @Option(help: "Save this run's figures to FILE (JSON, written atomically) for a later --compare.")
    var save: String?

    @Option(help: "Print each figure's ratio against a run saved earlier with --save.")
    var compare: String?

    /// Reads the saved run first, so that a bad file is refused before anything is measured.
    func savedRun() throws -> BenchRecord? {
        guard let compare else { return nil }
        do { return try BenchRecord.load(compare) } catch let error as BenchFileError {
            printError("error: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// Prints the comparison and saves, as asked.
    func finish(_ record: BenchRecord, saved: BenchRecord?) throws {
        if let saved, let compare { record.comparisonLines(against: saved, savedPath: compare).forEach { print($0) } }
        if let save {
            do { try record.save(to: save) } catch {
                printError("error: cannot save the benchmark run: \(error)")
                throw ExitCode(1)
            }
            print("bench=saved file=\(save) figures=\(record.figures.count)")
        }
    }
}
