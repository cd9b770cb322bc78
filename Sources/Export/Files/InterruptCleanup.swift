#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Analysis

/// Removes registered staging folders when the process is interrupted (SIGINT, SIGTERM, SIGHUP),
/// then exits with 128 + the signal's number, as the shell reports a death by that signal.
/// SIGKILL cannot be caught: a staging folder it leaves behind is hidden (`.NAME.partial-…`) and
/// never mistaken for a result.
public enum InterruptCleanup {
    private static let state = State()

    /// Registers `path` for removal on interruption, installing the handlers the first time.
    public static func register(_ path: String) {
        state.lock.withLock { _ = state.paths.insert(path) }
        installHandlers()
    }

    /// Installs the handlers (once) without a folder to remove: for a graceful stop that prints
    /// what was completed.
    public static func installHandlers() {
        state.lock.withLock {
            guard state.sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: state.queue)
                source.setEventHandler { interrupted(sig) }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// Forgets `path` (committed or already removed).
    public static func unregister(_ path: String) {
        state.lock.withLock { _ = state.paths.remove(path) }
    }

    /// Makes the first interruption a request to stop (``StopRequest/shared``): replications in
    /// flight finish and the command saves what was completed; a second one exits at once.
    public static func stopGracefully() {
        state.lock.withLock { state.graceful = true }
    }

    /// Ends the graceful mode: from now on (the replications are done, the results are being
    /// written) an interruption removes the registered folders and exits at once.
    public static func stopAtOnce() {
        state.lock.withLock { state.graceful = false }
    }

    private static func interrupted(_ sig: Int32) {
        let graceful = state.lock.withLock { () -> Bool in
            defer { state.graceful = false }
            return state.graceful
        }
        if graceful && !StopRequest.shared.isRequested {
            StopRequest.shared.request(signal: sig)
            FileHandle.standardError.write(Data("\ninterrupted: finishing the replications in flight, then saving or showing the completed ones (interrupt again to quit at once)\n".utf8))
            return
        }
        let paths = state.lock.withLock { state.paths }
        let left = paths.filter { !remove($0) }
        let message = paths.isEmpty ? "\ninterrupted\n"
            : left.isEmpty ? "\ninterrupted: the unfinished output folder was removed\n"
            : "\ninterrupted: could not remove \(left.sorted().joined(separator: ", ")) (a later run with the same --out removes it)\n"
        FileHandle.standardError.write(Data(message.utf8))
        exit(128 + sig)
    }

    /// Removes the folder `path`, first renaming it to `PATH.removing` so that writers still
    /// running cannot add files to it while it is removed; true if it is gone.
    @discardableResult
    public static func remove(_ path: String) -> Bool {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return true }
        let doomed = rename(path, path + ".removing") == 0 ? path + ".removing" : path
        for _ in 0..<5 {
            try? manager.removeItem(atPath: doomed)
            if !manager.fileExists(atPath: doomed) { return true }
            usleep(20_000)
        }
        return false
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        let queue = DispatchQueue(label: "deliverysim.interrupt-cleanup")
        var paths: Set<String> = []
        var graceful = false
        var sources: [DispatchSourceSignal] = []
    }
}
