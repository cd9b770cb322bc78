import ArgumentParser
import DeliveryModel
import Foundation
import ScenarioFile

/// `deliverysim bench scaling`: the reference pipeline's cost per item and peak memory as the
/// horizon, the organization, the value stream and the replications grow; one fresh child
/// process per row (`bench scaling-probe`), so each row's peak memory is its own.
///
/// Rows of an axis simulate about the same work (replications × scale held near constant,
/// except the replications axis), so wall times are comparable; `relative` is the row's time
/// per item over the axis's first row's: 1.00 is linear scaling. Each row is the fastest of
/// three runs (the machine may be busy), and keeps every replication's result (as `compare`
/// does), so the replications rows' peak memory shows what a kept result costs.
struct ScalingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaling",
        abstract: "Cost per item and peak memory against horizon, organization size, stages and replications (reference pipeline)."
    )

    @Option(help: "Largest replications row (30, 300, then this).") var maxReplications = 3000

    func validate() throws {
        guard (300...100_000).contains(maxReplications) else { throw ValidationError("--max-replications must be between 300 and 100000") }
    }

    func run() throws {
        let rows: [(axis: ScalingAxis, value: Int, replications: Int)] =
            [1, 5, 10, 50].map { (.horizonYears, $0, 50 / $0) }
            + [1, 10, 100].map { (.organization, $0, 100 / $0) }
            + [1, 10, 100].map { (.organizationBatched, $0, 100 / $0) }
            + [3, 10, 30, 100].map { (.stages, $0, 300 / $0) }
            + [30, 300, maxReplications].map { (.replications, $0, $0) }
        // 99 columns: reps = replications, chg/rel = changes per release, ns/item and ns/event
        // = wall time per simulated item and event, rss_MB = the row's peak resident memory.
        print("axis                 value  reps    items   events  chg/rel wall_s ns/item relative ns/event rss_MB")
        var first: [ScalingAxis: Double] = [:]
        for row in rows {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: selfExecutable())
            probe.arguments = ["bench", "scaling-probe", "--axis", row.axis.rawValue, "--value", String(row.value), "--replications", String(row.replications)]
            let pipe = Pipe()
            probe.standardOutput = pipe
            try probe.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            probe.waitUntilExit()
            var fields: [String: Double] = [:]
            for pair in output.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let kv = pair.split(separator: "=", maxSplits: 1)
                if kv.count == 2, let v = Double(kv[1]) { fields[String(kv[0])] = v }
            }
            guard probe.terminationStatus == 0, let items = fields["items"], let events = fields["events"],
                  let wall = fields["wall_s"], let rss = fields["peak_rss_kb"], let perRelease = fields["per_release"], items > 0 else {
                print("\(row.axis.rawValue) \(row.value): probe failed (exit \(probe.terminationStatus))")
                continue
            }
            let perItem = 1e9 * wall / items
            let base = first[row.axis] ?? perItem
            first[row.axis] = base
            func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
            print(row.axis.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + pad(String(row.value), 6) + pad(String(row.replications), 6) + pad(String(Int(items)), 9)
                  + pad(String(Int(events)), 9) + pad(fixed(perRelease, 0), 9) + pad(fixed(wall, 2), 7) + pad(fixed(perItem, 0), 8)
                  + pad(fixed(perItem / base, 2), 9) + pad(fixed(1e9 * wall / events, 0), 9) + pad(fixed(rss / 1024, 1), 7))
        }
    }
}

/// What a scaling row grows.
enum ScalingAxis: String, ExpressibleByArgument, CaseIterable {
    /// The horizon in years (warm-up unchanged).
    case horizonYears = "horizon_years"
    /// People of both teams, the develop WIP limit and the arrival rate, all × value. The weekly
    /// train then carries × value changes, and a release that large nearly always fails: the
    /// model does more work per change (rollbacks, incidents, redeploys), not only the engine.
    case organization
    /// As ``organization``, with releases of 34 changes (the weekly train's mean at × 1) at
    /// every size: the work per change stays the same, so the rows show the engine's own
    /// scaling (a deeper calendar, more state than the caches hold).
    case organizationBatched = "organization_batched"
    /// Stages in the value stream: the reference's three, then review steps each with its own
    /// one-person team (work gamma, mean 2 h: 40% busy).
    case stages
    /// Replications of the reference pipeline.
    case replications
}

/// `deliverysim bench scaling-probe`: one row of `bench scaling`, in its own process: prints
/// `items= events= wall_s= peak_rss_kb=`.
struct ScalingProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scaling-probe", abstract: "One row of `bench scaling`.", shouldDisplay: false)

    @Option var axis: ScalingAxis
    @Option var value: Int
    @Option var replications: Int
    @Option(help: "Times the work is repeated; the fastest is reported.") var runs = 3

    func validate() throws {
        guard (1...100_000).contains(replications) else { throw ValidationError("--replications must be between 1 and 100000") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be between 1 and 100") }
        let range = switch axis {
        case .horizonYears: 1...100
        case .organization, .organizationBatched: 1...1000
        case .stages: 3...Limits.maxStages
        case .replications: 1...100_000
        }
        guard range.contains(value) else { throw ValidationError("--value for \(axis.rawValue) must be in \(range)") }
    }

    func run() throws {
        let scenario = try ScalingProbe.scenario(axis, value)
        // Results are kept, as a comparison keeps them, so peak memory shows what each costs.
        var events = 0, items = 0, seconds = Double.infinity
        var kept: [ReplicationResult] = []
        for _ in 0..<runs {
            kept = []
            kept.reserveCapacity(replications)
            let ((e, i), s) = try measure {
                var events = 0, items = 0
                // Names shared with the first result's, as ParallelReplications keeps them.
                let plan = ReplicationPlan(scenario)
                for r in 0..<replications {
                    let result = try ScenarioRunner.run(plan, replication: r, options: RunOptions())
                    events += result.events
                    items += result.itemsArrived
                    kept.append(result)
                }
                return (events, items)
            }
            (events, items, seconds) = (e, i, min(seconds, s))
        }
        precondition(kept.count == replications)
        // Changes per deployment, the mean over the replications (0 where none deployed).
        let perRelease = kept.reduce(0.0) { $0 + ($1["changes_per_deployment"] ?? 0) } / Double(kept.count)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("items=\(items) events=\(events) per_release=\(perRelease) wall_s=\(seconds) peak_rss_kb=\(usage.ru_maxrss)")
    }

    /// The reference pipeline grown along `axis` to `value`.
    static func scenario(_ axis: ScalingAxis, _ value: Int) throws -> Scenario {
        switch axis {
        case .replications:
            return try ReferencePipeline.load(nil)
        case .horizonYears:
            return try ReferencePipeline.load(nil, overrides: ["horizon=\(value * 365)d"])
        case .organization, .organizationBatched:
            return try ReferencePipeline.load(nil, overrides: [
                "teams.dev.people=\(5 * value)", "teams.qa.people=\(2 * value)", "stages.develop.wip_limit=\(6 * value)",
                "demand.arrivals={exponential: {mean: \(5.0 / Double(value))h}}",
            ] + (axis == .organizationBatched ? ["release.policy={batch: {size: 34}}"] : []))
        case .stages:
            // Generated names only (step-3 …): no input text goes into this YAML.
            let extra = value - 3
            var text = ReferencePipeline.yaml
            let teams = (0..<extra).map { "  step-\($0 + 3): {people: 1}\n" }.joined()
            let stages = (0..<extra).map { "  - {name: step-\($0 + 3), team: step-\($0 + 3), work: {gamma: {shape: 2, mean: 2h}}}\n" }.joined()
            text = text.replacingOccurrences(of: "  qa:  {people: 2}\n", with: "  qa:  {people: 2}\n" + teams)
            text = text.replacingOccurrences(of: "tests:\n", with: stages + "tests:\n")
            return try ScenarioLoader.load(yaml: text, path: "<\(ReferencePipeline.name) with \(value) stages>").scenario
        }
    }
}
