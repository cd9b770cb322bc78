#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A one-line progress report on standard error for long runs: `label: 120/240 replications
/// (50%), 0:04 elapsed, ETA 0:04`, redrawn in place with a carriage return and erased at the end.
///
/// It draws only when enabled — standard error is a terminal and `--quiet` was not given — and
/// only once the run has taken longer than `delay` seconds, at most every `interval` seconds, so
/// short runs, pipes, files and CI logs get nothing at all. Safe to update from several threads.
public final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let output: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double
    private let delay: Double
    private let interval: Double
    private let lock = NSLock()
    private let start: Double
    private var lastDraw = -Double.infinity
    private var drawn = false

    /// `output` receives the text to write (standard error by default), `clock` gives seconds.
    public init(label: String, enabled: Bool, delay: Double = 0.5, interval: Double = 0.1,
                output: @escaping @Sendable (String) -> Void = ProgressLine.standardError,
                clock: @escaping @Sendable () -> Double = ProgressLine.monotonicSeconds) {
        self.label = label
        self.enabled = enabled
        self.output = output
        self.clock = clock
        self.delay = delay
        self.interval = interval
        start = clock()
    }

    /// Whether progress should be shown: `stderr` is a terminal and not `quiet`.
    public static func shouldShow(quiet: Bool, isTerminal: Bool = isatty(2) == 1) -> Bool { !quiet && isTerminal }

    /// Reports `done` of `total` replications finished.
    public func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let now = clock()
            let elapsed = now - start
            guard elapsed >= delay, now - lastDraw >= interval || done == total else { return }
            lastDraw = now
            drawn = true
            var text = "\(label): \(done)/\(total) replications (\(done * 100 / total)%), \(Self.duration(elapsed)) elapsed"
            if done > 0 && done < total { text += ", ETA \(Self.duration(elapsed / Double(done) * Double(total - done)))" }
            output("\r" + text + "\u{1B}[K")
        }
    }

    /// Reports work on `item`, step `step` of `total` (the files of an export): `label: writing
    /// items.csv (3/7), 0:02 elapsed`. Drawn once `delay` has passed, like ``update(done:total:)``.
    public func update(step: Int, of total: Int, item: String) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let now = clock()
            guard now - start >= delay else { return }
            lastDraw = now
            drawn = true
            output("\r\(label): writing \(item) (\(step)/\(total)), \(Self.duration(now - start)) elapsed\u{1B}[K")
        }
    }

    /// Erases the line, if one was drawn.
    public func finish() {
        lock.withLock {
            if drawn { output("\r\u{1B}[K") }
            drawn = false
        }
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    public static func duration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }

    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    public static let monotonicSeconds: @Sendable () -> Double = {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
