// Number formatting that does not depend on the locale, shared by every report.

/// Locale-independent number text for tables.
public enum NumberText {
    /// A rate with thousands separators, e.g. `12,345,678`.
    public static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }

    /// Fixed-point formatting without Foundation's locale.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var frac = String(Int(scaled - Double(whole) * scale))
        while frac.count < digits { frac = "0" + frac }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
    }

    /// Four significant digits for tables: without exponent from 0.001 up (at least the
    /// units, so 12345 stays 12345), and below 0.001 in scientific notation (`6.650e-4`), so that
    /// no table prints a raw `0.0007710872394596864`. JSON and CSV keep full precision.
    public static func short(_ x: Double) -> String {
        let a = abs(x)
        if a == 0 { return "0" }
        guard x.isFinite else { return "\(x)" }
        if a >= 1000 { return fixed(x, 0) }
        if a >= 100 { return fixed(x, 1) }
        if a >= 10 { return fixed(x, 2) }
        if a >= 1 { return fixed(x, 3) }
        if a >= 0.001 { return fixed(x, 4) }
        var exponent = 0
        var mantissa = a
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        if fixed(mantissa, 3) == "10.000" {
            mantissa /= 10
            exponent += 1
        }
        return (x < 0 ? "-" : "") + fixed(mantissa, 3) + "e\(exponent)"
    }

    /// The same as ``short(_:)``: four significant digits, scientific below 0.001.
    public static func significant(_ x: Double) -> String { short(x) }

    /// A signed percentage with one decimal: `+12.5%`, `-3.0%`.
    public static func percent(_ x: Double) -> String {
        let text = fixed(x, 1)
        return (text.hasPrefix("-") || text == "0.0" ? text : "+" + text) + "%"
    }
}
