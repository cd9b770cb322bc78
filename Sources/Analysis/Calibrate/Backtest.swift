import DeliveryModel
import Foundation
import SimStats

/// The calibrated scenario simulated and set beside the data it came from: throughput, lead
/// time percentiles, work in process, time in each stage and the four keys, each observed value
/// against the 95% prediction interval of one replication (so "inside" means the data looks like
/// one more run of the model), and a two-sample Kolmogorov–Smirnov test of the lead times.
public struct Backtest: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var unit: String
        public var observed: Double?
        public var simulatedMean: Double
        /// 95% prediction interval of one replication's value: mean ± t(0.975, n−1) · s · √(1 + 1/n).
        public var low: Double, high: Double
        public var inside: Bool? { observed.map { $0 >= low && $0 <= high } }
    }

    public var rows: [Row]
    public var replications: Int
    public var ks: KolmogorovSmirnov?

    /// Simulates `scenario` (its replications, recording items for the lead-time test) and
    /// compares it with `data` (and the deployment log, if any).
    public static func run(_ scenario: Scenario, data: StreamCalibration, log: DeliveryLog?, jobs: Int = ParallelReplications.defaultJobs) throws -> Backtest {
        let results = try ParallelReplications.run([scenario], replications: scenario.replications, jobs: jobs,
                                                   options: RunOptions(recordItems: true))[0]
        func interval(_ metric: String) -> (Double, Double, Double)? {
            let values = results.compactMap { $0[metric] }
            guard values.count >= 2, let ci = ConfidenceInterval(values) else { return nil }
            let spread = ci.halfWidth * Double(values.count + 1).squareRoot()  // s·t·√n·√(1 + 1/n)
            return (ci.mean, ci.mean - spread, ci.mean + spread)
        }
        var rows: [Row] = []
        func add(_ name: String, _ unit: String, _ metric: String, _ observed: Double?) {
            guard let (mean, low, high) = interval(metric) else { return }
            rows.append(Row(name: name, unit: unit, observed: observed, simulatedMean: mean, low: low, high: high))
        }
        let lead = data.leadTimes.sorted()
        // Throughput as the model measures it: after a warm-up of the same length (the data starts
        // as empty as the model does, or nearly), up to the last arrival (a history cut off after it
        // winds down).
        let start = data.from + scenario.warmup, end = min(data.to, data.created.last ?? data.to)
        let observedThroughput = end - start >= 168
            ? Double(data.doneTimes.filter { $0 >= start && $0 <= end }.count) / ((end - start) / 168) : data.throughputPerWeek
        add("throughput per week", "/week", "throughput_per_week", observedThroughput)
        add("lead time p50", "h", "lead_time_hours.p50", lead.isEmpty ? nil : SampleSummary.quantile(lead, 0.5))
        add("lead time p85", "h", "lead_time_hours.p85", lead.isEmpty ? nil : SampleSummary.quantile(lead, 0.85))
        add("lead time p95", "h", "lead_time_hours.p95", lead.isEmpty ? nil : SampleSummary.quantile(lead, 0.95))
        add("WIP (items in the stages)", "items", "wip", data.wipAverage)
        for stage in data.stages {
            add("time in \(stage.name) per visit", "h", "stage_time_hours.\(stage.name)", SampleSummary(stage.visitTime).mean)
        }
        let days = (data.to - data.from) / 24
        if let log, !log.deployments.isEmpty {
            add("deployment frequency", "/day", "deployment_frequency_per_day", Double(log.deployments.count) / days)
            add("change failure rate", "share", "change_failure_rate", Double(log.failedOrCausing) / Double(log.deployments.count))
            add("time to restore", "h", "time_to_restore_hours", log.incidents.isEmpty ? nil : SampleSummary(log.restoreHours).mean)
        } else {
            add("deployment frequency", "/day", "deployment_frequency_per_day", nil)
        }
        add("lead time for changes", "h", "lead_time_for_changes_hours", data.leadTimesForChanges.isEmpty ? nil : SampleSummary(data.leadTimesForChanges).mean)
        let simulated = results.flatMap { r in r.items.filter { $0.deployed >= scenario.warmup }.map(\.leadTime) }
        let ks = lead.count >= 2 && simulated.count >= 2 ? KolmogorovSmirnov(lead, simulated) : nil
        return Backtest(rows: rows, replications: results.count, ks: ks)
    }

    /// The side-by-side table.
    public func text() -> String {
        func num(_ x: Double) -> String { abs(x) >= 100 ? String(format: "%.0f", x) : abs(x) >= 1 ? String(format: "%.2f", x) : String(format: "%.3f", x) }
        let width = max(28, (rows.map(\.name.count).max() ?? 0) + 2)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var out = "backtest: the calibrated scenario, \(replications) replications, against the data\n"
        out += pad("", width) + pad("data", 12) + pad("simulated", 12) + "95% prediction interval (one replication)\n"
        for row in rows {
            let mark = row.inside.map { $0 ? "inside" : "OUTSIDE" } ?? ""
            out += pad(row.name, width) + pad(row.observed.map(num) ?? "—", 12) + pad(num(row.simulatedMean), 12)
                + "[\(num(row.low)), \(num(row.high))] \(row.unit)  \(mark)\n"
        }
        if let ks {
            out += "lead times, two-sample Kolmogorov–Smirnov: D = \(String(format: "%.4f", ks.d)), p = \(String(format: "%.4g", ks.p)) "
                + "(\(ks.n) done items against \(ks.m) simulated after the warm-up; a small p says the shapes differ"
                + (ks.n > 2000 ? "; with this many items even small differences give a small p)" : ")") + "\n"
        }
        return out
    }
}

/// The two-sample Kolmogorov–Smirnov test: D, the largest gap between the two empirical CDFs,
/// and its asymptotic p-value Q(√(nm/(n+m)) + 0.12 + 0.11/√(nm/(n+m))) · D) with
/// Q(λ) = 2 Σ (−1)^(j−1) e^(−2j²λ²) (Stephens' correction, as in Numerical Recipes).
public struct KolmogorovSmirnov: Sendable {
    public var d: Double
    public var p: Double
    public var n: Int, m: Int

    public init(_ a: [Double], _ b: [Double]) {
        let x = a.sorted(), y = b.sorted()
        n = x.count
        m = y.count
        var i = 0, j = 0, gap = 0.0
        while i < n, j < m {
            let v = min(x[i], y[j])
            while i < n, x[i] <= v { i += 1 }
            while j < m, y[j] <= v { j += 1 }
            gap = max(gap, abs(Double(i) / Double(n) - Double(j) / Double(m)))
        }
        d = gap
        let en = (Double(n) * Double(m) / Double(n + m)).squareRoot()
        p = Self.q((en + 0.12 + 0.11 / en) * gap)
    }

    /// The Kolmogorov distribution's survival function.
    static func q(_ lambda: Double) -> Double {
        guard lambda >= 0.2 else { return 1 }
        var sum = 0.0, sign = 1.0
        for j in 1...100 {
            let term = sign * exp(-2 * Double(j * j) * lambda * lambda)
            sum += term
            if abs(term) < 1e-12 { break }
            sign = -sign
        }
        return min(1, max(0, 2 * sum))
    }
}
