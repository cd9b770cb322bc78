import DeliveryModel

/// A forecast's tables (terminal), JSON and CSV: the dates by which the scope is in production
/// at 50/70/85/95 %, the counts done by a date at the same probabilities, and the finish-date
/// histogram. With several scenarios (what-ifs), side by side, paired with the first.
public struct ForecastReport: Sendable {
    public var forecasts: [Forecast]
    public var seed: UInt64

    public init(_ forecasts: [Forecast], seed: UInt64) {
        precondition(!forecasts.isEmpty)
        self.forecasts = forecasts
        self.seed = seed
    }

    public var question: ForecastQuestion { forecasts[0].question }
    public var replications: Int { forecasts[0].replications.count }

    /// "50%" for 0.5.
    public static func chance(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }
    /// "12.3%" for 0.123.
    static func share(_ x: Double) -> String { NumberText.fixed(x * 100, 1) + "%" }
    /// "p50" for 0.5.
    public static func key(_ p: Double) -> String { "p\(Int((p * 100).rounded()))" }

    /// Days after the start of the date each finished replication ends on (nil: unfinished).
    func finishDays(_ f: Forecast) -> [Int?] { f.replications.map { $0.finish.map { f.date($0).day - question.start.day } } }

    /// Finish-date histograms of every forecast on one set of bins.
    public var finishHistograms: [ForecastHistogram] {
        let days = forecasts.map(finishDays)
        let shared = ForecastHistogram(days.flatMap { $0 }, widths: ForecastHistogram.dayWidths)
        return days.map { ForecastHistogram($0, like: shared) }
    }

    /// Histograms of the count done by the `by` date, on one set of bins.
    public var countHistograms: [ForecastHistogram] {
        let counts = forecasts.map { $0.replications.map { Optional($0.doneBy) } }
        let shared = ForecastHistogram(counts.flatMap { $0 }, widths: ForecastHistogram.countWidths)
        return counts.map { ForecastHistogram($0, like: shared) }
    }

    /// For each forecast after the first: the share of replications finishing later than the
    /// first's same replication (common random numbers), and the mean paired difference in hours
    /// (over replications where both finished).
    func paired(_ f: Forecast) -> (later: Double, meanHours: Double?) {
        let first = forecasts[0].replications
        var later = 0, both = 0, sum = 0.0
        for (a, b) in zip(first, f.replications) {
            let x = a.finish ?? .infinity, y = b.finish ?? .infinity
            if y > x { later += 1 }
            if x.isFinite && y.isFinite { both += 1; sum += y - x }
        }
        return (Double(later) / Double(max(1, first.count)), both > 0 ? sum / Double(both) : nil)
    }

    var grows: Bool { forecasts.contains { $0.scenario.demand.growsScope } }

    // MARK: Table

    /// The terminal report, at most `columns` wide where it can be (the histogram bars shrink).
    public func table(style: TextStyle, columns: Int = 100) -> String {
        let q = question
        var out = ""
        let scope = q.items.map { "\($0) item\($0 == 1 ? "" : "s")\(q.workClass.map { " of class \($0)" } ?? "")" } ?? "the starting backlog"
        out += style.bold("forecast: \(scope) from \(q.start.weekdayName) \(q.start)") + "\n"
        out += style.dim("\(replications) replications, seed \(seed); dates on the scenario's working calendar; done = in production") + "\n\n"
        let labels = forecasts.map(\.label)
        let header = [["chance"] + labels]
        var rows: [[String]] = []
        for p in ForecastQuestion.probabilities {
            rows.append([ForecastReport.chance(p)] + forecasts.map { f in
                f.finishHours(p).map { h in "\(f.date(h).weekdayName) \(f.date(h)) (\(NumberText.fixed(h / 168, 1)) w)" } ?? "after horizon"
            })
        }
        out += style.bold("When is all of it in production? (chance of being done by the date)") + "\n"
        var notes: [[String]] = []
        if grows { notes.append(["items (mean)"] + forecasts.map { NumberText.fixed($0.meanScope, 1) }) }
        if forecasts.contains(where: { $0.unfinished > 0 }) {
            notes.append(["unfinished"] + forecasts.map { "\($0.unfinished) by \($0.date($0.scenario.horizon))" })
        }
        if forecasts.count > 1 {
            notes.append(["later than 1st"] + forecasts.enumerated().map { i, f in i == 0 ? "-" : ForecastReport.share(paired(f).later) })
            notes.append(["mean Δ (days)"] + forecasts.enumerated().map { i, f in
                i == 0 ? "-" : paired(f).meanHours.map { ($0 >= 0 ? "+" : "") + NumberText.fixed($0 / 24, 1) } ?? "n/a"
            })
        }
        out += TextTable(header: header, rows: rows + notes).render(style: style)
        if let by = q.by {
            out += "\n" + style.bold("How many by the end of \(by.weekdayName) \(by)? (chance of at least that many)") + "\n"
            let countRows = ForecastQuestion.probabilities.map { p in
                [ForecastReport.chance(p)] + forecasts.map { f in f.doneBy(p).map { "\($0)" } ?? "-" }
            }
            out += TextTable(header: header, rows: countRows).render(style: style)
        }
        let histograms = finishHistograms
        for (f, h) in zip(forecasts, histograms) {
            let unit = h.width == 1 ? "a day" : h.width % 7 == 0 ? "\(h.width / 7) week\(h.width == 7 ? "" : "s")" : "\(h.width) days"
            out += "\n" + style.bold("Finish date\(forecasts.count > 1 ? ", \(f.label)" : "") (bins of \(unit))") + "\n"
            out += histogramLines(h, forecast: f, columns: columns)
        }
        return out
    }

    /// One line per bin: the dates, the count, its share and the cumulative share, a bar, and
    /// the probabilities whose date falls in it.
    func histogramLines(_ h: ForecastHistogram, forecast f: Forecast, columns: Int) -> String {
        let n = max(1, f.replications.count)
        var marks = Array(repeating: [String](), count: h.counts.count)
        for p in ForecastQuestion.probabilities {
            if let hours = f.finishHours(p), let b = h.bin(of: f.date(hours).day - question.start.day) { marks[b].append(ForecastReport.key(p)) }
        }
        let maxCount = max(1, h.counts.max() ?? 1)
        let labels = h.counts.indices.map { b -> String in
            let first = question.start.adding(days: h.low + b * h.width)
            return h.width == 1 ? "\(first.weekdayName) \(first)" : "\(first) to \(first.adding(days: h.width - 1))"
        }
        let labelWidth = labels.map(\.count).max() ?? 0
        let markWidth = marks.map { $0.joined(separator: " ").count }.max() ?? 0
        let fixed = labelWidth + 2 + 6 + 2 + 6 + 2 + 6 + 2 + (markWidth > 0 ? markWidth + 1 : 0)
        let barWidth = max(10, min(50, columns - fixed))
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = ""
        var cumulative = 0
        // Bins are shared by the scenarios; each draws from its first to its last non-empty bin.
        let firstBin = h.counts.firstIndex { $0 > 0 } ?? 0, lastBin = h.counts.lastIndex { $0 > 0 } ?? -1
        for b in h.counts.indices where b >= firstBin && b <= lastBin {
            cumulative += h.counts[b]
            let eighths = Int((Double(h.counts[b]) / Double(maxCount) * Double(barWidth * 8)).rounded())
            var bar = String(repeating: "█", count: eighths / 8)
            if eighths % 8 > 0 { bar += ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8] }
            let mark = marks[b].joined(separator: " ")
            var line = labels[b] + String(repeating: " ", count: labelWidth - labels[b].count)
            line += "  " + pad("\(h.counts[b])", 6) + "  " + pad(ForecastReport.share(Double(h.counts[b]) / Double(n)), 6)
            line += "  " + pad(ForecastReport.share(Double(cumulative) / Double(n)), 6) + "  "
            line += bar + String(repeating: " ", count: barWidth - bar.count) + (mark.isEmpty ? "" : " " + mark)
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        if h.beyond > 0 { out += "after the horizon: \(h.beyond) (\(ForecastReport.share(Double(h.beyond) / Double(n))))\n" }
        return out
    }

    // MARK: JSON

    public var json: String {
        let q = question
        func when(_ f: Forecast) -> JSONText.Value {
            .object(ForecastQuestion.probabilities.map { p in
                (ForecastReport.key(p), f.finishHours(p).map { h in .object([("hours", .number(h)), ("date", .string(f.date(h).description))]) } ?? .null)
            })
        }
        func histogram(_ h: ForecastHistogram, dates: Bool) -> JSONText.Value {
            var fields: [(String, JSONText.Value)] = [(dates ? "bin_days" : "bin_items", .integer(h.width))]
            fields.append(("bins", .array(h.counts.indices.map { b in
                let low = h.low + b * h.width
                if dates {
                    return .object([("from", .string(q.start.adding(days: low).description)),
                                    ("to", .string(q.start.adding(days: low + h.width - 1).description)), ("count", .integer(h.counts[b]))])
                }
                return .object([("from", .integer(low)), ("to", .integer(low + h.width - 1)), ("count", .integer(h.counts[b]))])
            })))
            if dates { fields.append(("after_horizon", .integer(h.beyond))) }
            return .object(fields)
        }
        let finishH = finishHistograms
        let countH = q.by != nil ? countHistograms : []
        let scenarios: [JSONText.Value] = forecasts.enumerated().map { i, f in
            var fields: [(String, JSONText.Value)] = [("label", .string(f.label)), ("scenario", .string(f.scenario.name)), ("when", when(f))]
            if q.by != nil {
                fields.append(("how_many", .object(ForecastQuestion.probabilities.map { p in
                    (ForecastReport.key(p), f.doneBy(p).map { .object([("items", .integer($0))]) } ?? .null)
                })))
            }
            fields.append(("unfinished", .integer(f.unfinished)))
            fields.append(("mean_items", .number(f.meanScope)))
            if i > 0 {
                let d = paired(f)
                fields.append(("paired", .object([("later_than_first", .number(d.later)), ("mean_difference_hours", .number(d.meanHours))])))
            }
            fields.append(("finish_histogram", histogram(finishH[i], dates: true)))
            if q.by != nil { fields.append(("count_histogram", histogram(countH[i], dates: false))) }
            return .object(fields)
        }
        let top: [(String, JSONText.Value)] = [
            ("start", .string(q.start.description)),
            ("items", q.items.map { .integer($0) } ?? .null),
            ("class", q.workClass.map { .string($0) } ?? .null),
            ("by", q.by.map { .string($0.description) } ?? .null),
            ("horizon_hours", .number(forecasts[0].scenario.horizon)),
            ("replications", .integer(replications)),
            ("seed", .string(String(seed))),
            ("how_many_convention", .string("pNN of how_many: at least that many items are in production by the end of `by` with probability NN%")),
            ("scenarios", .array(scenarios)),
        ]
        return JSONText.render(.object(top)) + "\n"
    }

    // MARK: CSV

    /// One row per scenario and replication: finish hours and date (empty: unfinished), items
    /// in the scope, items done by the `by` date.
    public var csv: String {
        var out = CSVText.row(["scenario", "replication", "finish_hours", "finish_date", "items", "done_by"])
        for f in forecasts {
            for r in f.replications {
                out += CSVText.row([f.label, "\(r.replication)", CSVText.number(r.finish), r.finish.map { f.date($0).description } ?? "",
                                    "\(r.scopeItems)", question.by != nil ? "\(r.doneBy)" : ""])
            }
        }
        return out
    }
}

extension ForecastHistogram {
    /// `values` counted on the bins of `layout` (its width and first bin), extended to hold them.
    public init(_ values: [Int?], like layout: ForecastHistogram) {
        self = layout
        let present = values.compactMap { $0 }
        beyond = values.count - present.count
        counts = Array(repeating: 0, count: layout.counts.count)
        for v in present { counts[(v - low) / width] += 1 }
    }
}
