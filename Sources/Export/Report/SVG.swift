import Analysis
import Foundation

/// A minimal SVG writer: shapes and escaped text in drawing order, coordinates with one decimal.
struct SVG {
    var width: Double
    var height: Double
    private(set) var body = ""
    private(set) var definitions = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func n(_ v: Double) -> String {
        let text = NumberText.fixed(v, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    mutating func define(_ element: String) { definitions += element }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, opacity: Double? = nil) {
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\"" }
        if let opacity { body += " fill-opacity=\"\(NumberText.fixed(opacity, 2))\"" }
        body += "/>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5) {
        guard points.count > 1 else { return }
        body += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\" points=\""
        body += points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ") + "\"/>"
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String) {
        guard points.count > 2 else { return }
        body += "<polygon fill=\"\(fill)\" stroke=\"none\" points=\""
        body += points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ") + "\"/>"
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, fill: String) {
        body += "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\"/>"
    }

    enum Anchor: String { case start, middle, end }

    /// `text` escaped, at (x, y) as its baseline; `rotate` turns it about that point.
    mutating func text(_ x: Double, _ y: Double, _ text: String, size: Double = 11, anchor: Anchor = .start,
                       bold: Bool = false, fill: String = "#333", rotate: Double? = nil) {
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if bold { body += " font-weight=\"bold\"" }
        if let rotate { body += " transform=\"rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))\"" }
        body += ">" + HTMLText.escape(text) + "</text>"
    }

    /// The `<svg>` element, labelled for screen readers by `label`.
    func render(id: String, label: String) -> String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + (definitions.isEmpty ? "" : "<defs>\(definitions)</defs>") + body + "</svg>"
    }
}

/// A linear or logarithmic map from data values to pixels, with readable ticks.
struct Scale {
    var low: Double
    var high: Double
    var from: Double
    var to: Double
    var log: Bool

    /// Covers `values` (positive ones only on a log scale), with a little room on each side.
    init(values: [Double], from: Double, to: Double, log: Bool, includeZero: Bool = false) {
        self.from = from
        self.to = to
        self.log = log
        let usable = values.filter { $0.isFinite && (!log || $0 > 0) }
        var lo = usable.min() ?? (log ? 1 : 0), hi = usable.max() ?? (log ? 10 : 1)
        if log {
            lo = Foundation.pow(10, Foundation.floor(Foundation.log10(lo) * 4) / 4)
            hi = Foundation.pow(10, Foundation.ceil(Foundation.log10(hi) * 4) / 4)
            if hi <= lo { hi = lo * 10 }
        } else {
            if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
            if hi <= lo { hi = lo + 1 }
            let pad = (hi - lo) * 0.04
            if !(includeZero && lo == 0) { lo -= pad }
            hi += pad
        }
        low = lo
        high = hi
    }

    func callAsFunction(_ v: Double) -> Double {
        if log {
            let t = (Foundation.log10(max(v, low * 1e-3)) - Foundation.log10(low)) / (Foundation.log10(high) - Foundation.log10(low))
            return from + t * (to - from)
        }
        return from + (v - low) / (high - low) * (to - from)
    }

    /// Tick values and their labels.
    func ticks(count: Int = 5) -> [(Double, String)] {
        if log && Foundation.log10(high / low) < 0.7 {
            // Less than a decade: evenly stepped ticks read better than 1-2-5 ones (few fall inside).
            return Scale(values: [low, high], from: from, to: to, log: false).ticks(count: count).filter { $0.0 >= low && $0.0 <= high }
        }
        if log {
            var out: [(Double, String)] = []
            var p = Foundation.pow(10, Foundation.floor(Foundation.log10(low)))
            let decades = Foundation.log10(high / low)
            let steps: [Double] = decades < 0.7 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : decades < 1.6 ? [1, 2, 5] : (decades < 3 ? [1, 3] : [1])
            while p <= high * 1.0001 {
                for m in steps where m * p >= low * 0.9999 && m * p <= high * 1.0001 { out.append((m * p, Self.label(m * p))) }
                p *= 10
            }
            return out
        }
        let raw = (high - low) / Double(max(1, count))
        let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var v = Foundation.ceil(low / step) * step
        var out: [(Double, String)] = []
        while v <= high + step * 1e-9 {
            out.append((v, Self.label(abs(v) < step * 1e-9 ? 0 : v)))
            v += step
        }
        return out
    }

    /// Short tick text without trailing zeros: `0.05`, `2`, `1,000`.
    static func label(_ v: Double) -> String {
        if abs(v) >= 1000 { return NumberText.grouped(v) }
        var text = NumberText.fixed(v, 3)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
