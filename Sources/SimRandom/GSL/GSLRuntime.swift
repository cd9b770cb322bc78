import CGSL

/// Process-wide set-up of the GNU Scientific Library.
///
/// GSL's default error handler calls `abort()`. DeliverySim switches it off once, before the
/// first call into GSL, and validates every parameter before it reaches GSL, so that a bad
/// scenario ends in a clear error message rather than a dead process.
public enum GSLRuntime {
    /// Runs exactly once (Swift initializes static constants lazily and thread-safely).
    private static let configured: Void = {
        cgsl_disable_error_handler()
    }()

    /// Ensures GSL's aborting error handler is off. Cheap after the first call.
    @inline(__always)
    public static func configure() {
        _ = configured
    }
}
