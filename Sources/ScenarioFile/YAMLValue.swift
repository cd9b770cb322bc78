import Yams

/// A YAML document built in code, written through Yams' emitter: mappings keep their order, and
/// each mapping or list says whether it is written in block or flow (`{a: 1}`) style.
public indirect enum YAMLValue: Sendable {
    /// Written without quotes where YAML allows it: numbers, durations (`4h`), file names.
    case plain(String)
    /// Text from data (names, descriptions): plain when it is a simple word (letters, digits,
    /// `_` and `-`, not starting with a digit) that reads back as the same string, otherwise
    /// double-quoted.
    case string(String)
    /// Keys are written as ``string(_:)`` values.
    case mapping([(key: String, value: YAMLValue)], flow: Bool = false)
    case sequence([YAMLValue], flow: Bool = false)

    /// The document as YAML text, after `comments` (one `# ` line per line of each).
    public func document(comments: [String] = []) throws -> String {
        let header = comments.flatMap { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }.map { "# \($0)\n" }.joined()
        return header + (try Yams.serialize(node: node, width: -1, allowUnicode: true))
    }

    private var node: Node {
        switch self {
        case .plain(let text):
            return Node(text, Tag(.implicit), .plain)
        case .string(let text):
            return YAMLValue.stringNode(text)
        case .mapping(let pairs, let flow):
            return Node(pairs.map { (YAMLValue.stringNode($0.key), $0.value.node) }, Tag(.map), flow ? .flow : .block)
        case .sequence(let items, let flow):
            return Node(items.map(\.node), Tag(.seq), flow ? .flow : .block)
        }
    }

    private static func stringNode(_ text: String) -> Node {
        let word = !text.isEmpty && !text.first!.isNumber && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let plain = word && PlainScalar.tag(of: text) == .str
        return Node(text, Tag(.str), plain ? .plain : .doubleQuoted)
    }
}
