import Analysis
import ArgumentParser
import DeliveryModel
import Export
import Foundation

/// Options of the commands that export their results (`run`, `compare`, `whatif`): the folder,
/// what goes into it, and whether an existing one may be replaced.
struct ExportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Export the results into this folder: tidy CSV files, the resolved scenarios, run.json and analysis.ipynb (see notebooks-out/README.md).", valueName: "dir"))
    var out: String?

    @Flag(help: "Export into notebooks-out/<name>-<YYYY-MM-DD>/ (the same as --out with that folder).")
    var export = false

    @Flag(help: "Replace the output folder if it exists (without it, an existing folder is refused before anything runs).")
    var force = false

    @Flag(help: "Also write items.csv: one row per change that reached production (lead-time distributions).")
    var items = false

    @Flag(help: "Also write report.html: the charts and tables as one self-contained page.")
    var report = false

    func validate() throws {
        if out != nil && export { throw ValidationError("give --out DIR or --export, not both") }
        if out == nil && !export {
            for (flag, given) in [("--force", force), ("--items", items), ("--report", report)] where given {
                throw ValidationError("\(flag) needs --out DIR or --export")
            }
        }
    }

    /// The output folder, if the results are exported (`defaultName` names the default one).
    func folder(defaultName: String) -> String? {
        if let out { return out }
        return export ? Exporter.defaultFolder(name: defaultName) : nil
    }

    /// What the replications record: daily flow snapshots and, with `--items`, every change.
    func runOptions(maxEvents: Int, exporting: Bool) -> RunOptions {
        exporting ? ExportRun.runOptions(items: items, maxEvents: maxEvents) : RunOptions(maxEvents: maxEvents)
    }

    /// Refuses an existing folder (unless --force) and starts the staging folder, before the run.
    func begin(defaultName: String) throws -> StagedFolder? {
        guard let path = folder(defaultName: defaultName) else { return nil }
        return try reportingExportFailures { try StagedFolder.begin(path, force: force) }
    }

    /// Runs `body`; if an interruption (the first Ctrl-C or SIGTERM) stops it early, saves the
    /// replications every scenario completed — at least two — into `folder` with `run.json`
    /// saying `complete: false`, and exits 128 + the signal (130, 143 for SIGTERM). Without an export folder, or with fewer than two
    /// replications done, it only exits so. A stop that comes when every replication has started still exits so.
    ///
    /// `completed` prints the table of what was completed (the replications every scenario
    /// finished, at least two), before the exit.
    /// An interrupted run's export is written on `jobs` threads, as ``finish(_:into:quiet:jobs:)``.
    func savingInterrupted<T>(command: String, into folder: StagedFolder?, quiet: Bool, jobs: Int, completed: ((Comparison) -> Void)? = nil,
                              _ body: () throws -> T) throws -> T {
        if folder != nil || completed != nil {
            InterruptCleanup.installHandlers()
            InterruptCleanup.stopGracefully()
        }
        do {
            let result = try body()
            // An interruption while the results are written removes the folder and exits at
            // once; one that came as the last replications finished (all of them done, the
            // request unseen) is still an interruption: nothing is saved, exit 128 + signal.
            InterruptCleanup.stopAtOnce()
            if StopRequest.shared.isRequested {
                folder?.abandon()
                printError("interrupted: every replication had started; nothing was saved")
                throw ExitCode(128 + (StopRequest.shared.signal ?? SIGINT))
            }
            return result
        } catch let stopped as ComparisonInterrupted {
            InterruptCleanup.stopAtOnce()
            if let comparison = stopped.comparison, let completed {
                completed(comparison)
                printError("interrupted: the table shows the \(stopped.completed) of \(stopped.requested) replications every scenario completed")
            }
            if let folder, let comparison = stopped.comparison {
                var run = ExportRun(command: command, arguments: commandArguments, comparison: comparison, results: stopped.results,
                                    itemsRecorded: items, version: DeliverySimVersion.current)
                run.interruptedOf = stopped.requested
                try finish(run, into: folder, quiet: quiet, jobs: jobs)
                printError("interrupted: saved the \(stopped.completed) of \(stopped.requested) replications every scenario completed; run.json says complete: false")
            } else if folder != nil || stopped.comparison == nil {
                folder?.abandon()
                printError("interrupted: \(stopped.completed) replications completed, too few to \(folder == nil ? "show" : "save")")
            }
            throw ExitCode(128 + (StopRequest.shared.signal ?? SIGINT))
        }
    }

    /// Writes `run` into `folder` on `jobs` threads (the command's `--jobs`) and renames it into
    /// place; says where on standard error.
    func finish(_ run: ExportRun, into folder: StagedFolder, quiet: Bool, jobs: Int) throws {
        try reportingExportFailures {
            let progress = Console.progress("export", quiet: quiet, delay: 0)
            defer { progress.finish() }
            let files = try Exporter.write(run, into: folder, report: report, jobs: jobs) { progress.update(step: $0, of: $1, item: $2) }
            progress.finish()
            try folder.commit()
            if !quiet { printError("exported to \(folder.target)/: \(files.joined(separator: ", "))") }
        }
    }
}

/// The command line as given, the program as `deliverysim`, for `run.json`.
var commandArguments: [String] {
    ["deliverysim"] + CommandLine.arguments.dropFirst()
}

/// Runs `body`, turning an ``ExportError`` into its message on standard error and exit code 1.
func reportingExportFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExportError {
        printError("error: \(error)")
        throw ExitCode(error.isRefusal ? 2 : 1)
    }
}
