#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A program running in the background, its standard output discarded (or written to
/// `stdoutTo`, a file created for it) and its standard error
/// collected as it comes — through a pipe, or through a pseudo-terminal (`terminal: true`) so that
/// the program sees a terminal on standard error (and draws its progress line there).
public final class LaunchedProcess: @unchecked Sendable {
    public let process = Process()
    private let collected = DataBox()
    private let reader: FileHandle
    private let done = DispatchSemaphore(value: 0)

    public init(_ executable: String, _ arguments: [String], stderrOnTerminal terminal: Bool = false, stdoutTo file: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        if let file {
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: file)
        }
        var childEnd: FileHandle?
        if terminal {
            let (master, slave) = try Self.openTerminal()
            reader = FileHandle(fileDescriptor: master, closeOnDealloc: true)
            childEnd = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
            process.standardError = childEnd
        } else {
            let pipe = Pipe()
            reader = pipe.fileHandleForReading
            process.standardError = pipe
        }
        try process.run()
        try childEnd?.close()  // the child has its copy; the master then ends when the child does
        let reader = reader, collected = collected, done = done
        Thread.detachNewThread {
            let fd = reader.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 {
                    collected.append(Data(buffer[0..<n]))
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    break  // end of the pipe, or EIO from a terminal whose other side closed
                }
            }
            done.signal()
        }
    }

    /// What the program wrote to standard error so far.
    public var stderr: String { collected.text }

    public var processIdentifier: Int32 { process.processIdentifier }

    /// Sends SIGINT, as Ctrl-C does.
    public func interrupt() { process.interrupt() }

    /// Waits until standard error contains `text`.
    public func waitForStderr(containing text: String, timeout: TimeInterval = 120) throws {
        try waitUntil("`\(text)` on standard error (so far: \(stderr.suffix(300).debugDescription))", timeout: timeout) {
            if stderr.contains(text) { return true }
            if !process.isRunning {
                _ = done.wait(timeout: .now() + 5)  // what is still in the pipe
                if stderr.contains(text) { return true }
                throw TestFailure("the program exited (\(process.terminationStatus)) without writing `\(text)`; standard error: \(stderr.suffix(2000).debugDescription)")
            }
            return false
        }
    }

    /// Waits for the program to exit and for its standard error to be read to the end; returns
    /// its exit status. On timeout it kills the program and throws.
    @discardableResult
    public func waitForExit(timeout: TimeInterval = 120) throws -> Int32 {
        do {
            try waitUntil("the program to exit", timeout: timeout) { !process.isRunning }
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
        process.waitUntilExit()
        _ = done.wait(timeout: .now() + 10)
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// A new pseudo-terminal: (master, slave) file descriptors.
    private static func openTerminal() throws -> (Int32, Int32) {
        let master = Terminal.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, Terminal.grantpt(master) == 0, Terminal.unlockpt(master) == 0, let name = Terminal.ptsname(master) else {
            throw TestFailure("cannot open a pseudo-terminal (errno \(errno))")
        }
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw TestFailure("cannot open \(String(cString: name)) (errno \(errno))") }
        return (master, slave)
    }
}

/// The C library's pseudo-terminal functions (Swift's Glibc module does not import them:
/// they are declared only with _XOPEN_SOURCE, so they are looked up by name there).
private enum Terminal {
    #if os(Linux)
    typealias IntFunction = @convention(c) (Int32) -> Int32
    typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func symbol<T>(_ name: String, as type: T.Type) -> T {
        guard let pointer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in the C library") }
        return unsafeBitCast(pointer, to: type)
    }

    static let openpt = symbol("posix_openpt", as: IntFunction.self)
    static let grantpt = symbol("grantpt", as: IntFunction.self)
    static let unlockpt = symbol("unlockpt", as: IntFunction.self)
    static let ptsname = symbol("ptsname", as: NameFunction.self)
    #else
    static func openpt(_ flags: Int32) -> Int32 { posix_openpt(flags) }
    static func grantpt(_ fd: Int32) -> Int32 { Darwin.grantpt(fd) }
    static func unlockpt(_ fd: Int32) -> Int32 { Darwin.unlockpt(fd) }
    static func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>? { Darwin.ptsname(fd) }
    #endif
}
