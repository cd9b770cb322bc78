import DeliveryModel
import SimRandom
import Yams

/// Reads typed values out of a document tree, recording every problem with its key path and
/// position instead of stopping at the first.
final class Reader {
    private(set) var errors: [ScenarioError] = []
    /// What the reader did that a user should know, e.g. the parameters it fitted to data.
    private(set) var notes: [String] = []

    func note(_ text: String) { notes.append(text) }

    /// CSV files read while reading this document, by path: several distributions resample
    /// columns of one file (a calibration's waits and times in progress), which is read once.
    var csvTables: [String: CSVTable] = [:]

    func fail(_ origin: Origin, _ path: String, _ message: String) {
        errors.append(ScenarioError(file: origin.file, keyPath: path, line: origin.line, column: origin.column, message: message))
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    // MARK: Mappings

    /// A mapping whose keys were checked against what is allowed at its place.
    struct Fields {
        var node: YNode
        var path: String
        var entries: [YEntry]

        /// The value of `key`, or nil when absent or empty (`key:` / `key: null`).
        subscript(key: String) -> YNode? {
            guard let value = entries.last(where: { $0.key == key })?.value, !value.isNull else { return nil }
            return value
        }

        func path(_ key: String) -> String { Reader.join(path, key) }
    }

    /// Checks that `node` is a mapping with only `allowed` keys and all `required` ones.
    func fields(_ node: YNode, _ path: String, allowed: [String], required: [String] = [], example: String? = nil) -> Fields? {
        guard let entries = node.entries else {
            var message = "must be a mapping"
            if let example { message += " like \(example)" }
            fail(node.origin, path, message + " (got \(node.shortDescription))")
            return nil
        }
        for entry in entries where !allowed.contains(entry.key) {
            fail(entry.keyOrigin, Reader.join(path, entry.key), Reader.unknownKey(entry.key, allowed: allowed))
        }
        let result = Fields(node: node, path: path, entries: entries)
        for key in required where result[key] == nil {
            if let entry = entries.last(where: { $0.key == key }) {
                fail(entry.value.origin, Reader.join(path, key), "`\(key)` needs a value")
            } else {
                fail(node.origin, Reader.join(path, key), "missing required key `\(key)`")
            }
        }
        return result
    }

    static func unknownKey(_ key: String, allowed: [String]) -> String {
        didYouMean("unknown key `\(key)`", key, among: allowed, listing: "expected one of: \(allowed.joined(separator: ", "))",
                   listingOnlyWithoutGuess: true)
    }

    // MARK: Scalars

    func string(_ node: YNode, _ path: String) -> String? {
        guard case .scalar(let text, let kind, _) = node.value, kind != .null else {
            fail(node.origin, path, "must be a string (got \(node.shortDescription))")
            return nil
        }
        return text
    }

    func bool(_ node: YNode, _ path: String) -> Bool? {
        if case .scalar(let text, .bool, _) = node.value {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        fail(node.origin, path, "must be true or false (got \(node.shortDescription))")
        return nil
    }

    /// The number a scalar denotes, if it is a YAML int or float.
    static func numericValue(_ node: YNode) -> Double? {
        guard case .scalar(let text, let kind, _) = node.value else { return nil }
        // YAML 1.1 reads 1:30 as the base-60 number 90: too surprising for durations, so refused.
        if text.contains(":") { return nil }
        switch kind {
        case .int:
            if let int = Int.construct(from: YNode.yamsScalar(text)) { return Double(int) }
            return Double.construct(from: YNode.yamsScalar(text.replacingOccurrences(of: "_", with: "")))
        case .float:
            return Double.construct(from: YNode.yamsScalar(text))
        default:
            return nil
        }
    }

    /// A finite number.
    func number(_ node: YNode, _ path: String, expected: String = "a number") -> Double? {
        guard let value = Reader.numericValue(node) else {
            if case .scalar(let text, .int, _) = node.value, text.contains(":") {
                fail(node.origin, path, "must be \(expected) (got \(text): base-60 numbers like 1:30 are not accepted; write 1.5h or 90m)")
                return nil
            }
            fail(node.origin, path, "must be \(expected) (got \(node.shortDescription))")
            return nil
        }
        guard value.isFinite else {
            fail(node.origin, path, "must be a finite number (got \(node.shortDescription))")
            return nil
        }
        return value
    }

    /// An integer in `range`; `expected` words the requirement ("an integer ≥ 1").
    func integer(_ node: YNode, _ path: String, in range: ClosedRange<Int>, expected: String) -> Int? {
        guard let value = Reader.numericValue(node), value.isFinite, value == value.rounded(),
              value >= Double(Int.min) / 2, value <= Double(Int.max) / 2 else {
            fail(node.origin, path, "must be \(expected) (got \(node.shortDescription))")
            return nil
        }
        let int = Int(value)
        guard range.contains(int) else {
            fail(node.origin, path, "must be \(expected) (got \(node.shortDescription))")
            return nil
        }
        return int
    }

    // MARK: Durations

    /// A fixed duration in hours: a number of hours or a string with a unit (`2d`); ≥ 0.
    func fixedDuration(_ node: YNode, _ path: String) -> Double? {
        switch node.value {
        case .scalar(let text, let kind, _):
            switch kind {
            case .int, .float:
                guard let hours = number(node, path, expected: "a duration") else { return nil }
                guard hours >= 0 else {
                    fail(node.origin, path, "must be a duration ≥ 0 (got \(node.shortDescription))")
                    return nil
                }
                return hours
            case .string, .other:
                return durationText(text, node, path)
            case .null, .bool:
                break
            }
        case .mapping, .sequence:
            break
        }
        fail(node.origin, path, "must be a duration like 4h or 2d (got \(node.shortDescription))")
        return nil
    }

    /// A duration that may vary: a fixed duration, or a distribution like `{exponential: {mean: 4h}}`.
    func duration(_ node: YNode, _ path: String) -> Distribution? {
        if node.entries != nil {
            return distribution(node, path, isDuration: true)?.distribution
        }
        if node.items != nil {
            fail(node.origin, path, "must be a duration like 4h or a distribution like {exponential: {mean: 4h}} (got a list)")
            return nil
        }
        guard let hours = fixedDuration(node, path) else { return nil }
        return constant(hours, node, path)
    }

    private func constant(_ value: Double, _ node: YNode, _ path: String) -> Distribution? {
        do {
            return try Distribution.constant(value)
        } catch {
            fail(node.origin, path, "\(error)")
            return nil
        }
    }

    // MARK: Probabilities

    /// A probability: a number in [0, 1], or a distribution whose draws lie in [0, 1].
    /// With `belowOne`, draws must stay below 1 (a rerun probability).
    func probability(_ node: YNode, _ path: String, belowOne: Bool = false) -> Distribution? {
        let upper = belowOne ? "[0, 1)" : "[0, 1]"
        if node.entries != nil {
            guard let built = distribution(node, path, isDuration: false) else { return nil }
            let familyPath = Reader.join(path, built.family)
            guard let range = Reader.probabilityRange(family: built.family, parameters: built.parameters) else {
                fail(built.familyOrigin, familyPath,
                     "a probability must lie in \(upper), and `\(built.family)` draws are not bounded there; use a number, or constant, uniform, triangular, beta, empirical or bernoulli")
                return nil
            }
            guard range.low >= 0, range.high <= 1 else {
                fail(built.familyOrigin, familyPath, "a probability must lie in \(upper), but this distribution draws values in [\(Reader.format(range.low)), \(Reader.format(range.high))]")
                return nil
            }
            if belowOne, range.high == 1, range.highAttained {
                fail(built.familyOrigin, familyPath, "must stay below 1 (a run that always fails would rerun forever), but this distribution can draw 1")
                return nil
            }
            return built.distribution
        }
        guard let value = Reader.numericValue(node), value.isFinite else {
            fail(node.origin, path, "must be a probability: a number in \(upper) or a distribution on it (got \(node.shortDescription))")
            return nil
        }
        guard value >= 0, belowOne ? value < 1 : value <= 1 else {
            fail(node.origin, path, "must be a probability in \(upper) (got \(node.shortDescription))")
            return nil
        }
        return constant(value, node, path)
    }

    /// The range a probability distribution's draws can take; nil for families not bounded in [0, 1].
    static func probabilityRange(family: String, parameters: [String: DistributionParameter]) -> (low: Double, high: Double, highAttained: Bool)? {
        func number(_ key: String) -> Double? {
            if case .number(let value)? = parameters[key] { return value }
            return nil
        }
        switch family {
        case "constant":
            guard let value = number("value") else { return nil }
            return (value, value, true)
        case "uniform", "triangular":
            guard let low = number("min"), let high = number("max") else { return nil }
            return (low, high, true)
        case "empirical":
            guard case .list(let values)? = parameters["values"], let low = values.min(), let high = values.max() else { return nil }
            return (low, high, true)
        case "beta":
            return (0, 1, false)
        case "bernoulli":
            guard let p = number("p") else { return nil }
            return (0, p > 0 ? 1 : 0, true)
        default:
            return nil
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: Distributions

    /// Parameters that have no unit, so are never read as durations.
    static let unitless: Set<String> = ["shape", "a", "b", "p", "sigma", "mu"]

    struct BuiltDistribution {
        var distribution: Distribution
        var family: String
        var familyOrigin: Origin
        var parameters: [String: DistributionParameter]
    }

    /// `{family: {param: value, …}}` → a distribution. Duration parameters may carry units.
    func distribution(_ node: YNode, _ path: String, isDuration: Bool) -> BuiltDistribution? {
        let example = isDuration ? "{exponential: {mean: 4h}}" : "{beta: {a: 2, b: 8}}"
        guard let entries = node.entries else {
            fail(node.origin, path, "must be a distribution like \(example) (got \(node.shortDescription))")
            return nil
        }
        guard entries.count == 1, let entry = entries.first else {
            if entries.isEmpty {
                fail(node.origin, path, "must be \(isDuration ? "a duration or " : "a probability or ")a distribution like \(example) (got an empty mapping)")
            } else {
                let keys = entries.map { "`\($0.key)`" }.joined(separator: ", ")
                fail(node.origin, path, "a distribution is a mapping with a single key, its family, like \(example) (got keys \(keys))")
            }
            return nil
        }
        let family = entry.key
        let familyPath = Reader.join(path, family)
        guard let sets = Distribution.parameterSets.first(where: { $0.family == family })?.sets else {
            fail(entry.keyOrigin, path, Reader.unknownChoice("distribution", family, among: Distribution.families))
            return nil
        }
        let allowed = Array(Set(sets.joined())).sorted()
        let listing = sets.map { "{" + $0.joined(separator: ", ") + "}" }.joined(separator: " or ")
        guard let parameterEntries = entry.value.entries else {
            fail(entry.value.origin, familyPath, "the parameters of `\(family)` must be a mapping: \(listing) (got \(entry.value.shortDescription))")
            return nil
        }
        if family == "empirical", parameterEntries.contains(where: { $0.key == "csv" }) {
            return empiricalFromCSV(entry, parameterEntries, familyPath, isDuration: isDuration)
        }
        var parameters: [String: DistributionParameter] = [:]
        var origins: [String: Origin] = [:]
        var valid = true
        for parameter in parameterEntries {
            let parameterPath = Reader.join(familyPath, parameter.key)
            guard allowed.contains(parameter.key) else {
                fail(parameter.keyOrigin, parameterPath,
                     Reader.didYouMean("unknown parameter `\(parameter.key)` of `\(family)`", parameter.key, among: allowed,
                                       listing: "`\(family)` takes \(listing)"))
                valid = false
                continue
            }
            origins[parameter.key] = parameter.value.origin
            let useUnits = isDuration && !Reader.unitless.contains(parameter.key)
            if parameter.key == "values" {
                guard let items = parameter.value.items, !items.isEmpty else {
                    fail(parameter.value.origin, parameterPath, "must be a non-empty list of \(useUnits ? "durations" : "numbers") (got \(parameter.value.shortDescription))")
                    valid = false
                    continue
                }
                var values: [Double] = []
                for (i, item) in items.enumerated() {
                    if let value = parameterValue(item, "\(parameterPath)[\(i)]", useUnits: useUnits) { values.append(value) } else { valid = false }
                }
                parameters[parameter.key] = .list(values)
            } else if let value = parameterValue(parameter.value, parameterPath, useUnits: useUnits) {
                parameters[parameter.key] = .number(value)
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        do {
            let distribution = try Distribution(named: family, parameters: parameters, isDuration: isDuration)
            return BuiltDistribution(distribution: distribution, family: family, familyOrigin: entry.keyOrigin, parameters: parameters)
        } catch let error as DistributionError {
            if let parameter = error.parameter {
                fail(origins[parameter] ?? entry.keyOrigin, Reader.join(familyPath, parameter), error.message)
            } else {
                fail(entry.keyOrigin, familyPath, error.message)
            }
        } catch {
            fail(entry.keyOrigin, familyPath, "\(error)")
        }
        return nil
    }

    /// A distribution parameter: a number, or with `useUnits` a duration string such as `2d`.
    private func parameterValue(_ node: YNode, _ path: String, useUnits: Bool) -> Double? {
        if case .scalar(let text, let kind, _) = node.value, kind == .string || kind == .other {
            guard useUnits else {
                fail(node.origin, path, "must be a number (got \(node.shortDescription))")
                return nil
            }
            return durationText(text, node, path)
        }
        return number(node, path, expected: useUnits ? "a number or a duration like 4h" : "a number")
    }

    /// Hours of a duration text, in working days and weeks while reading ``effort(_:_:calendar:)``.
    func durationText(_ text: String, _ node: YNode, _ path: String) -> Double? {
        do {
            return try DurationText.hours(text, day: unitHours.day, week: unitHours.week)
        } catch let error as DurationError {
            fail(node.origin, path, error.description)
        } catch {
            fail(node.origin, path, "invalid duration `\(text)`")
        }
        return nil
    }

    /// Hours of the `d` and `w` units: the clock's, except while reading a person's effort.
    private var unitHours: (day: Double, week: Double) = (24, 168)

    /// A person's effort: like ``duration(_:_:)``, but `d` is a working day and `w` a working
    /// week of `calendar` (8 h and 40 h in office hours), since people estimate work that way.
    func effort(_ node: YNode, _ path: String, calendar: WorkCalendar) -> Distribution? {
        let saved = unitHours
        unitHours = (calendar.dayEnd - calendar.dayStart, calendar.hoursPerWeek)
        defer { unitHours = saved }
        return duration(node, path)
    }
}
