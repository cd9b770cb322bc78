import Foundation

/// Runs independent pieces of set-up (loading the scenarios of a comparison, say) on worker
/// threads, so that the serial part before the replications shrinks with the cores.
public enum ParallelMap {
    /// `body(i)` for every i in `0..<count` on up to `jobs` threads; the results in index order,
    /// whatever order they finish in (the output does not depend on `jobs`). The workers are
    /// ``ParallelReplications/map(count:jobs:progress:stop:_:)``'s.
    public static func map<T>(_ count: Int, jobs: Int = ParallelReplications.defaultJobs, _ body: (Int) -> T) -> [T] {
        precondition(count >= 0 && jobs >= 1, "count must not be negative and jobs must be at least 1")
        if min(jobs, count) <= 1 { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            // Neither the body nor a stop request (none is passed) can make the workers throw.
            let boxes = try? ParallelReplications.map(count: count, jobs: jobs) { i in UncheckedBox(shared.value(i)) }
            return boxes!.map(\.value)
        }
    }
}

/// A closure handed to the workers, or a result handed back: each worker only calls the
/// closure with its own indices, and each result is read once all workers are done.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
