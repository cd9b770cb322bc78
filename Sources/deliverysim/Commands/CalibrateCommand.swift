import Analysis
import ArgumentParser
import Export
import Foundation
import ScenarioFile
import SimRandom

/// `deliverysim calibrate`: a scenario from an issue tracker's export.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Calibrate a scenario of the whole value stream from a tracker's status history, deployments and incidents.",
        discussion: """
        FILE is a status history — one row per change of status (Jira changelog, Azure DevOps \
        revisions, Linear, GitHub projects) or one row per item with a date-time column per status \
        (ActionableAgile) — or the older shape with created, started and done columns per item. \
        Columns are detected by name (and can be given); --workflow says which statuses are \
        queues, active work (by which team), blocked and done. Writes OUT/calibrated.yaml (a \
        runnable scenario: arrivals, classes, one stage per active status with its wait, work per \
        class, rework and blockers; the release cadence, deployment failures and restore times \
        from --deployments and --incidents) and OUT/calibration-values.csv (the values it \
        resamples). --check simulates it and prints it beside the data. Rows that cannot be used \
        are reported by line and left out.
        """
    )

    @Argument(help: "The tracker export (CSV with a header row).")
    var file: String

    @Option(help: "A deployment log (CSV: date-time, optionally result and changes).") var deployments: String?
    @Option(help: "An incident log (CSV: opened, restored, optionally the deployment).") var incidents: String?
    @Option(help: ArgumentHelp("Status meanings in workflow order: inline \"Backlog=queue,Development=active:dev,Blocked=blocked,Done=done\" or a YAML file (kinds: queue, active[:TEAM], blocked, done, ignore).", valueName: "spec"))
    var workflow: String?
    @Option(help: "Column of the item id (status history).") var idColumn: String?
    @Option(help: "Column of the item type (status history).") var typeColumn: String?
    @Option(help: "Column of the status entered (status history, one row per change).") var statusColumn: String?
    @Option(help: "Column of the status left (optional).") var fromColumn: String?
    @Option(help: "Column of the date-time of each change.") var timeColumn: String?
    @Option(help: "Column of the item's creation date-time (optional; with a from column it adds the first status).") var createdColumn: String?
    @Option(help: "The replication to read from a simulated export (files with scenario and replication columns).") var replication = 0
    @Flag(help: "Simulate the calibrated scenario and print it beside the data (a backtest).") var check = false
    @Flag(help: "Set a WIP limit where a stage's data shows a cap (held at its peak ≥ 10% of the time).") var wipLimits = false
    @Option(help: "Worker threads for --check.") var jobs: Int = ParallelReplications.defaultJobs

    @Option(help: "Per-item file: column of the creation time.") var created = "created"
    @Option(help: "Per-item file: column of the start of work.") var started = "started"
    @Option(help: "Per-item file: column of the end of work (done, in production).") var done = "done"
    @Option(help: "Per-item file: column of the item type (its class of service).") var type = "type"

    @Option(help: ArgumentHelp("Fit lognormal, gamma or weibull to the waits and times in progress instead of resampling them.", valueName: "family"))
    var fit: String?

    @Option(help: "Folder for calibrated.yaml and calibration-values.csv.")
    var out: String = "calibrated"

    @Flag(help: "Replace an existing output folder.")
    var force = false

    @Option(help: "The scenario's name.")
    var name: String = "calibrated"

    func validate() throws {
        if let fit, FitFamily(rawValue: fit) == nil { throw ValidationError("--fit must be lognormal, gamma or weibull (got \(fit))") }
        guard (0...100_000).contains(replication) else { throw ValidationError("--replication must be between 0 and 100000") }
        guard (1...1024).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 1024") }
    }

    /// True when FILE has the created/started/done columns and no status column: the per-item triple.
    func isTriple() -> Bool {
        guard statusColumn == nil, workflow == nil, let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let line = head.split(separator: 10, maxSplits: 1, omittingEmptySubsequences: false).first ?? Data()
        guard let text = String(data: line, encoding: .utf8), let table = try? CSVTable.parse(text, file: file) else { return false }
        return [created, started, done].allSatisfy { table.header.contains($0) }
    }

    func run() throws {
        if !isTriple() || check {  // --check: the per-item triple read as a wide history (created → started → done)
            try runStream()
            return
        }
        // The output folder is checked (and staged) before the file is read.
        let folder = try reportingExportFailures { try StagedFolder.begin(out, force: force) }
        defer { folder.abandon() }
        var columns = Calibration.Columns()
        columns.created = created
        columns.started = started
        columns.done = done
        columns.type = type
        let calibration: Calibration
        do {
            calibration = try Calibration.read(path: file, columns: columns)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        for line in Calibration.rejectionSummary(calibration.rejected, file: file) { printError(line) }
        let yaml = try calibration.scenarioYAML(name: name, valuesFile: "calibration-values.csv", fit: fit.flatMap(FitFamily.init(rawValue:)))
        _ = try commit(folder, yaml: yaml, values: calibration.valuesCSV())
        print("""
        calibrated from \(file): \(calibration.items.count) items, \(calibration.rejected.count) rows left out
          arrivals: \(fixed(calibration.arrivalRate * 24, 3)) a day (gaps: mean \(fixed(calibration.interarrivalMean, 2)) h, \
        coefficient of variation \(fixed(calibration.interarrivalCV, 2)); 1 for a Poisson stream)
          classes: \(calibration.classes.map { "\($0.name) \(fixed($0.share * 100, 1))%" }.joined(separator: ", "))
          time in progress per class: \(calibration.perClassSummary())
          peak items in progress: \(calibration.peakInProgress) (the calibrated team's size)
        wrote \(out)/calibrated.yaml and \(out)/calibration-values.csv; run it with: deliverysim run \(out)/calibrated.yaml
        """)
    }
}

extension CalibrateCommand {
    /// Writes the scenario and its values and commits the folder, if the scenario loads: a
    /// calibration that cannot be run is an error, not exit 0.
    func commit(_ folder: StagedFolder, yaml: String, values: String) throws -> LoadedScenario? {
        var loaded: LoadedScenario?
        try reportingExportFailures {
            try folder.write("calibration-values.csv", values)
            try folder.write("calibrated.yaml", yaml)
            do { loaded = try ScenarioLoader.load(path: folder.path(of: "calibrated.yaml")) } catch {
                throw ExportError("the calibrated scenario does not load, nothing was written:\n\(error)", refusal: true)
            }
            try folder.commit()
        }
        return loaded
    }

    /// The whole value stream from a status history (and the deployment and incident logs).
    func runStream() throws {
        let folder = try reportingExportFailures { try StagedFolder.begin(out, force: force) }
        defer { folder.abandon() }
        var given: [HistoryColumns.Role: String] = [:]
        given[.id] = idColumn
        given[.type] = typeColumn
        given[.status] = statusColumn
        given[.from] = fromColumn
        given[.time] = timeColumn
        given[.created] = createdColumn
        let stream: StreamCalibration
        var log: DeliveryLog?
        do {
            let steps = try workflow.map { try Workflow.parse($0) }
            let history = try StatusHistory.read(path: file, columns: HistoryColumns(given: given), replication: replication)
            print("read \(file) (\(history.shape.rawValue): \(history.shape == .long ? "one row per change" : "one row per item")): "
                  + "\(history.itemCount) items, \(history.transitions.count) status changes, \(history.rejected.count) rows left out")
            for line in history.mapping { print("  \(line)") }
            for line in Calibration.rejectionSummary(history.rejected, file: file) { printError(line) }
            let resolved = try Workflow.resolve(steps, for: history)
            print("workflow (\(resolved.given ? "from --workflow" : "guessed from the names; give --workflow to change it")):")
            for line in resolved.description { print("  \(line)") }
            stream = try StreamCalibration(history, workflow: resolved)
            if deployments != nil || incidents != nil {
                var l = DeliveryLog()
                if let deployments { try l.readDeployments(path: deployments, replication: replication) }
                if let incidents { try l.readIncidents(path: incidents, replication: replication) }
                for line in l.mapping { print("  \(line)") }
                for (f, lineNumber, reason) in l.rejected.prefix(5) { printError("\(f):\(lineNumber): left out: \(reason)") }
                if l.rejected.count > 5 { printError("… and \(l.rejected.count - 5) more rows left out") }
                log = l
            }
        } catch let error as CalibrationError {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let (yaml, values) = try stream.scenario(name: name, valuesFile: "calibration-values.csv", fit: fit.flatMap(FitFamily.init(rawValue:)),
                                                 log: log, wipLimits: wipLimits)
        let loaded = try commit(folder, yaml: yaml, values: values.csv())
        for line in yaml.split(separator: "\n").prefix(while: { $0.hasPrefix("#") }) { print(line.dropFirst(2)) }
        print("wrote \(out)/calibrated.yaml and \(out)/calibration-values.csv; run it with: deliverysim run \(out)/calibrated.yaml")
        if check, let scenario = loaded?.scenario {
            let backtest = try Backtest.run(scenario, data: stream, log: log, jobs: jobs)
            print("")
            print(backtest.text(), terminator: "")
        }
    }
}
