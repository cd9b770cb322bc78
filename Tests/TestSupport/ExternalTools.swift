import Foundation

/// True on CI (`CI` set and not empty), where the optional tools must be there: `.ci/run`
/// installs Chromium, util-linux's `script`, python3 and the notebook's Python packages.
public var onCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

/// Whether a test that needs an optional tool should run: where the tool is there, and always on
/// CI, where the test then fails on the missing tool instead of being skipped. Use it as
/// `@Test(.enabled(if: runsWith(ExternalTools.chromium), "…"))` and `try #require` the tool in
/// the body.
public func runsWith(_ tool: String?) -> Bool { tool != nil || onCI }

/// The optional external programs some tests use.
public enum ExternalTools {
    /// Headless Chromium (Debian's `chromium`), for the report's screenshot.
    public static var chromium: String? { which("chromium") ?? which("chromium-browser") ?? which("google-chrome") }

    /// `python3`.
    public static var python3: String? { which("python3") }

    /// `python3`, if it can import `modules`.
    public static func python3(importing modules: [String]) -> String? {
        guard let python = which("python3"),
              let result = try? runProcess(python, ["-c", "import " + modules.joined(separator: ", ")]),
              result.status == 0 else { return nil }
        return python
    }

    /// util-linux's `script`, which gives a command a terminal.
    public static var script: String? { which("script") }
}
