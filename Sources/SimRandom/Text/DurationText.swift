/// Durations written with units, as scenario files give them: `30s`, `15m`, `4h`, `2d`, `1w`.
///
/// DeliverySim's clock runs in hours; a day is 24 hours and a week 7 days of the clock (the
/// working calendar is a separate matter). A bare number is taken as hours.
public enum DurationText {
    /// Hours per unit suffix.
    public static let units: [(suffix: String, hours: Double)] = [
        ("s", 1.0 / 3600), ("m", 1.0 / 60), ("h", 1), ("d", 24), ("w", 168),
    ]

    /// Parses `text` into hours, or explains why it cannot. `day` and `week` give the hours of
    /// the `d` and `w` units: 24 and 168 of the clock by default, or a working day and week for
    /// a person's effort ("2d of work" is two working days).
    public static func hours(_ text: String, day: Double = 24, week: Double = 168) throws -> Double {
        let trimmed = text.trimmingWhitespace()
        guard let last = trimmed.last else { throw DurationError(text: text, message: "is empty") }
        var numberPart = trimmed
        var factor = 1.0
        if last.isLetter {
            let suffix = String(last)
            guard let unit = units.first(where: { $0.suffix == suffix }) else {
                throw DurationError(text: text, message: "has unknown unit `\(suffix)` (use s, m, h, d or w)")
            }
            factor = suffix == "d" ? day : suffix == "w" ? week : unit.hours
            numberPart = String(trimmed.dropLast()).trimmingWhitespace()
        }
        guard let value = Double(numberPart), value.isFinite else {
            throw DurationError(text: text, message: "is not a number with a unit, like 30s, 15m, 4h, 2d or 1w")
        }
        guard value >= 0 else { throw DurationError(text: text, message: "is negative") }
        return value * factor
    }

    /// Formats `hours` with the largest unit that keeps it readable (`2d`, `4h`, `15m`).
    public static func format(_ hours: Double) -> String {
        if hours == 0 { return "0h" }
        guard hours.isFinite, abs(hours) < 1e12 else { return "\(hours)h" }
        for (suffix, size) in units.reversed() where hours >= size {
            let value = hours / size
            if value == value.rounded() { return "\(Int(value))\(suffix)" }
        }
        return "\(hours)h"
    }
}

/// Why a duration text could not be read.
public struct DurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var message: String
    public var description: String { "duration `\(text)` \(message)" }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
