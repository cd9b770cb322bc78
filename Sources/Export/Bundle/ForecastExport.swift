import Analysis
import Foundation

/// The folder of `forecast --out`: `forecast.csv` (one row per scenario and replication),
/// `forecast.json` (what the command prints with `--format json`), `forecast.ipynb`, the
/// resolved scenarios, `report.html` with `--report`, and a `run.json` marker listing them (so
/// that `--force` recognises the folder as deliverysim's).
public enum ForecastExport {
    /// Writes the files into `folder` (not yet committed); returns their names.
    public static func write(_ report: ForecastReport, variants: [Variant], into folder: StagedFolder, report withReport: Bool,
                             arguments: [String], version: String) throws(ExportError) -> [String] {
        var files = ["forecast.csv", "forecast.json", ForecastNotebook.fileName]
        try folder.write("forecast.csv", report.csv)
        try folder.write("forecast.json", report.json)
        try folder.write(ForecastNotebook.fileName, ForecastNotebook.json())
        let names = ScenarioCopies.fileNames(variants.map(\.label))
        var scenarios: [JSONText.Value] = []
        var copies: [String] = []
        for (variant, name) in zip(variants, names) {
            let yaml: String?
            do { yaml = try ScenarioCopies.yaml(of: variant, seed: report.seed, replications: max(2, min(report.replications, 100_000))) } catch {
                throw ExportError("cannot write the copy of \(variant.label): \(error)")
            }
            guard let yaml else { continue }
            try folder.write(name, yaml)
            copies.append(name)
            scenarios.append(.object([("label", .string(variant.label)), ("yaml", .string(name))]))
        }
        if withReport {
            try folder.write("report.html", ForecastSection.page(report, commandLine: ShellText.line(arguments), version: version))
            files.append("report.html")
        }
        let manifest: JSONText.Value = .object([
            ("format", .string(OwnFolder.exportFormat)),
            ("command", .string("forecast")),
            ("arguments", .array(arguments.map { .string($0) })),
            ("version", .string(version)),
            ("scenarios", .array(scenarios)),
            ("files", .array(files.map { .string($0) })),
        ])
        try folder.write("run.json", JSONText.render(manifest) + "\n")
        return files + copies + ["run.json"]
    }
}
