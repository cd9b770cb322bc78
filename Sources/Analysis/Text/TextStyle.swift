/// Terminal styling for console tables: bold headers and dim notes through ANSI SGR codes, or
/// nothing at all. Widths are computed on the plain text and the codes wrapped around whole
/// lines afterwards, so columns stay aligned either way.
public struct TextStyle: Sendable, Equatable {
    /// Whether escape codes are written.
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// No escape codes (files, pipes, `NO_COLOR`, tests).
    public static let plain = TextStyle(enabled: false)
    /// Bold and dim.
    public static let ansi = TextStyle(enabled: true)

    /// Colour only when the output is a terminal and `NO_COLOR` is not set to a non-empty value
    /// (<https://no-color.org>).
    public static func forTerminal(isTerminal: Bool, environment: [String: String]) -> TextStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TextStyle(enabled: isTerminal && !noColor)
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    /// Styles each line of `text` on its own (a code never spans a line break).
    private func wrap(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "\u{1B}[\(code)m\($0)\u{1B}[0m" }
            .joined(separator: "\n")
    }
}
