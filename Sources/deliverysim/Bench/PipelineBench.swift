import ArgumentParser
import DeliveryModel
import Foundation

/// `deliverysim bench pipeline`: the reference pipeline on one thread — work items/s, events/s
/// and, when valgrind is installed, instructions per item.
struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "The reference pipeline on one thread: items/s, events/s, instructions per item (valgrind).",
        discussion: """
            Without --scenario, the built-in reference pipeline (a 24/7 seven-person organization \
            using every area of the model). Instructions per item are counted by callgrind on a copy \
            of this executable without debug information, as the cost of replications \
            --valgrind-low ..< --valgrind-high; skipped (with a note) when valgrind or objcopy is missing.
            """
    )

    @Option(help: "A scenario file instead of the built-in reference pipeline.") var scenario: String?
    @Option(help: "Replications timed (one thread).") var replications = 300
    @Option(help: "Timed runs; the fastest is reported (the machine may be busy).") var runs = 3
    @Flag(help: "Do not count instructions with valgrind.") var noInstructions = false
    @Option(help: "Replications of the first callgrind run.") var valgrindLow = 2
    @Option(help: "Replications of the second callgrind run.") var valgrindHigh = 30
    @OptionGroup var record: BenchRecordOptions

    func validate() throws {
        guard (1...100_000).contains(replications) else { throw ValidationError("--replications must be between 1 and 100000") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be between 1 and 100") }
        guard valgrindLow >= 1, valgrindHigh > valgrindLow, valgrindHigh <= 10_000 else {
            throw ValidationError("--valgrind-low must be at least 1 and below --valgrind-high (at most 10000)")
        }
    }

    func run() throws {
        let saved = try record.savedRun()
        var figures = BenchRecord()
        for line in try PipelineBench.figures(scenarioPath: scenario, replications: replications, runs: runs,
                                              instructions: !noInstructions, low: valgrindLow, high: valgrindHigh, into: &figures) {
            print(line)
        }
        try record.finish(figures, saved: saved)
    }

    /// Times the pipeline (best of `runs`) and counts instructions; returns the lines to print
    /// and adds the figures (`pipeline.*`) to `record`.
    static func figures(scenarioPath: String?, replications: Int, runs: Int, instructions: Bool, low: Int, high: Int,
                        into record: inout BenchRecord) throws -> [String] {
        let scenario = try ReferencePipeline.load(scenarioPath)
        var best = Double.infinity, events = 0, items = 0
        for _ in 0..<runs {
            let (results, seconds) = try measure { try ScenarioRunner.run(scenario, replications: replications) }
            events = results.reduce(0) { $0 + $1.events }
            items = results.reduce(0) { $0 + $1.itemsArrived }
            best = min(best, seconds)
        }
        record.figures["pipeline.items_per_s"] = Double(items) / best
        record.figures["pipeline.events_per_s"] = Double(events) / best
        var lines = ["bench=pipeline model=\(scenario.name) replications=\(replications) items=\(items) events=\(events)"
                     + " events_per_item=\(fixed(Double(events) / Double(items), 2)) wall_s=\(fixed(best, 3))"
                     + " items_per_s=\(grouped(Double(items) / best)) events_per_s=\(grouped(Double(events) / best)) threads=1 (best of \(runs))"]
        guard instructions else { return lines }
        // callgrind runs `deliverysim run FILE`: the built-in scenario goes to a temporary file.
        var file = scenarioPath
        var temporary: String?
        if file == nil {
            let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("deliverysim-\(ReferencePipeline.name)-\(UUID().uuidString).yaml")
            try ReferencePipeline.yaml.write(toFile: path, atomically: true, encoding: .utf8)
            file = path
            temporary = path
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        switch InstructionCount.perItem(scenario: scenario, file: file!, low: low, high: high) {
        case .counted(let perItem, let total, let counted):
            record.figures["pipeline.instructions_per_item"] = perItem
            lines.append("bench=pipeline-instructions model=\(scenario.name) instructions_per_item=\(grouped(perItem))"
                         + " (callgrind: \(grouped(Double(total))) instructions for the \(counted) items of replications \(low)..<\(high))")
        case .skipped(let why):
            lines.append("bench=pipeline-instructions skipped: \(why)")
        }
        return lines
    }
}
