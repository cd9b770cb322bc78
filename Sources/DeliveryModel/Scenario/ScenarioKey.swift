/// Declarations of the keys a scenario file may hold: each key is declared once, next to the
/// value type it fills, with its YAML name, kind, default and documentation. The reader
/// (`ScenarioFile`) takes the allowed and required keys and the defaults from here, and
/// ``ScenarioKeys/all`` lists every key with its full path for documentation and tests.
///
/// Load time only: nothing here is used while a scenario runs.

/// What kind of value a key holds, as the file spells it.
public enum KeyKind: Sendable, Equatable {
    /// A plain string.
    case string
    /// The path of a scenario file.
    case path
    /// A fixed duration in hours (no distribution); `positive` when it must be > 0.
    case fixedDuration(positive: Bool)
    /// A duration that may vary (a distribution), in clock time.
    case duration
    /// A person's effort (a distribution), in working time of the calendar.
    case effort
    /// A person's effort when done by hand, a clock duration when automated.
    case effortWhenManual
    /// A probability: a number or a distribution on [0, 1] (`belowOne`: on [0, 1)).
    case probability(belowOne: Bool)
    /// An integer in `range`; `expected` words the requirement in messages.
    case integer(ClosedRange<Int>, expected: String)
    /// A number in a range.
    case number(NumberRange)
    case bool
    /// A non-negative 64-bit integer.
    case seed
    /// The name of a team under `teams`.
    case teamName
    /// The name of a stage under `stages`.
    case stageName
    /// A list of stage names.
    case stageNames
    /// One of the listed words.
    case oneOf([String])
    /// One of the listed forms (a word, or a single-key mapping with its parameters).
    case form([String])
    /// Working weekdays (`Mon-Fri`, `[Mon, Wed]`).
    case weekdays
    /// Working hours (`"09:00-17:00"`).
    case hours
    /// A whole number or a range of them (`2-3`) inside the given bounds.
    case integerRange(ClosedRange<Int>)
    /// A date, `YYYY-MM-DD`.
    case date
    /// A list of dates and date ranges (`[2026-12-25, {from: 2026-12-24, to: 2027-01-01}]`).
    case dates
    /// A mapping of further keys.
    case section
    /// A mapping of further keys, or the word `always`.
    case sectionOrWord(String)
    /// A mapping from names to sections.
    case namedSections
    /// A list of sections.
    case listOfSections
}

/// A range of numbers a key accepts, and how messages word it ("a number in (0, 10]").
public struct NumberRange: Sendable, Equatable {
    public var low: Double
    public var high: Double
    public var lowIncluded: Bool
    public var highIncluded: Bool
    /// "a number in (0, 10]": the value "must be …".
    public var wording: String

    public init(_ low: Double, _ high: Double, lowIncluded: Bool, highIncluded: Bool, wording: String) {
        self.low = low
        self.high = high
        self.lowIncluded = lowIncluded
        self.highIncluded = highIncluded
        self.wording = wording
    }

    public func contains(_ value: Double) -> Bool {
        (lowIncluded ? value >= low : value > low) && (highIncluded ? value <= high : value < high)
    }
}

/// Whether a key must be given, and what an absent key means.
public enum KeyPresence<Value: Sendable>: Sendable {
    /// The file must give it.
    case required
    /// Absent means none (the value type holds nil, or the section is left out).
    case optional
    /// Absent means this value.
    case defaulted(Value)
    /// Absent means a value that depends on other keys, described in words.
    case derived(String)
}

/// One key of a scenario file, typed by the value it reads to.
public struct ScenarioKey<Value: Sendable>: Sendable {
    /// The YAML key.
    public let name: String
    public let kind: KeyKind
    public let presence: KeyPresence<Value>
    /// One line: what the key means.
    public let doc: String

    public init(_ name: String, _ kind: KeyKind, _ presence: KeyPresence<Value>, _ doc: String) {
        self.name = name
        self.kind = kind
        self.presence = presence
        self.doc = doc
    }

    public var isRequired: Bool {
        if case .required = presence { return true }
        return false
    }

    /// The declared default; only for keys declared `.defaulted` (a declaration bug otherwise).
    public var defaultValue: Value {
        guard case .defaulted(let value) = presence else {
            preconditionFailure("scenario key `\(name)` declares no default value")
        }
        return value
    }

    /// The untyped description of the key, for key lists and documentation.
    public var info: KeyInfo {
        KeyInfo(name: name, kind: kind, isRequired: isRequired, doc: doc)
    }
}

/// A key without its value type.
public struct KeyInfo: Sendable {
    public var name: String
    public var kind: KeyKind
    public var isRequired: Bool
    public var doc: String
}

/// The keys of one mapping of a scenario file, in the order messages list them.
public struct KeySet: Sendable {
    public var keys: [KeyInfo]

    public init(_ keys: [KeyInfo]) { self.keys = keys }

    /// Every allowed key.
    public var names: [String] { keys.map(\.name) }
    /// The keys that must be given.
    public var required: [String] { keys.filter(\.isRequired).map(\.name) }
}
