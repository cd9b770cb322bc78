import Yams

extension YNode {
    /// The node as one line of YAML flow text, the form a `--set` value takes: plain scalars
    /// where they read back the same, otherwise double-quoted; quoted scalars stay quoted.
    var flowText: String {
        switch value {
        case .scalar(let text, let kind, let style):
            if kind == .null { return "null" }
            let quoted = style == .singleQuoted || style == .doubleQuoted
            return quoted || !YNode.plainInFlow(text) ? YNode.doubleQuoted(text) : text
        case .mapping(let entries):
            return "{" + entries.map { "\(YNode.flowKey($0.key)): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        case .sequence(let items):
            return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        }
    }

    /// A mapping key: plain if it reads back as the same string, otherwise double-quoted.
    private static func flowKey(_ key: String) -> String {
        plainInFlow(key) && PlainScalar.tag(of: key) == .str ? key : doubleQuoted(key)
    }

    /// True if `text` can be written unquoted inside a flow collection and reads back the same.
    static func plainInFlow(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != " ", last != " " else { return false }
        if "?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if first == "-" && (text.count == 1 || text.dropFirst().first == " ") { return false }
        if text.contains(where: { ",[]{}\n\r\t".contains($0) }) { return false }
        return !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
    }

    private static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}
