import Analysis
import ArgumentParser
import DeliveryModel
import Export
import Foundation
import ScenarioFile

/// `deliverysim sweep`: a parameter sweep, on this machine, as one shard, or as a Slurm job array.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a parameter sweep (a grid or a Latin hypercube over key paths of a base scenario).",
        discussion: """
        Without --shard or --slurm, runs every (point, replication) on --jobs threads and writes the \
        export files (replications.csv, summary.csv, …, one scenario per point) plus points.csv to \
        --out. With --shard K/N, runs the K-th of N deterministic shares of the work and writes \
        shard-K-of-N.json to --out; `deliverysim merge` turns a complete set of shards into exactly \
        the files an unsharded run writes. With --slurm DIR, writes an sbatch job array (one task \
        per shard) and a merge job that waits for it, and prints the command that submits both.
        """
    )

    @Argument(help: "The sweep file (YAML).")
    var file: String

    @Option(help: ArgumentHelp("Run only shard K of N (1-based), writing a partial result.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Write Slurm job scripts into this folder instead of running.", valueName: "dir"))
    var slurm: String?

    @Option(help: "Shards (array tasks) for --slurm.") var shards: Int = 8
    @Option(help: "Slurm partition for --slurm.") var partition: String?
    @Option(help: "Slurm time limit per task for --slurm, e.g. 01:00:00.") var time: String?
    @Option(help: "Array tasks running at once for --slurm.") var concurrency: Int?
    @Option(help: "CPUs per array task for --slurm (each task runs that many threads).") var cpusPerTask: Int = 1

    @Option(help: "Output folder: the export (whole sweep) or where shard files go (--shard).")
    var out: String?

    @Flag(help: "Replace an existing output folder.") var force = false

    @Flag(help: "Also write report.html: each DORA key against the varied keys with 95% intervals, the value stream map, the tables.")
    var report = false

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var jobs: Int = ParallelReplications.defaultJobs

    @Option(help: ArgumentHelp("DORA report year for the classification: 2019, 2021, 2023, 2024 or 2025 (no clusters).", valueName: "year"))
    var dora: Int = DORAYear.newestWithClusters.rawValue

    @Option(help: "Stop a replication that handles more events than this.")
    var maxEvents: Int = 200_000_000

    @Flag(name: .shortAndLong, help: "No progress line and no notes.") var quiet = false

    @Flag(help: "Let the summary be as wide as it needs (by default it fits the terminal, or COLUMNS).") var wide = false

    func validate() throws {
        guard shards <= ShardFile.maxShards else { throw ValidationError("--shards is above the limit of \(ShardFile.maxShards)") }
        guard jobs >= 1, shards >= 1, maxEvents > 0 else { throw ValidationError("--jobs, --shards and --max-events must be positive") }
        if shard != nil && slurm != nil { throw ValidationError("give --shard or --slurm, not both") }
        if let shard, parseShard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N ≤ \(ShardFile.maxShards) (got \(shard))") }
        guard DORAYear(rawValue: dora) != nil else { throw ValidationError("--dora must be one of \(DORAYear.allCases.map { String($0.rawValue) }.joined(separator: ", ")) (got \(dora))") }
    }

    func run() throws {
        let plan = try loadPlan(file, jobs: jobs)
        if let slurm { return try writeSlurm(plan, into: slurm) }
        if let shard, let (k, n) = parseShard(shard) {
            let parts = out ?? "sweep-parts"
            try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
            let units = plan.units(shard: k, of: n)
            let progress = Console.progress("sweep \(k)/\(n)", quiet: quiet)
            let results = try reportingFailures { try plan.run(units: units, jobs: jobs, maxEvents: maxEvents) { progress.update(done: $0, total: $1) } }
            progress.finish()
            let shardFile = ShardFile(plan: plan, shard: k, of: n, results: Array(zip(units, results)).map { (unit: $0.0, result: $0.1) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let path = (parts as NSString).appendingPathComponent(ShardFile.fileName(shard: k, of: n))
            try AtomicFile.write(try encoder.encode(shardFile), to: path)
            if !quiet { printError("wrote \(path): \(units.count) of \(plan.unitCount) (point, replication) units") }
            return
        }
        // The output folder is checked (and staged) before any work.
        let target = out ?? Exporter.defaultFolder(name: "sweep-" + ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        let folder = try reportingExportFailures { try StagedFolder.begin(target, force: force) }
        defer { folder.abandon() }
        let progress = Console.progress("sweep", quiet: quiet)
        let year = DORAYear(rawValue: dora)!
        // Each point is summarized as soon as its replications are done, while others still run.
        let builder = ComparisonBuilder(variants: plan.variants, year: year)
        let all = try reportingFailures {
            try plan.run(units: Array(0..<plan.unitCount), jobs: jobs, maxEvents: maxEvents,
                         progress: { progress.update(done: $0, total: $1) }, pointDone: builder.scenarioDone)
        }
        progress.finish()
        let results = (0..<plan.scenarios.count).map { p in Array(all[(p * plan.replications)..<((p + 1) * plan.replications)]) }
        let comparison = try writeSweepExport(plan, results: results, into: folder, year: year, quiet: quiet, report: report,
                                              jobs: jobs, builder: builder)
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        print(SweepSummary(comparison, heading: "sweep \(name)").render(width: wide ? Int.max : Console.width, style: Console.style), terminator: "")
    }

    func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), (1...ShardFile.maxShards).contains(n), (1...n).contains(k) else { return nil }
        return (k, n)
    }

    func writeSlurm(_ plan: SweepPlan, into dir: String) throws {
        let logs = (dir.hasPrefix("/") ? dir : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dir))
        let parts = (logs as NSString).appendingPathComponent("parts")
        let output = out ?? (logs as NSString).appendingPathComponent("result")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let binary = FileManager.default.isExecutableFile(atPath: executable) ? executable : "deliverysim"
        let scripts = SlurmScripts(sweepFile: plan.file, shards: shards, parts: parts, out: output, logs: logs, executable: binary,
                                   options: .init(partition: partition, time: time, concurrency: concurrency, cpusPerTask: cpusPerTask))
        try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
        try AtomicFile.write(scripts.array, to: (logs as NSString).appendingPathComponent("sweep-array.sbatch"))
        try AtomicFile.write(scripts.merge, to: (logs as NSString).appendingPathComponent("sweep-merge.sbatch"))
        print(scripts.submit)
        if !quiet { printError("wrote \(logs)/sweep-array.sbatch (\(shards) array tasks over \(plan.unitCount) units) and sweep-merge.sbatch; submit with the lines above") }
    }
}

/// `deliverysim merge`: shards of a sweep → the files an unsharded run writes.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of a sweep into its export (byte-identical data files to an unsharded run)."
    )

    @Argument(help: "Folders holding shard-K-of-N.json files.") var dirs: [String]
    @Option(help: "Output folder for the merged export.") var out: String
    @Flag(help: "Replace an existing output folder.") var force = false
    @Option(help: ArgumentHelp("DORA report year: 2019, 2021, 2023, 2024 or 2025 (no clusters).", valueName: "year")) var dora: Int = DORAYear.newestWithClusters.rawValue
    @Flag(name: .shortAndLong, help: "No notes.") var quiet = false
    @Flag(help: "Also write report.html for the merged sweep.") var report = false

    func run() throws {
        let folder = try reportingExportFailures { try StagedFolder.begin(out, force: force) }
        defer { folder.abandon() }
        var shards: [ShardFile] = []
        for dir in dirs {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
            for name in names {
                let path = (dir as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path), let shard = try? JSONDecoder().decode(ShardFile.self, from: data) else {
                    printError("error: \(path) is not a shard file of this version of deliverysim")
                    throw ExitCode(2)
                }
                if let damage = shard.damage {
                    printError("error: cannot merge: \(path) \(damage)")
                    throw ExitCode(2)
                }
                shards.append(shard)
            }
        }
        guard let first = shards.first else {
            printError("error: cannot merge: no shard files found (shard-K-of-N.json) in \(dirs.joined(separator: ", "))")
            throw ExitCode(2)
        }
        // The plan is recomputed first: every shard's counts are checked against it before
        // anything is allocated by them.
        let plan = try loadPlan(first.sweepFile)
        for s in shards where s.sweep != plan.fingerprint || s.points != plan.scenarios.count || s.replications != plan.replications {
            printError("error: cannot merge: shard \(s.shard)/\(s.shards) (\(s.points) points × \(s.replications) replications) does not belong to the sweep \(first.sweepFile) as it is now (\(plan.scenarios.count) points × \(plan.replications) replications): the sweep file, its base scenario or deliverysim changed since the shards ran")
            throw ExitCode(2)
        }
        let merged: (sweep: String, results: [[ReplicationResult]])
        do { merged = try ShardFile.merge(shards) } catch {
            printError("error: cannot merge: \(error)")
            throw ExitCode(2)
        }
        try writeSweepExport(plan, results: merged.results, into: folder, year: DORAYear(rawValue: dora) ?? .newestWithClusters, quiet: quiet, report: report)
    }
}

/// Loads the sweep file and resolves its points on up to `jobs` threads.
func loadPlan(_ file: String, jobs: Int = ParallelReplications.defaultJobs) throws -> SweepPlan {
    let spec: SweepSpec
    do { spec = try SweepSpec.load(path: file) } catch {
        printError("\(error)")
        throw ExitCode(2)
    }
    return try reportingFailures { try SweepPlan(spec, file: file, version: DeliverySimVersion.current, jobs: jobs) }
}


/// The export of a whole sweep: the ordinary export files, one scenario per point, and points.csv.
/// The summaries are made on up to `jobs` threads, beside what `builder` made during the run.
@discardableResult
func writeSweepExport(_ plan: SweepPlan, results: [[ReplicationResult]], into folder: StagedFolder, year: DORAYear, quiet: Bool,
                      report: Bool = false, jobs: Int = ParallelReplications.defaultJobs, builder: ComparisonBuilder? = nil) throws -> Comparison {
    let comparison = Comparison(variants: plan.variants, results: results, seed: plan.seed, year: year, jobs: jobs, builder: builder)
    let run = ExportRun(command: "sweep", arguments: commandArguments, comparison: comparison, results: results,
                        itemsRecorded: false, version: DeliverySimVersion.current)
    try reportingExportFailures {
        let progress = Console.progress("export", quiet: quiet, delay: 0)
        defer { progress.finish() }
        try Exporter.write(run, into: folder, report: report, jobs: jobs) { progress.update(step: $0, of: $1, item: $2) }
        progress.finish()
        try folder.write("points.csv", plan.pointsCSV())
        try folder.commit()
    }
    if !quiet { printError("exported \(plan.scenarios.count) points × \(plan.replications) replications to \(folder.target)") }
    return comparison
}
