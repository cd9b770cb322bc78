import DeliveryModel
import SimRandom

/// A key read from a mapping: absent, present with a valid value, or present but invalid (the
/// problem is already recorded).
enum Field<Value: Sendable> {
    case absent
    case valid(Value)
    case invalid

    /// The value; nil when absent or invalid.
    var value: Value? {
        if case .valid(let value) = self { return value }
        return nil
    }

    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }

    /// The value, `fallback` when absent, nil when invalid.
    func or(_ fallback: Value?) -> Value? {
        switch self {
        case .absent: return fallback
        case .valid(let value): return value
        case .invalid: return nil
        }
    }

    /// The value, the key's declared default when absent, nil when invalid.
    func or(_ key: ScenarioKey<Value>) -> Value? { or(key.defaultValue) }
}

extension Reader {
    // MARK: Did you mean

    /// `problem` with a suggestion and a listing: "no team named `qaa`; did you mean `qa`? (teams: dev, qa)".
    /// The suggestion is the candidate closest to `word`, if any is close enough to be a typo;
    /// with `listingOnlyWithoutGuess` the listing is left out when there is a suggestion.
    static func didYouMean(_ problem: String, _ word: String, among candidates: [String], listing: String?,
                           listingOnlyWithoutGuess: Bool = false) -> String {
        Suggestion.message(problem, for: word, among: candidates, listing: listing, listingOnlyWithoutGuess: listingOnlyWithoutGuess)
    }

    /// "unknown `what` `word`; did you mean …? (one of: a, b)".
    static func unknownChoice(_ what: String, _ word: String, among options: [String]) -> String {
        didYouMean("unknown \(what) `\(word)`", word, among: options, listing: "one of: \(options.joined(separator: ", "))")
    }

    /// "no `what` named `word`; did you mean …? (`what`s: a, b)".
    static func noSuchName(_ what: String, _ word: String, among names: [String]) -> String {
        didYouMean("no \(what) named `\(word)`", word, among: names,
                   listing: names.isEmpty ? "no \(what)s are defined" : "\(what)s: \(names.joined(separator: ", "))")
    }

    // MARK: Declared keys

    /// Checks that `node` is a mapping with only the declared keys, and all the required ones.
    func fields(_ node: YNode, _ path: String, keys: KeySet, example: String? = nil) -> Fields? {
        fields(node, path, allowed: keys.names, required: keys.required, example: example)
    }

    /// `key` of `fields`, read by `read` when present.
    func field<Value: Sendable>(_ fields: Fields, _ key: ScenarioKey<Value>, _ read: (YNode, String) -> Value?) -> Field<Value> {
        guard let node = fields[key.name] else { return .absent }
        return read(node, fields.path(key.name)).map { .valid($0) } ?? .invalid
    }

    /// A string key.
    func read(_ fields: Fields, _ key: ScenarioKey<String>) -> Field<String> {
        field(fields, key) { string($0, $1) }
    }

    /// A boolean key.
    func read(_ fields: Fields, _ key: ScenarioKey<Bool>) -> Field<Bool> {
        field(fields, key) { bool($0, $1) }
    }

    /// An integer key: `.integer(range, expected:)`.
    func read(_ fields: Fields, _ key: ScenarioKey<Int>) -> Field<Int> {
        guard case .integer(let range, let expected) = key.kind else { preconditionFailure("`\(key.name)` is not an integer key") }
        return field(fields, key) { integer($0, $1, in: range, expected: expected) }
    }

    /// A number key: `.number(range)` or `.fixedDuration(positive:)`.
    func read(_ fields: Fields, _ key: ScenarioKey<Double>) -> Field<Double> {
        switch key.kind {
        case .number(let range):
            return field(fields, key) { node, path in
                guard let value = number(node, path) else { return nil }
                guard range.contains(value) else {
                    fail(node.origin, path, "must be \(range.wording) (got \(node.shortDescription))")
                    return nil
                }
                return value
            }
        case .fixedDuration(let positive):
            return field(fields, key) { node, path in
                guard let hours = fixedDuration(node, path) else { return nil }
                if positive, hours <= 0 {
                    fail(node.origin, path, "must be a duration > 0 (got \(node.shortDescription))")
                    return nil
                }
                return hours
            }
        default:
            preconditionFailure("`\(key.name)` is not a number key")
        }
    }

    /// A duration, effort or probability key. `manual` says whether an `.effortWhenManual` key is
    /// a person's effort; `calendar` gives the working days of an effort.
    func read(_ fields: Fields, _ key: ScenarioKey<Distribution>, calendar: WorkCalendar = .always, manual: Bool = false) -> Field<Distribution> {
        switch key.kind {
        case .duration:
            return field(fields, key) { duration($0, $1) }
        case .effort:
            return field(fields, key) { effort($0, $1, calendar: calendar) }
        case .effortWhenManual:
            return field(fields, key) { manual ? effort($0, $1, calendar: calendar) : duration($0, $1) }
        case .probability(let belowOne):
            return field(fields, key) { probability($0, $1, belowOne: belowOne) }
        default:
            preconditionFailure("`\(key.name)` is not a distribution key")
        }
    }

    /// One of an enumeration's raw values, with a suggestion for a typo: "unknown `what` `x`; …".
    func read<E: RawRepresentable & CaseIterable & Sendable>(_ fields: Fields, _ key: ScenarioKey<E>, what: String = "value") -> Field<E>
    where E.RawValue == String {
        field(fields, key) { node, path in
            guard let text = string(node, path) else { return nil }
            if let value = E(rawValue: text) { return value }
            fail(node.origin, path, Reader.unknownChoice(what, text, among: E.allCases.map(\.rawValue)))
            return nil
        }
    }
}
