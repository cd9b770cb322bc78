import Foundation

extension ParallelReplications {
    /// `body(0) … body(count − 1)` on `jobs` workers; `results[i]` is `body(i)` whatever the
    /// number of workers (each index's work must depend only on the index). Throws the error of
    /// the smallest failing index, as a serial run would; once one fails no new index starts.
    /// `progress` is told after each index; with `stop` requested no new index starts and
    /// ``StopRequested`` is thrown.
    public static func map<T: Sendable>(count: Int, jobs: Int, progress: Progress? = nil, stop: StopRequest? = nil,
                                        _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        precondition(count >= 0 && jobs >= 1)
        let slots = Slots<T>(count)
        @Sendable func work() {
            while !(stop?.isRequested ?? false), let i = slots.take() {
                slots.store(i, Result { try body(i) })
                if let progress { progress(slots.finish(), count) }
            }
        }
        let workers = min(jobs, count)
        if workers <= 1 { work() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in work() } }
        return try slots.results(stopped: stop?.isRequested ?? false)
    }

    /// A stop was requested before every index ran.
    public struct StopRequested: Error, Sendable {}
}

/// Index counter and result slots; every access holds the lock.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0, done = 0
    private var slots: [Result<T, any Error>?]
    private var failed = Int.max

    init(_ count: Int) { slots = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.withLock {
            guard failed == .max, next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish() -> Int { lock.withLock { done += 1; return done } }

    func store(_ i: Int, _ result: Result<T, any Error>) {
        lock.withLock {
            slots[i] = result
            if case .failure = result { failed = min(failed, i) }
        }
    }

    func results(stopped: Bool) throws -> [T] {
        try lock.withLock {
            var out: [T] = []
            out.reserveCapacity(slots.count)
            for slot in slots {
                switch slot {
                case .success(let value): out.append(value)
                case .failure(let error): throw error
                case nil: throw ParallelReplications.StopRequested()
                }
            }
            return out
        }
    }
}
