import Foundation
import Yams

/// Where a node came from: the file (or `--set`) and its position there.
struct Origin: Equatable {
    var file: String
    var line: Int?
    var column: Int?

    init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(file: String, mark: Mark?) {
        self.init(file: file, line: mark?.line, column: mark?.column)
    }
}

/// The resolved YAML type of a scalar.
enum ScalarKind: Equatable {
    case string, int, float, bool, null, other
}

/// How a scalar was written, so re-emitted YAML keeps quoted strings quoted.
enum ScalarStyle: Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A YAML document tree that remembers where each node came from, independent of Yams, so that
/// documents can be merged (extends), patched (--set) and validated with positions.
struct YNode {
    enum Value {
        case scalar(text: String, kind: ScalarKind, style: ScalarStyle)
        case mapping([YEntry])
        case sequence([YNode])
    }

    var value: Value
    var origin: Origin

    init(_ value: Value, origin: Origin) {
        self.value = value
        self.origin = origin
    }

    static func null(origin: Origin) -> YNode {
        YNode(.scalar(text: "null", kind: .null, style: .plain), origin: origin)
    }

    var isNull: Bool {
        if case .scalar(_, .null, _) = value { return true }
        return false
    }

    var entries: [YEntry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    var items: [YNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The text of a non-null scalar.
    var scalarText: String? {
        if case .scalar(let text, let kind, _) = value, kind != .null { return text }
        return nil
    }

    /// The value of `key` in a mapping, or nil.
    subscript(key: String) -> YNode? {
        entries?.last(where: { $0.key == key })?.value
    }

    /// What kind of node it is, without its text: for a whole document, which may be any file
    /// (`extends: /etc/passwd`) whose contents a message must not echo.
    var kindDescription: String {
        switch value {
        case .scalar(_, let kind, _): return kind == .null ? "nothing" : "a single value (\(kind == .string || kind == .other ? "text" : "a number or a boolean"))"
        case .mapping, .sequence: return shortDescription
        }
    }

    /// A short description of what the node is, for "(got …)" in messages.
    var shortDescription: String {
        switch value {
        case .scalar(let text, let kind, _):
            switch kind {
            case .null: return "nothing"
            case .string, .other:
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                return "\"\(shown)\""
            case .int, .float, .bool: return text
            }
        case .mapping(let entries): return entries.isEmpty ? "an empty mapping" : "a mapping"
        case .sequence(let items): return items.isEmpty ? "an empty list" : "a list"
        }
    }
}

/// One key and its value in a mapping.
struct YEntry {
    var key: String
    var keyOrigin: Origin
    var value: YNode
}

// MARK: - From Yams

enum YAMLText {
    /// Yams' default encoding, read once: `Parser.Encoding.default` copies the whole process
    /// environment (for `YAMS_DEFAULT_ENCODING`) each time it is read, once per parse otherwise.
    /// (An enum without payloads, never mutated: safe to share though Yams does not mark it Sendable.)
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    /// Parses `text` into a tree; nil for an empty document. Syntax errors become
    /// ScenarioErrors in `errors`.
    static func parse(_ text: String, file: String, errors: inout [ScenarioError]) -> ParseResult {
        let node: Node?
        // Counted before Yams composes: a long chain of aliases builds a tree too deep to even
        // free (100 000 levels overflow the stack), whatever the conversion below refuses.
        let aliases = aliasUses(text)
        guard aliases <= maxAliases else {
            errors.append(ScenarioError(file: file, message: "the YAML document uses \(aliases) aliases (*name), above the limit of \(maxAliases) of a scenario or sweep file"))
            return .failed
        }
        // Tags come from a document's `!` (`!!int 5`) and from quotes (a quoted or block scalar
        // is a string). Without a `!`, a scalar is typed by ``PlainScalar`` when plain and is a
        // string otherwise, and Yams composes without resolving tags by regular expressions
        // (its `.basic` resolver): every mapping key is then a string for its duplicate check,
        // which finds every duplicate the default resolver finds (and `1` and `"1"` besides), so
        // a document with any is composed again the default way, for the same error.
        var plainTyping = !text.utf8.contains(UInt8(ascii: "!"))
        do {
            if plainTyping, let fast = try? Yams.compose(yaml: text, .basic, YNode.constructor, encoding) {
                node = fast
            } else {
                plainTyping = false
                node = try Yams.compose(yaml: text, .default, YNode.constructor, encoding)
            }
        } catch let error as YamlError {
            errors.append(syntaxError(error, file: file))
            return .failed
        } catch {
            errors.append(ScenarioError(file: file, message: "cannot read YAML: \(error)"))
            return .failed
        }
        guard let node else { return .empty }
        let before = errors.count
        var budget = Budget()
        let tree = convert(node, file: file, errors: &errors, budget: &budget, plainTyping: plainTyping)
        return errors.count == before ? .document(tree) : .failed
    }

    enum ParseResult {
        case failed
        case empty
        case document(YNode)
    }

    static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        func describe(_ context: YamlError.Context?, _ problem: String) -> String {
            if let context, !context.text.isEmpty {
                return "YAML syntax error: \(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return "YAML syntax error: \(problem)"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return ScenarioError(file: file, line: mark.line, column: mark.column, message: describe(context, problem))
        case let .reader(problem, offset, _, yaml):
            var line: Int?, column: Int?
            if let offset {
                let prefix = yaml.prefix(offset)
                line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
            }
            return ScenarioError(file: file, line: line, column: column, message: "YAML error: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return ScenarioError(file: file, line: context.mark.line > 0 ? context.mark.line : nil,
                                 column: context.mark.column > 0 ? context.mark.column : nil,
                                 message: "duplicate key \(keys) in a mapping")
        default:
            return ScenarioError(file: file, message: "YAML error: \(error)")
        }
    }

    /// The most alias uses (`*name`) a document may hold.
    static let maxAliases = 10_000

    /// An upper bound of the alias uses in `text`: every `*` that starts a token and is followed
    /// by a name character (a `*word` inside quotes counts too; it only makes the bound safer).
    static func aliasUses(_ text: String) -> Int {
        var count = 0
        var previous: UInt8 = UInt8(ascii: "\n")
        var starStarts = false
        for byte in text.utf8 {
            if starStarts, byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "*") { count += 1 }
            starStarts = byte == UInt8(ascii: "*") && [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "["),
                                                         UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(previous)
            previous = byte
        }
        return count
    }

    /// The most values a document may expand to, aliases counted each time they are used (a
    /// scenario has hundreds; a "billion laughs" document billions).
    static let maxNodes = 1_000_000
    /// The deepest nesting of a document after aliases are expanded (a scenario has 6 levels).
    static let maxDepth = 100

    /// What is left of ``maxNodes`` and ``maxDepth`` while converting one document.
    struct Budget {
        var nodes = YAMLText.maxNodes
        var depth = 0
        var exceeded = false
    }

    /// The tag of `node` as Yams' default resolver gives it; with `plainTyping` (a document
    /// without `!`, composed with the `.basic` resolver), from its style and ``PlainScalar``.
    static func tag(of node: Node, plainTyping: Bool) -> Tag.Name {
        guard plainTyping else { return Resolver.default.resolveTag(of: node) }
        switch node {
        case .scalar(let scalar): return scalar.style == .plain ? PlainScalar.tag(of: scalar.string) : .str
        case .mapping: return .map
        case .sequence: return .seq
        case .alias: return .implicit
        }
    }

    static func convert(_ node: Node, file: String, errors: inout [ScenarioError], budget: inout Budget, plainTyping: Bool = false) -> YNode {
        let origin = Origin(file: file, mark: node.mark)
        guard !budget.exceeded else { return YNode.null(origin: origin) }
        budget.nodes -= 1
        guard budget.nodes >= 0, budget.depth < maxDepth else {
            budget.exceeded = true
            let what = budget.nodes < 0 ? "more than \(maxNodes) values" : "deeper than \(maxDepth) levels"
            errors.append(ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column,
                                        message: "the YAML document expands to \(what) (aliases count each time they are used); this is the limit of a scenario or sweep file"))
            return YNode.null(origin: origin)
        }
        budget.depth += 1
        defer { budget.depth -= 1 }
        switch node {
        case .scalar(let scalar):
            let kind: ScalarKind
            switch tag(of: node, plainTyping: plainTyping) {
            case .str: kind = .string
            case .int: kind = .int
            case .float: kind = .float
            case .bool: kind = .bool
            case .null: kind = .null
            default: kind = .other
            }
            let style: ScalarStyle
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .literal: style = .literal
            case .folded: style = .folded
            default: style = .plain
            }
            return YNode(.scalar(text: scalar.string, kind: kind, style: style), origin: origin)
        case .sequence(let sequence):
            return YNode(.sequence(sequence.map { convert($0, file: file, errors: &errors, budget: &budget, plainTyping: plainTyping) }), origin: origin)
        case .mapping(let mapping):
            var merged: [YEntry] = []
            var explicit: [YEntry] = []
            for (key, value) in mapping {
                if tag(of: key, plainTyping: plainTyping) == .merge {
                    // YAML merge keys (`<<: *defaults`): the referenced mappings' entries, overridden by explicit keys.
                    let sources: [Node]
                    switch value {
                    case .mapping: sources = [value]
                    case .sequence(let items): sources = Array(items)
                    default: sources = []
                    }
                    for source in sources {
                        let converted = convert(source, file: file, errors: &errors, budget: &budget, plainTyping: plainTyping)
                        guard let entries = converted.entries else {
                            errors.append(ScenarioError(file: file, line: source.mark?.line, column: source.mark?.column,
                                                        message: "a merge key `<<` must refer to a mapping"))
                            continue
                        }
                        for entry in entries where !merged.contains(where: { $0.key == entry.key }) { merged.append(entry) }
                    }
                    continue
                }
                guard case .scalar(let keyScalar) = key else {
                    errors.append(ScenarioError(file: file, line: key.mark?.line, column: key.mark?.column,
                                                message: "mapping keys must be plain names, not a list or a mapping"))
                    continue
                }
                explicit.append(YEntry(key: keyScalar.string, keyOrigin: Origin(file: file, mark: key.mark),
                                       value: convert(value, file: file, errors: &errors, budget: &budget, plainTyping: plainTyping)))
            }
            let entries = merged.filter { m in !explicit.contains(where: { $0.key == m.key }) } + explicit
            return YNode(.mapping(entries), origin: origin)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is treated as empty.
            return YNode.null(origin: origin)
        }
    }
}

// MARK: - To YAML text

extension YNode {
    /// The document as YAML text: block style at the top, short leaf structures in flow style.
    func emitted() throws -> String {
        try Yams.serialize(node: yamsNode(depth: 0, flow: false), width: -1, allowUnicode: true)
    }

    private static let flowWidth = 76

    /// The length of the node written in flow style, or nil if it cannot be written on one line.
    private var flowLength: Int? {
        switch value {
        case .scalar(let text, _, _):
            return text.contains("\n") ? nil : text.count + 2
        case .mapping(let entries):
            var total = 2
            for entry in entries {
                guard let child = entry.value.flowLength else { return nil }
                total += entry.key.count + 2 + child + 2
            }
            return total
        case .sequence(let items):
            var total = 2
            for item in items {
                guard let child = item.flowLength else { return nil }
                total += child + 2
            }
            return total
        }
    }

    private func yamsNode(depth: Int, flow: Bool) -> Node {
        switch value {
        case .scalar(let text, let kind, let style):
            return YNode.scalarNode(text: text, kind: kind, style: style)
        case .mapping(let entries):
            let useFlow = flow || entries.isEmpty || (depth >= 2 && (flowLength ?? Int.max) <= YNode.flowWidth)
            let pairs = entries.map { entry in
                (YNode.scalarNode(text: entry.key, kind: .string, style: .plain),
                 entry.value.yamsNode(depth: depth + 1, flow: useFlow))
            }
            return Node(pairs, YNode.tag(.map), useFlow ? .flow : .block)
        case .sequence(let items):
            let useFlow = flow || items.isEmpty || (depth >= 2 && (flowLength ?? Int.max) <= YNode.flowWidth)
            return Node(items.map { $0.yamsNode(depth: depth + 1, flow: useFlow) }, YNode.tag(.seq), useFlow ? .flow : .block)
        }
    }

    /// One constructor for every tag written and every document parsed: `Constructor.default`
    /// makes a new one, with its tables, each time it is read.
    nonisolated(unsafe) static let constructor = Constructor.default

    /// A tag for an emitted node. A scalar's is never written (it is emitted as implicit); a
    /// number's or boolean's is given as it is read back, so the emitter need not resolve it.
    /// Its resolver is never asked (every tag named here is explicit, and a number is constructed
    /// from its text alone), so it is Yams' `.basic` one: naming `Resolver.default` would compile
    /// its seven regular expressions (with ICU's set-up, 9 M instructions) in every process.
    static func tag(_ name: Tag.Name) -> Tag { Tag(name, .basic, constructor) }

    /// A Yams scalar of `text` to construct a number from (`Node.Scalar(text)` would make a new
    /// `Constructor.default` for its tag).
    static func yamsScalar(_ text: String) -> Node.Scalar { Node.Scalar(text, tag(.implicit)) }

    private static func scalarNode(text: String, kind: ScalarKind, style: ScalarStyle) -> Node {
        switch kind {
        case .null:
            return Node("null", tag(.null), .plain)
        case .int:
            return Node(text, tag(.int), .plain)
        case .float:
            return Node(text, tag(.float), .plain)
        case .bool:
            return Node(text, tag(.bool), .plain)
        case .string, .other:
            var yamsStyle: Node.Scalar.Style
            switch style {
            case .plain: yamsStyle = .plain
            case .singleQuoted: yamsStyle = .singleQuoted
            case .doubleQuoted: yamsStyle = .doubleQuoted
            case .literal: yamsStyle = .literal
            case .folded: yamsStyle = .folded
            }
            if kind == .string, yamsStyle == .plain, PlainScalar.tag(of: text) != .str {
                // Written plainly it would read back as a number, a boolean or null.
                yamsStyle = .doubleQuoted
            }
            return Node(text, tag(.str), yamsStyle)
        }
    }
}
