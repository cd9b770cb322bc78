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
    /// `progress` hears of each file before it is written.
    @discardableResult
    public static func write(_ run: ExportRun, into folder: StagedFolder, report: Bool, progress: Progress? = nil) throws -> [String] {
        let c = run.comparison
        let copies = ScenarioCopies.fileNames(c.entries.map(\.variant.label))
        let total = 1 + dataFiles(run).count + 2 + (report ? 1 : 0)
        var step = 0
        func next(_ name: String) {
            step += 1
            progress?(step, total, name)
        }
        next("scenario copies")
        for (entry, name) in zip(c.entries, copies) {
            if let yaml = try ScenarioCopies.yaml(of: entry.variant, seed: c.seed, replications: c.replications) {
                try folder.write(name, yaml)
            }
        }
        var files = copies.filter { FileManager.default.fileExists(atPath: folder.path(of: $0)) }
        next("replications.csv")
        try folder.write("replications.csv", ExportTables.replications(run))
        next("summary.csv")
        try folder.write("summary.csv", ExportTables.summary(run))
        next("flow.csv")
        try folder.write("flow.csv", ExportTables.flow(run))
        if run.itemsRecorded {
            next("items.csv")
            try folder.write("items.csv", ExportTables.items(run))
            next("status_history.csv")
            try folder.write("status_history.csv", HistoryTables.long(run))
            next("status_wide.csv")
            try folder.write("status_wide.csv", HistoryTables.wide(run))
            next("deployments.csv")
            try folder.write("deployments.csv", HistoryTables.deployments(run))
            next("incidents.csv")
            try folder.write("incidents.csv", HistoryTables.incidents(run))
        }
        next(AnalysisNotebook.fileName)
        try folder.write(AnalysisNotebook.fileName, AnalysisNotebook.json())
        files = dataFiles(run) + files + [AnalysisNotebook.fileName] + (report ? [HTMLReport.fileName] : [])
        next("run.json")
        try folder.write("run.json", RunManifest.json(run, copies: copies, files: files))
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
