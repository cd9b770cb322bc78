import Foundation

/// Runs independent pieces of set-up (loading the scenarios of a comparison, say) on worker
/// threads, so that the serial part before the replications shrinks with the cores.
public enum ParallelMap {
    /// `body(i)` for every i in `0..<count` on up to `jobs` threads; the results in index order,
    /// whatever order they finish in (the output does not depend on `jobs`).
    public static func map<T>(_ count: Int, jobs: Int = ParallelReplications.defaultJobs, _ body: (Int) -> T) -> [T] {
        precondition(count >= 0 && jobs >= 1, "count must not be negative and jobs must be at least 1")
        let workers = min(jobs, count)
        if workers <= 1 { return (0..<count).map(body) }
        let slots = Slots<T>(count)
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = slots.take() { slots.store(i, shared.value(i)) }
            }
        }
        return slots.results()
    }
}

/// A closure handed to the workers: they only call it, each with its own indices.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The next index to take and the results by index; every access holds the lock.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var values: [T?]

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.withLock {
            guard next < values.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ i: Int, _ value: T) { lock.withLock { values[i] = value } }

    func results() -> [T] { lock.withLock { values.map { $0! } } }
}
