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
        abstract: "Calibrate a scenario from an issue-tracker export (created, started, done, type per item).",
        discussion: """
        Writes OUT/calibrated.yaml (a runnable scenario: the arrival process, the class mix, the \
        wait before work starts and the time in progress) and OUT/calibration-values.csv (the \
        per-item values it resamples), and prints what it fitted. Rows that cannot be used are \
        reported by line and left out.
        """
    )

    @Argument(help: "The tracker export (CSV with a header row).")
    var file: String

    @Option(help: "Column of the creation time.") var created = "created"
    @Option(help: "Column of the start of work.") var started = "started"
    @Option(help: "Column of the end of work (done, in production).") var done = "done"
    @Option(help: "Column of the item type (its class of service).") var type = "type"

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
    }

    func run() throws {
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
        try reportingExportFailures {
            try folder.write("calibration-values.csv", calibration.valuesCSV())
            try folder.write("calibrated.yaml", yaml)
            // What is written must load: a calibration that cannot be run is an error, not exit 0.
            do { _ = try ScenarioLoader.load(path: folder.path(of: "calibrated.yaml")) } catch {
                throw ExportError("the calibrated scenario does not load, nothing was written:\n\(error)", refusal: true)
            }
            try folder.commit()
        }
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
