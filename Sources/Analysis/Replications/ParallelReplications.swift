import DeliveryModel
import Foundation

/// Runs replications of one or several scenarios on worker threads, deterministically.
///
/// Replication r of a scenario depends only on (scenario, r): it builds its own model and its
/// own random streams (named by the scenario's seed, r and purpose) inside the task that runs it.
/// Results are stored by (scenario, replication) index, so the output is identical to a serial
/// run whatever the number of workers and whatever order they finish in. Workers take the next
/// (scenario, replication) from a shared counter, so a slow scenario does not leave a core idle.
public enum ParallelReplications {
    /// Worker threads when none are asked for: the cores this process may use, read once (the
    /// command line's options evaluate their default several times while parsing).
    public static let defaultJobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Told (replications done, total) after every finished replication, from the worker
    /// thread that finished it; calls may overlap and arrive out of order, `done` never repeats.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Runs replications `0..<replications` of every scenario (each with its own seed, as set)
    /// on `jobs` workers; `results[s][r]` is replication r of `scenarios[s]`.
    ///
    /// Throws ``ReplicationFailure`` for the first failing (scenario, replication) in index
    /// order — the same one a serial run would report: once a task fails no new task starts,
    /// but every task with a smaller index has already started and is finished first.
    public static func run(_ scenarios: [Scenario], replications: Int, jobs: Int = defaultJobs,
                           maxEvents: Int = .max) throws -> [[ReplicationResult]] {
        try run(scenarios, replications: replications, jobs: jobs, options: RunOptions(maxEvents: maxEvents))
    }

    /// Runs replications as above, each recording what `options` asks for (flow snapshots, item
    /// records, the event budget); the results do not depend on `jobs`. `progress` is told after
    /// every replication.
    ///
    /// Units run replication by replication (every scenario's replication 0, then 1, …; within
    /// a replication, scenarios with longer horizons first), so that
    /// when `stop` is requested — no new unit starts, those in flight finish — the scenarios have
    /// completed nearly the same replications; ``RunInterrupted`` then carries replications
    /// `0..<k` of every scenario, k being the most that all of them completed.
    ///
    /// `scenarioDone` is told on the worker that finished a scenario's last replication, with
    /// that scenario's results in replication order, while the other workers go on with the
    /// remaining replications: work that needs a whole scenario (its summaries) is done there
    /// rather than after the last replication of all.
    public static func run(_ scenarios: [Scenario], replications: Int, jobs: Int = defaultJobs,
                           options: RunOptions, progress: Progress? = nil, stop: StopRequest? = nil,
                           scenarioDone: ScenarioDone? = nil) throws -> [[ReplicationResult]] {
        precondition(replications >= 0, "replications must not be negative")
        let n = scenarios.count
        // Within a round, the longest horizons first: the round's (and the run's) last units
        // are then the shortest, so the workers finish closer together. Results go by scenario
        // and replication, whatever the order.
        let order = scenarios.indices.sorted { (scenarios[$0].horizon, $1) > (scenarios[$1].horizon, $0) }
        var position = Array(repeating: 0, count: n)
        for (k, s) in order.enumerated() { position[s] = k }
        let units = (0..<replications).flatMap { r in order.map { (scenario: $0, replication: r) } }
        let slots = try runAllowingStop(units: units, of: scenarios, jobs: jobs, options: options, progress: progress, stop: stop,
                                        scenarioDone: scenarioDone)
        let byScenario = (0..<n).map { s in (0..<replications).map { r in slots[r * n + position[s]] } }
        if slots.contains(where: { $0 == nil }) {
            let k = byScenario.map { $0.prefix { $0 != nil }.count }.min() ?? 0
            throw RunInterrupted(completed: k, results: byScenario.map { $0.prefix(k).map { $0! } })
        }
        return byScenario.map { $0.map { $0! } }
    }

    /// Runs the given (scenario index, replication) units — a shard of a sweep, say — on `jobs`
    /// workers; `results[i]` belongs to `units[i]`, whatever the number of workers.
    /// `scenarioDone` is told, as above, once every unit of a scenario in `units` is done (its
    /// results in the order of `units`).
    public static func run(units: [(scenario: Int, replication: Int)], of scenarios: [Scenario], jobs: Int = defaultJobs,
                           options: RunOptions, progress: Progress? = nil, scenarioDone: ScenarioDone? = nil) throws -> [ReplicationResult] {
        try runAllowingStop(units: units, of: scenarios, jobs: jobs, options: options, progress: progress, stop: nil,
                            scenarioDone: scenarioDone).map { $0! }
    }

    /// Told (scenario index, its results) when the last of a scenario's units is done, on the
    /// worker thread that did it; never told of a scenario with a failed or unstarted unit.
    public typealias ScenarioDone = @Sendable (_ scenario: Int, _ results: [ReplicationResult]) -> Void

    /// The units' results, nil for those not started because `stop` was requested.
    static func runAllowingStop(units: [(scenario: Int, replication: Int)], of scenarios: [Scenario], jobs: Int,
                                options: RunOptions, progress: Progress?, stop: StopRequest?,
                                scenarioDone: ScenarioDone? = nil) throws -> [ReplicationResult?] {
        precondition(jobs >= 1, "jobs must be at least 1")
        let total = units.count
        let board = Board(total: total, scenarioOfUnit: scenarioDone == nil ? nil : units.map(\.scenario), scenarios: scenarios.count)
        // Per scenario, what its replications share (their metric names, learned once).
        let plans = scenarios.map(ReplicationPlan.init)
        @Sendable func work() {
            while !(stop?.isRequested ?? false), let index = board.take() {
                let (s, r) = units[index]
                var done: [ReplicationResult]?
                do {
                    let result = try ScenarioRunner.run(plans[s], replication: r, options: options)
                    done = board.store(index, .success(result))
                } catch {
                    let failure = ReplicationFailure(scenario: scenarios[s].name, scenarioIndex: s, replication: r,
                                                     message: String(describing: error))
                    _ = board.store(index, .failure(failure))
                }
                if let done, let scenarioDone { scenarioDone(s, done) }
                if let progress { progress(board.finish(), total) }
            }
        }
        let workers = min(jobs, total)
        if workers <= 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        return try board.finished()
    }
}

/// A replication that could not be completed (an event budget exceeded, say).
public struct ReplicationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failing scenario's name and its position in the run.
    public var scenario: String
    public var scenarioIndex: Int
    public var replication: Int
    /// What the replication reported.
    public var message: String

    public var description: String { "scenario `\(scenario)`: \(message)" }
}

/// The shared task counter and result slots; every access holds the lock.
private final class Board: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var next = 0
    private var done = 0
    private var slots: [ReplicationResult?]
    private var failure: (index: Int, error: ReplicationFailure)?
    /// With a `scenarioDone`: each unit's scenario, each scenario's units in order, and how many
    /// of them are still to finish.
    private let scenarioOfUnit: [Int]?
    private var unitsOfScenario: [[Int]] = []
    private var remaining: [Int] = []

    init(total: Int, scenarioOfUnit: [Int]? = nil, scenarios: Int = 0) {
        self.total = total
        slots = Array(repeating: nil, count: total)
        self.scenarioOfUnit = scenarioOfUnit
        if let scenarioOfUnit {
            unitsOfScenario = Array(repeating: [], count: scenarios)
            for (unit, s) in scenarioOfUnit.enumerated() { unitsOfScenario[s].append(unit) }
            remaining = unitsOfScenario.map(\.count)
        }
    }

    /// The next task, or nil when all are handed out or one has failed.
    func take() -> Int? {
        lock.withLock {
            guard failure == nil, next < total else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Counts one more finished task and returns the count.
    func finish() -> Int {
        lock.withLock {
            done += 1
            return done
        }
    }

    /// Stores a unit's outcome; returns its scenario's results (in unit order) when it was the
    /// scenario's last unit to finish and all of them succeeded (only with `scenarioOfUnit`).
    func store(_ index: Int, _ outcome: Result<ReplicationResult, ReplicationFailure>) -> [ReplicationResult]? {
        lock.withLock {
            switch outcome {
            case .success(let result):
                slots[index] = result
                guard let s = scenarioOfUnit?[index] else { return nil }
                remaining[s] -= 1
                guard remaining[s] == 0, failure == nil else { return nil }
                return unitsOfScenario[s].map { slots[$0]! }
            case .failure(let error):
                // Keep the failure with the smallest index: the one a serial run meets first.
                if index < failure?.index ?? .max { failure = (index, error) }
                return nil
            }
        }
    }

    /// Every result in index order (nil for a task never started), or the first failure.
    func finished() throws(ReplicationFailure) -> [ReplicationResult?] {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure.error }
        return slots
    }
}
