/// Word wrapping for notes and headings, so that no line of a view is wider than the terminal.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` characters, the lines after the
    /// first indented by `indent` spaces (`firstIndent` before the first). A word longer than a
    /// line is cut. Existing line breaks are kept. Ends without a newline.
    public static func wrap(_ text: String, width: Int, firstIndent: Int = 0, indent: Int = 0) -> String {
        let width = max(width, indent + 8, firstIndent + 8)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(repeating: " ", count: firstIndent)
            var empty = true
            let pad = String(repeating: " ", count: indent)
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !empty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = pad
                    empty = true
                }
                while (empty ? line.count : line.count + 1) + word.count > width {
                    // A word longer than a whole line: cut it.
                    let room = width - line.count - (empty ? 0 : 1)
                    line += (empty ? "" : " ") + word.prefix(room)
                    lines.append(line)
                    word = word.dropFirst(room)
                    line = pad
                    empty = true
                }
                guard !word.isEmpty else { continue }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(line)
        }
        return lines.map { l in var l = l; while l.hasSuffix(" ") { l.removeLast() }; return l }.joined(separator: "\n")
    }

    /// `text` shortened to `width` characters, ending in "…" when cut.
    public static func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}
