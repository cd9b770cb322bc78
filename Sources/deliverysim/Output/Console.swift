#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analysis
import Export
import Foundation

/// What the console is: colour for tables on standard output, progress on standard error.
enum Console {
    /// Bold headers and dim notes when standard output is a terminal and `NO_COLOR` is not set.
    static var style: TextStyle {
        TextStyle.forTerminal(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// A progress line on standard error for `label`, drawn only on a terminal and without `quiet`.
    static func progress(_ label: String, quiet: Bool, delay: Double = 0.5) -> ProgressLine {
        ProgressLine(label: label, enabled: ProgressLine.shouldShow(quiet: quiet), delay: delay)
    }

    /// Columns of the terminal: `COLUMNS` if set, else the terminal's width, else 100.
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}
