import Analysis
import Foundation

/// Writes an export folder: the CSV files, the scenario copies, the notebook, optionally the
/// HTML report, and `run.json`.
public enum Exporter {
    /// The data files of `run`, in the order written.
    public static func dataFiles(_ run: ExportRun) -> [String] {
        ["replications.csv", "summary.csv", "flow.csv"] + (run.itemsRecorded ? ["items.csv"] + historyFiles : [])
    }

    /// Called before each file is written with (step, total, file name), so a long export is
    /// never silent (a ``ProgressLine``).
    public typealias Progress = (Int, Int, String) -> Void
    /// The history files of a run with `--items`, in the shapes `calibrate` reads (``HistoryTables``).
    public static let historyFiles = ["status_history.csv", "status_wide.csv", "deployments.csv", "incidents.csv"]

    /// Writes every file of `run` into `folder` (not yet committed); returns the file names.
    /// `progress` hears of each file before it is written. The scenario copies, then the data
    /// files, are made and written on up to `jobs` threads (the files do not depend on it), so
    /// that one file's flush to disk does not wait for another's.
    @discardableResult
    public static func write(_ run: ExportRun, into folder: StagedFolder, report: Bool, jobs: Int = ParallelReplications.defaultJobs,
                             progress: Progress? = nil) throws -> [String] {
        let c = run.comparison
        let copies = ScenarioCopies.fileNames(c.entries.map(\.variant.label))
        let total = 1 + dataFiles(run).count + 2 + (report ? 1 : 0)
        var step = 0
        func next(_ name: String) {
            step += 1
            progress?(step, total, name)
        }
        next("scenario copies")
        let copied = try ParallelMap.map(c.entries.count, jobs: jobs) { i in
            Result { () throws -> Bool in
                guard let yaml = try ScenarioCopies.yaml(of: c.entries[i].variant, seed: c.seed, replications: c.replications) else { return false }
                try folder.write(copies[i], yaml)
                return true
            }
        }.map { try $0.get() }
        let files = dataFiles(run) + zip(copies, copied).filter(\.1).map(\.0) + [AnalysisNotebook.fileName] + (report ? [HTMLReport.fileName] : [])
        let texts: [(name: String, make: (ExportRun) -> String)] = [
            ("replications.csv", ExportTables.replications), ("summary.csv", ExportTables.summary), ("flow.csv", ExportTables.flow),
        ] + (run.itemsRecorded ? [
            ("items.csv", ExportTables.items), ("status_history.csv", HistoryTables.long), ("status_wide.csv", HistoryTables.wide),
            ("deployments.csv", HistoryTables.deployments), ("incidents.csv", HistoryTables.incidents),
        ] : []) + [
            (AnalysisNotebook.fileName, { _ in AnalysisNotebook.json() }), ("run.json", { RunManifest.json($0, copies: copies, files: files) }),
        ]
        // Each of up to `jobs` threads makes a file, writes it and takes the next: at most `jobs`
        // texts are held at once (with --items the tables can be large), and no thread waits for
        // another's file as a batch of `jobs` files would (the last file alone on one thread).
        // `progress` hears of the files as they are started, one call at a time.
        let progressLock = NSLock()
        let outcomes = ParallelMap.map(texts.count, jobs: jobs) { i in
            let file = texts[i]
            progressLock.withLock { next(file.name) }
            return Result { try folder.write(file.name, file.make(run)) }
        }
        for outcome in outcomes { try outcome.get() }
        if report {
            next(HTMLReport.fileName)
            try folder.write(HTMLReport.fileName, try HTMLReport.render(ReportData.load(folder: folder.staging)))
        }
        return files + ["run.json"]
    }

    /// Writes `run` into the folder `path` in one step: refused if it exists unless `force`.
    @discardableResult
    public static func export(_ run: ExportRun, to path: String, force: Bool, report: Bool) throws -> [String] {
        let folder = try StagedFolder.begin(path, force: force)
        do {
            let files = try write(run, into: folder, report: report)
            try folder.commit()
            return files
        } catch {
            folder.abandon()
            throw error
        }
    }

    /// The default output folder: `notebooks-out/<name>-<YYYY-MM-DD>` (today, local time),
    /// the name reduced to letters, digits, `.`, `_` and `-`.
    public static func defaultFolder(name: String, date: Date = Date(), base: String = "notebooks-out") -> String {
        let slug = ScenarioCopies.fileNames([name])[0].dropFirst("scenario-".count).dropLast(".yaml".count)
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { let s = String(n ?? 0); return s.count < 2 ? "0" + s : s }
        return "\(base)/\(slug)-\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }
}
