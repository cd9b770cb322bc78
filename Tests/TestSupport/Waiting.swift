import Foundation

/// Polls `condition` until it holds; throws a ``TestFailure`` naming `what` if it still does not
/// after `timeout` seconds (generous: a slow machine must not fail, a broken program must not hang
/// the suite).
public func waitUntil(_ what: String, timeout: TimeInterval = 120, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { throw TestFailure("gave up after \(Int(timeout)) s waiting for \(what)") }
        usleep(5_000)
    }
}
