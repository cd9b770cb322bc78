import Analysis
import ArgumentParser
import DeliveryModel
import Foundation

/// `deliverysim metrics`: every metric the model reports, with its unit and meaning.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "List every metric with its unit, which way is better, and what it measures."
    )

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let definitions = MetricRegistry.all
        switch format {
        case .table: print(Self.table(definitions, width: Console.width).render(style: Console.style), terminator: "")
        case .json: print(JSONText.render(.array(definitions.map(Self.json))))
        case .csv:
            print(CSVText.row(["metric", "variants", "unit", "quantity", "better", "dora_key", "meaning"]), terminator: "")
            for d in definitions {
                print(CSVText.row([d.name, d.variants.joined(separator: " "), d.unit, d.quantity.rawValue, d.better.rawValue,
                                   d.dora?.rawValue ?? "", d.meaning]), terminator: "")
            }
        }
    }

    /// One row per metric; the meaning wraps within `width` columns onto continuation rows.
    static func table(_ definitions: [MetricDefinition], width: Int) -> TextTable {
        var table = TextTable(header: [["metric", "unit", "better", "meaning"]], leftAligned: 4)
        let nameWidth = definitions.map(\.name.count).max() ?? 0
        let unitWidth = definitions.map(\.unit.count).max() ?? 0
        let meaningWidth = max(24, width - nameWidth - unitWidth - "higher".count - 6)
        for d in definitions {
            var meaning = d.meaning
            if let key = d.dora { meaning = "DORA \(key.title): " + meaning }
            let extra = d.variants.filter { !$0.isEmpty }
            if !extra.isEmpty { meaning += (d.variants.contains("") ? "; also " : "; per ") + extra.joined(separator: " ") }
            let lines = wrap(meaning, width: meaningWidth)
            table.rows.append([d.name, d.unit, d.better.rawValue, lines[0]])
            for line in lines.dropFirst() { table.rows.append(["", "", "", line]) }
        }
        return table
    }

    static func json(_ d: MetricDefinition) -> JSONText.Value {
        .object([
            ("metric", .string(d.name)), ("variants", .array(d.variants.map { .string($0) })), ("unit", .string(d.unit)),
            ("quantity", .string(d.quantity.rawValue)), ("better", .string(d.better.rawValue)),
            ("dora_key", d.dora.map { .string($0.rawValue) } ?? .null), ("meaning", .string(d.meaning)),
        ])
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}
