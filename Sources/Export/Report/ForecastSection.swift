import Analysis
import DeliveryModel

/// The forecast in HTML: the 50/70/85/95% dates (and the "how many" counts) per scenario and
/// each scenario's finish-date histogram as SVG, with the percentile dates marked. ``page(_:commandLine:version:)``
/// wraps it into the self-contained `report.html` of a forecast export. Every text from a
/// scenario or the command line is escaped (``HTMLText``).
public enum ForecastSection {
    /// The section: a heading, the tables and the histograms.
    public static func html(_ report: ForecastReport) -> String {
        let q = report.forecasts[0].question
        var html = "<section class=\"forecast\">\n<h2>Forecast from \(q.start.weekdayName) \(q.start)</h2>\n"
        html += "<table><thead><tr><th>chance of all in production by</th>"
        for f in report.forecasts { html += "<th>\(HTMLText.escape(f.label))</th>" }
        html += "</tr></thead><tbody>\n"
        for p in ForecastQuestion.probabilities {
            html += "<tr><td>\(ForecastReport.chance(p))</td>"
            for f in report.forecasts {
                let cell = f.finishHours(p).map { "\(f.date($0).weekdayName) \(f.date($0))" } ?? "after the horizon"
                html += "<td>\(cell)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table>\n"
        if let by = q.by {
            html += "<table><thead><tr><th>chance of at least this many by \(by)</th>"
            for f in report.forecasts { html += "<th>\(HTMLText.escape(f.label))</th>" }
            html += "</tr></thead><tbody>\n"
            for p in ForecastQuestion.probabilities {
                html += "<tr><td>\(ForecastReport.chance(p))</td>"
                for f in report.forecasts { html += "<td>\(f.doneBy(p).map(String.init) ?? "—")</td>" }
                html += "</tr>\n"
            }
            html += "</tbody></table>\n"
        }
        for (i, (f, h)) in zip(report.forecasts, report.finishHistograms).enumerated() {
            html += "<figure class=\"chart\">" + histogram(f, h, start: q.start).render(id: "forecast-histogram-\(i + 1)", label: "Finish-date histogram of \(f.label)")
            html += "<figcaption>Finish date of \(HTMLText.escape(f.label)): replications per bin of \(h.width) day\(h.width == 1 ? "" : "s")"
            html += h.beyond > 0 ? "; \(h.beyond) not finished by the horizon" : ""
            html += "</figcaption></figure>\n"
        }
        return html + "</section>\n"
    }

    /// Bars per bin, the 50/70/85/95% dates as dashed lines.
    static func histogram(_ f: Forecast, _ h: ForecastHistogram, start: CalendarDate, width: Double = 900, height: Double = 260) -> SVG {
        var svg = SVG(width: width, height: height)
        let left = 50.0, right = width - 20, top = 20.0, bottom = height - 40
        let bins = max(1, h.counts.count)
        let step = (right - left) / Double(bins)
        let maxCount = Double(max(1, h.counts.max() ?? 1))
        // A date label is about 70 px wide: label every k-th bin so they do not overlap.
        let labelEvery = max(1, Int((80 / step).rounded(.up)))
        svg.line(left, bottom, right, bottom, stroke: "#555")
        svg.line(left, top, left, bottom, stroke: "#555")
        svg.text(left - 6, top + 4, String(Int(maxCount)), size: 10, anchor: .end)
        svg.text(left - 6, bottom, "0", size: 10, anchor: .end)
        for (b, count) in h.counts.enumerated() {
            let barHeight = (bottom - top) * Double(count) / maxCount
            svg.rect(left + Double(b) * step + 1, bottom - barHeight, max(1, step - 2), barHeight, fill: "#1f77b4")
            if b % labelEvery == 0 {
                svg.text(left + Double(b) * step, bottom + 14, start.adding(days: h.low + b * h.width).description, size: 10)
            }
        }
        for (i, p) in ForecastQuestion.probabilities.enumerated() {
            guard let hours = f.finishHours(p) else { continue }
            let day = Double(f.date(hours).day - start.day)
            let x = left + (day - Double(h.low) + 0.5) / Double(h.width * bins) * (right - left)
            svg.line(x, top, x, bottom, stroke: "#d62728", dash: "4 3")
            // Staggered, so that close dates do not write over each other.
            svg.text(x + 3, top + 10 + Double(i) * 13, "\(ForecastReport.chance(p)) \(f.date(hours))", size: 10, fill: "#d62728")
        }
        svg.text((left + right) / 2, height - 6, "date the whole scope is in production", size: 11, anchor: .middle)
        return svg
    }

    /// `report.html` of a forecast export: the section on a page of its own.
    public static func page(_ report: ForecastReport, commandLine: String, version: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>DeliverySim forecast</title>
        <style>body{font:14px/1.4 "DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;margin:12px}\
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}\
        th:first-child,td:first-child{text-align:left}figure{margin:12px 0}code{font-size:12px}</style>
        </head>
        <body>
        <h1>DeliverySim forecast</h1>
        <p>\(report.replications) replications of each scenario, seed \(report.seed) for all (common random numbers); deliverysim \(HTMLText.escape(version))</p>
        <p><code>\(HTMLText.escape(commandLine))</code></p>
        \(html(report))</body>
        </html>

        """
    }
}
