import Analysis
import ArgumentParser
import DeliveryModel
import Foundation
import ReferenceModels
import ScenarioFile

/// `deliverysim bench` (or `bench suite`): one line per figure.
///
/// kernel M/M/1; the model's events/s per preset on one thread; the reference pipeline (items/s,
/// events/s, instructions per item under valgrind when installed); `compare --levels all` wall
/// time at 30 replications with one worker and with all, and the speed-up; peak memory of a
/// 1-year and a 10-year run (measured in child processes, each reporting its own peak RSS).
/// `--save FILE` keeps the figures, `--compare FILE` prints each one's ratio to a saved run.
struct SuiteBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suite", abstract: "Run the whole benchmark suite.")

    @Option(help: "Where the presets are.") var scenariosDir = "scenarios"
    @Option(help: "Customers in the kernel's M/M/1 run.") var customers = 10_000_000
    @Flag(help: "Do not count the reference pipeline's instructions with valgrind.") var noInstructions = false
    @OptionGroup var record: BenchRecordOptions

    func run() throws {
        let saved = try record.savedRun()
        var figures = BenchRecord()
        // Kernel.
        let (mm1, seconds) = measure { MMcBenchmark.run(lambda: 0.9, mu: 1, servers: 1, customers: customers, seed: 1) }
        figures.figures["kernel.mm1.events_per_s"] = Double(mm1.events) / seconds
        line("kernel", "mm1 customers_per_s=\(grouped(Double(customers) / seconds)) events_per_s=\(grouped(Double(mm1.events) / seconds)) Wq=\(fixed(mm1.meanWait, 3)) (analytic 9)")

        // The model, per preset, one thread.
        let ladder = MaturityLevels.Ladder.all
        var variants: [Variant] = []
        for name in ladder.presets {
            let loaded = try loadScenarioFile(MaturityLevels.path(of: name, in: scenariosDir), overrides: [])
            variants.append(Variant(label: name, file: loaded.path, scenario: loaded.scenario, resolvedYAML: loaded.resolvedYAML))
            let (results, s) = try measure { try ScenarioRunner.run(loaded.scenario, replications: loaded.scenario.replications) }
            let events = results.reduce(0) { $0 + $1.events }, items = results.reduce(0) { $0 + $1.itemsArrived }
            figures.figures["model.\(name).items_per_s"] = Double(items) / s
            line("model", "\(name) replications=\(results.count) horizon_days=\(fixed(loaded.scenario.horizon / 24, 0)) events_per_s=\(grouped(Double(events) / s)) items_per_s=\(grouped(Double(items) / s)) wall_s=\(fixed(s, 3)) threads=1")
        }

        // The reference pipeline, one thread.
        for text in try PipelineBench.figures(scenarioPath: nil, replications: 300, runs: 3, instructions: !noInstructions,
                                              low: 2, high: 30, into: &figures) {
            print(text)
        }

        // compare --levels all: 30 replications, one worker vs all.
        let cores = ParallelReplications.defaultJobs
        // Best of three: the runs are short, and the machine may be busy with something else.
        var events = 0
        func best(jobs: Int) throws -> Double {
            try (0..<3).map { _ in
                let (run, seconds) = try measure { try Comparison.runKeepingResults(variants, replications: 30, seed: 1, jobs: jobs) }
                events = run.results.joined().reduce(0) { $0 + $1.events }
                return seconds
            }.min()!
        }
        let serial = try best(jobs: 1), parallel = try best(jobs: cores)
        line("compare", "--levels all replications=30 jobs=1 wall_s=\(fixed(serial, 3)) events_per_s=\(grouped(Double(events) / serial)) (best of 3)")
        figures.figures["compare.jobs1.wall_s"] = serial
        figures.figures["compare.jobs\(cores).wall_s"] = parallel
        figures.figures["compare.speedup"] = serial / parallel
        line("compare", "--levels all replications=30 jobs=\(cores) wall_s=\(fixed(parallel, 3)) events_per_s=\(grouped(Double(events) / parallel)) speedup=\(fixed(serial / parallel, 2)) (best of 3)")

        // Peak memory against the horizon, in fresh processes.
        var peaks: [Int: Int] = [:]
        for years in [1, 10] {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: selfExecutable())
            probe.arguments = ["bench", "memory", "--years", String(years), "--scenarios-dir", scenariosDir]
            let pipe = Pipe()
            probe.standardOutput = pipe
            try probe.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            probe.waitUntilExit()
            guard probe.terminationStatus == 0, let kb = Int(output.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
                line("memory", "years=\(years) probe failed")
                continue
            }
            peaks[years] = kb
            figures.figures["memory.\(years)y.rss_kb"] = Double(kb)
            line("memory", "cd-intermediate horizon_years=\(years) replications=1 peak_rss_kb=\(kb)")
        }
        if let one = peaks[1], let ten = peaks[10] {
            line("memory", "peak ratio 10y/1y=\(fixed(Double(ten) / Double(one), 3)) (streaming statistics: should stay near 1)")
        }
        try record.finish(figures, saved: saved)
    }

    func line(_ kind: String, _ text: String) { print("bench=\(kind) \(text)") }
}

/// `deliverysim bench memory --years N`: one replication of cd-intermediate over N years; prints
/// this process's peak resident set size (KB). Used by the suite in a fresh process.
struct MemoryProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "memory", abstract: "Peak memory of one long replication (for the suite).")

    @Option var years: Int = 1
    @Option var scenariosDir = "scenarios"

    func run() throws {
        var scenario = try loadScenario(MaturityLevels.path(of: "cd-intermediate", in: scenariosDir), overrides: [])
        scenario.horizon = Double(years) * 365 * 24
        _ = try ScenarioRunner.run(scenario, replication: 0)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak_rss_kb \(usage.ru_maxrss)")
    }
}
