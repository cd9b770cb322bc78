import ArgumentParser
import Export

/// `deliverysim report DIR`: draws the HTML report of an export folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html into an export folder: headline and four keys, the value stream map and charts as SVG, the DORA classification, the tables and the scenarios.",
        discussion: """
        DIR is a folder written by run, compare, whatif or sweep with --out (or --export). The page is \
        self-contained (inline CSS and SVG, no script, no network) and drawn from the folder's \
        run.json, summary.csv, flow.csv, replications.csv, items.csv (if there) and scenario \
        copies; report.html is replaced atomically.
        """
    )

    @Argument(help: "The export folder.")
    var folder: String

    @Flag(name: .shortAndLong, help: "Do not say where the report was written.")
    var quiet = false

    func run() throws {
        let path = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard OwnFolder.exportFiles(path + "/run.json") != nil else {
            printError("error: \(path) is not an export folder of deliverysim (no run.json of its own); report writes only into one")
            throw ExitCode(2)
        }
        try reportingExportFailures {
            let html = HTMLReport.render(try ReportData.load(folder: path))
            try AtomicFile.write(html, to: path + "/" + HTMLReport.fileName)
        }
        if !quiet { print("wrote \(path)/\(HTMLReport.fileName)") }
    }
}
