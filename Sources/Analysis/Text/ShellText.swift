import Foundation

/// Words for a POSIX shell (`sh`, `bash`), read back exactly as given.
public enum ShellText {
    /// `word` in single quotes (a `'` inside as `'\''`), whatever it holds.
    public static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The arguments as one line a POSIX shell reads back the same: words with anything but
    /// `A-Za-z0-9_./=:,+-@%` single-quoted.
    public static func line(_ arguments: [String]) -> String {
        arguments.map { word in
            !word.isEmpty && word.allSatisfy({ safe.contains($0) }) ? word : quoted(word)
        }.joined(separator: " ")
    }

    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,+-@%")
}
