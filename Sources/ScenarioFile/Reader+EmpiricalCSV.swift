import DeliveryModel
import Foundation
import SimRandom

extension Reader {
    static let empiricalCSVKeys = ["csv", "column", "unit", "fit"]

    /// `{empirical: {csv: path.csv, column: NAME, unit: d, fit: lognormal}}`: the observed values
    /// of a column of a CSV file (path relative to the scenario file), resampled, or with `fit`
    /// the maximum-likelihood fit of that family (its parameters become a note). Rows whose value
    /// is not a number are reported together, by line.
    func empiricalFromCSV(_ entry: YEntry, _ parameters: [YEntry], _ path: String, isDuration: Bool) -> BuiltDistribution? {
        var valid = true
        var fields: [String: YEntry] = [:]
        for p in parameters {
            guard Reader.empiricalCSVKeys.contains(p.key) else {
                fail(p.keyOrigin, Reader.join(path, p.key), Suggestion.message(
                    "unknown parameter `\(p.key)` of an empirical distribution from CSV", for: p.key, among: Reader.empiricalCSVKeys,
                    listing: "takes csv, column, unit, fit"))
                valid = false
                continue
            }
            fields[p.key] = p
        }
        guard let csvEntry = fields["csv"], let csvName = string(csvEntry.value, Reader.join(path, "csv")) else { return nil }
        guard let columnEntry = fields["column"] else {
            fail(entry.keyOrigin, Reader.join(path, "column"), "names the CSV column to read (required with `csv`)")
            return nil
        }
        guard let columnName = string(columnEntry.value, Reader.join(path, "column")) else { return nil }
        var scale = 1.0
        if let unitEntry = fields["unit"], let unit = string(unitEntry.value, Reader.join(path, "unit")) {
            guard isDuration else {
                fail(unitEntry.value.origin, Reader.join(path, "unit"), "a probability has no unit")
                return nil
            }
            guard let hours = durationText("1" + unit, unitEntry.value, Reader.join(path, "unit")) else { return nil }
            scale = hours
        }
        var family: FitFamily?
        if let fitEntry = fields["fit"], let name = string(fitEntry.value, Reader.join(path, "fit")) {
            guard let f = FitFamily(rawValue: name) else {
                fail(fitEntry.value.origin, Reader.join(path, "fit"), Suggestion.message(
                    "cannot fit `\(name)`", for: name, among: FitFamily.allCases.map(\.rawValue), listing: "one of: lognormal, gamma, weibull"))
                return nil
            }
            family = f
        }
        guard valid else { return nil }

        let folder = (csvEntry.value.origin.file as NSString).deletingLastPathComponent
        let file = csvName.hasPrefix("/") || folder.isEmpty ? csvName : (folder as NSString).appendingPathComponent(csvName)
        let table: CSVTable
        do {
            if let read = csvTables[file] { table = read } else { table = try CSVTable.load(path: file); csvTables[file] = table }
        } catch {
            fail(csvEntry.value.origin, Reader.join(path, "csv"), error.description)
            return nil
        }
        guard let column = table.column(columnName) else {
            fail(columnEntry.value.origin, Reader.join(path, "column"), Suggestion.message(
                "\(csvName) has no column `\(columnName)`", for: columnName, among: table.header,
                listing: "columns: \(table.header.joined(separator: ", "))"))
            return nil
        }
        var values: [Double] = []
        var bad: [String] = []
        for row in table.rows {
            let text = column < row.fields.count ? CSVTable.trimmed(row.fields[column]) : ""
            if text.isEmpty { continue }  // a missing observation
            if let x = Double(text), x.isFinite, !isDuration || x >= 0 {
                values.append(x * scale)
            } else {
                bad.append("line \(row.line): `\(text)`")
            }
        }
        if !bad.isEmpty {
            let shown = bad.prefix(10).joined(separator: "; ")
            fail(csvEntry.value.origin, Reader.join(path, "csv"),
                 "\(csvName), column `\(columnName)`: \(bad.count) value\(bad.count == 1 ? " is" : "s are") not \(isDuration ? "a non-negative number" : "a number"): \(shown)\(bad.count > 10 ? "; …" : "")")
            return nil
        }
        do {
            let distribution: Distribution
            if let family {
                distribution = try Distribution.fit(family, to: values)
                note("\(path): fitted \(distribution.parameterText) (hours) to \(values.count) values of `\(columnName)` in \(csvName); mean \(distribution.mean), sd \(distribution.standardDeviation)")
            } else {
                distribution = try Distribution.empirical(values)
            }
            if isDuration && !distribution.isNonNegative { throw DistributionError(family: "empirical", message: "holds negative durations") }
            return BuiltDistribution(distribution: distribution, family: "empirical", familyOrigin: entry.keyOrigin, parameters: ["values": .list(values)])
        } catch {
            fail(csvEntry.value.origin, Reader.join(path, "csv"), "\(csvName), column `\(columnName)`: \(error)")
            return nil
        }
    }
}
