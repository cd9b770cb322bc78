#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif
import CFileSync
import Foundation

/// Why an export could not be written.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The output folder was refused before anything ran (a usage error, exit 2), rather than a
    /// failure to write (exit 1).
    public var isRefusal: Bool
    public init(_ message: String, refusal: Bool = false) {
        self.message = message
        isRefusal = refusal
    }
    public var description: String { message }
}

/// Writing a file so that readers see either the old file or the whole new one, never a part.
public enum AtomicFile {
    /// When a written file reaches the disk.
    public enum Flush: Sendable {
        /// Before ``AtomicFile/write(_:to:flush:)`` returns (fsync(2) before the rename).
        case now
        /// Its write-back is started, and the caller flushes it (``AtomicFile/flush(_:)``)
        /// before anyone can see it: the files of a ``StagedFolder``, which appear together.
        case byCaller
    }

    /// Writes `data` to a new temporary file beside `path` (`.NAME.tmp-PID-UUID`), flushes it to
    /// disk (or, with `flush: .byCaller`, starts to), and renames it over `path` (rename(2)
    /// within one folder is atomic). On any failure the temporary file is removed and `path` is
    /// left as it was.
    public static func write(_ data: Data, to path: String, flush: Flush = .now) throws(ExportError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UUID().uuidString)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportError("cannot create \(temporary): \(errorText())") }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(errorText())"
                    return
                }
                offset += n
            }
        }
        if failure == nil {
            switch flush {
            case .now:
                if fsync(fd) != 0 { failure = "cannot flush \(temporary): \(errorText())" }
            case .byCaller:
                // Only a head start for the caller's fsync: if it fails, that fsync still writes.
                _ = cfilesync_start_writeback(fd)
            }
        }
        if close(fd) != 0 && failure == nil { failure = "cannot close \(temporary): \(errorText())" }
        if failure == nil && rename(temporary, path) != 0 { failure = "cannot rename \(temporary) to \(path): \(errorText())" }
        if let failure {
            unlink(temporary)
            throw ExportError(failure)
        }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws(ExportError) {
        try write(Data(text.utf8), to: path)
    }

    /// Flushes the file or folder at `path` to disk (fsync(2) through a new descriptor: it
    /// writes whatever any descriptor left dirty).
    public static func flush(_ path: String) throws(ExportError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ExportError("cannot open \(path) to flush it: \(errorText())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ExportError("cannot flush \(path): \(errorText())") }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
