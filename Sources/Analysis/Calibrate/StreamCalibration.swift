import Foundation

/// The whole value stream measured from a status history (``StatusHistory`` read through a
/// ``Workflow``): one stage per active status, with per visit its queue wait (the queue statuses
/// before it), its work (time in the active status, per class), its blocked time, and the
/// backward moves out of it (rework); arrivals, the class mix, lead times, work in process and
/// what was still open at the end of the data.
///
/// A *visit* to a stage runs from entering any of its statuses (its queues, the active status,
/// a blocked status while in it) to leaving them; a move to an earlier stage is rework from the
/// stage left; a move out of done back into a stage is a reopened item (rework too). A visit
/// still under way at the end of the data is left out of the per-stage samples (censored); the
/// open items are counted and their ages reported (see ``openItems``).
public struct StreamCalibration: Sendable {
    /// One stage (an active status) and what its visits showed.
    public struct StageData: Sendable {
        public var name: String
        public var team: String
        /// Finished visits, first passes and rework passes.
        public var visits = 0
        /// Per finished visit: the queue wait before the work (all classes).
        public var wait: [Double] = []
        /// Per class: the queue waits of its visits.
        public var waitByClass: [[Double]]
        /// Per class: the work of first-pass visits.
        public var work: [[Double]]
        /// Work of rework visits (all classes).
        public var reworkWork: [Double] = []
        /// Visits with blocked time, and each blocked spell's length.
        public var blockedVisits = 0
        public var blocked: [Double] = []
        /// Moves from this stage back to an earlier one.
        public var backward = 0
        /// Per finished visit: the whole time in the stage (wait, blocked, work).
        public var visitTime: [Double] = []
        /// Most items in the stage at once, and the share of the observed time it held that many.
        public var peakWip = 0
        public var shareAtPeak = 0.0

        public var allWork: [Double] { work.flatMap { $0 } }
        /// Chance that a visit is followed by a move back (rework).
        public var reworkProbability: Double { visits > 0 ? Double(backward) / Double(visits) : 0 }
        public var blockedChance: Double { visits > 0 ? Double(blockedVisits) / Double(visits) : 0 }
    }

    public var history: StatusHistory
    public var workflow: Workflow
    public var stages: [StageData]
    /// Teams in order of first use, with the most items ever in their active statuses at once.
    public var teams: [(name: String, people: Int)] = []
    /// Per type: name, items, share.
    public var classes: [(name: String, count: Int, share: Double)] = []
    /// Creation times (first status of each item), sorted.
    public var created: [Double] = []
    /// Observed window: the first and last date-time in the data.
    public var from = 0.0, to = 0.0
    /// Done items: lead time (created → last done), lead time for changes (end of the first
    /// stage's last work → done), and their class.
    public var leadTimes: [Double] = []
    public var leadTimesForChanges: [Double] = []
    public var doneTimes: [Double] = []
    /// Time waiting for release (queue statuses after the last stage), per pass.
    public var releaseWait: [Double] = []
    /// Items not done at the end of the data, and their ages then.
    public var openAges: [Double] = []
    /// Visits under way at the end of the data (left out of the stage samples).
    public var openVisits = 0
    /// Items that came back out of done (reopened).
    public var reopened = 0
    /// Time-average items in the stages over the window.
    public var wipAverage = 0.0

    /// Stage index per status: ≥ 0 a stage, −1 done, −2 blocked, −3 waiting for release, −4 ignored.
    static func stageOf(_ workflow: Workflow, _ history: StatusHistory) -> [Int] {
        var byName: [String: Int] = [:]
        var next = -3
        var result = Array(repeating: -4, count: workflow.statuses.count)
        var activeCount = workflow.statuses.filter { $0.kind == .active }.count
        // Queues belong to the next active status; after the last, to the release.
        for (i, status) in workflow.statuses.enumerated().reversed() {
            switch status.kind {
            case .active: activeCount -= 1; next = activeCount; result[i] = activeCount
            case .queue: result[i] = next
            case .blocked: result[i] = -2
            case .done: result[i] = -1
            case .ignore: result[i] = -4
            }
        }
        for (i, status) in workflow.statuses.enumerated() { byName[status.name] = result[i] }
        return history.statuses.map { byName[$0] ?? -4 }
    }

    public init(_ history: StatusHistory, workflow: Workflow) throws(CalibrationError) {
        self.history = history
        self.workflow = workflow
        let actives = workflow.statuses.filter { $0.kind == .active }
        guard !actives.isEmpty else {
            throw CalibrationError("\(history.file): no status is active work (statuses: \(workflow.description.joined(separator: "; "))); say which with --workflow, like --workflow \"Development=active\"")
        }
        guard workflow.statuses.contains(where: { $0.kind == .done }) else {
            throw CalibrationError("\(history.file): no status means done (statuses: \(workflow.description.joined(separator: "; "))); say which with --workflow, like --workflow \"Closed=done\"")
        }
        let nClasses = history.types.count
        stages = actives.map { StageData(name: $0.name, team: $0.team ?? $0.name, waitByClass: Array(repeating: [], count: nClasses),
                                         work: Array(repeating: [], count: nClasses)) }
        var teamNames: [String] = []
        for s in stages where !teamNames.contains(s.team) { teamNames.append(s.team) }
        let teamOf = stages.map { teamNames.firstIndex(of: $0.team)! }
        let stageOf = Self.stageOf(workflow, history)
        let kindOf = history.statuses.map { name in workflow.statuses.first { $0.name == name }?.kind ?? .ignore }
        guard let first = history.transitions.map(\.at).min(), let last = history.transitions.map(\.at).max(), last > first else {
            throw CalibrationError("\(history.file): no two distinct date-times; nothing to calibrate from")
        }
        from = first
        to = last
        // Level changes: (time, +1/−1, stage, team or −1).
        var events: [(at: Double, delta: Int8, stage: Int32, team: Int32)] = []
        events.reserveCapacity(history.transitions.count * 2)
        var stageTime = 0.0
        var counts = Array(repeating: 0, count: nClasses)
        var bornTimes: [Double] = []
        bornTimes.reserveCapacity(history.itemCount)
        for item in 0..<history.itemCount {
            let range = history.start[item]..<history.start[item + 1]
            guard !range.isEmpty else { continue }
            let cls = Int(history.itemType[item])
            counts[cls] += 1
            let born = history.transitions[range.lowerBound].at
            bornTimes.append(born)
            var cur = -4, wait = 0.0, work = 0.0, blocked = 0.0, spells = 0
            var rework = false, devDone = born, release = 0.0, wasDone = false
            func close(_ s: Int) {
                guard s >= 0 else { return }
                stages[s].visits += 1
                stages[s].wait.append(wait)
                stages[s].waitByClass[cls].append(wait)
                if rework { stages[s].reworkWork.append(work) } else { stages[s].work[cls].append(work) }
                if spells > 0 { stages[s].blockedVisits += 1 }
                stages[s].visitTime.append(wait + work + blocked)
            }
            for k in range {
                let t = history.transitions[k]
                let s = Int(t.status)
                let end = k + 1 < range.upperBound ? history.transitions[k + 1].at : to
                let open = k + 1 == range.upperBound
                let kind = kindOf[s]
                if kind == .ignore { continue }
                var st = stageOf[s]
                if st == -2 { st = cur >= 0 ? cur : 0 }
                if st != cur {
                    if cur == -3, release > 0 || st == -1 { releaseWait.append(release) }
                    close(cur)
                    if st >= 0, cur >= 0, st < cur { stages[cur].backward += 1; rework = true }
                    if st >= 0, wasDone { reopened += 1; rework = true; wasDone = false }
                    cur = st
                    wait = 0; work = 0; blocked = 0; spells = 0; release = 0
                }
                if st == -1 {
                    if !open { wasDone = true; continue }
                    leadTimes.append(t.at - born)
                    leadTimesForChanges.append(t.at - devDone)
                    doneTimes.append(t.at)
                    cur = -4
                    break
                }
                if open {
                    openAges.append(to - born)
                    if cur >= 0 { openVisits += 1 }
                }
                let dt = end - t.at
                if st >= 0, dt > 0 {
                    stageTime += dt
                    events.append((t.at, 1, Int32(st), kind == .active ? Int32(teamOf[st]) : -1))
                    events.append((end, -1, Int32(st), kind == .active ? Int32(teamOf[st]) : -1))
                }
                if open { break }
                switch kind {
                case .queue: if st == -3 { release += dt } else { wait += dt }
                case .active:
                    work += dt
                    if st == 0 { devDone = end }
                case .blocked: blocked += dt; spells += 1; if st >= 0 { stages[st].blocked.append(dt) }
                case .done, .ignore: break
                }
            }
        }
        created = bornTimes.sorted()
        classes = history.types.indices.map { (history.types[$0], counts[$0], Double(counts[$0]) / Double(max(1, bornTimes.count))) }
        wipAverage = stageTime / (to - from)
        // Peaks: per team (active statuses) and per stage (any of its statuses); leaving first at equal times.
        events.sort { ($0.at, $0.delta) < ($1.at, $1.delta) }
        var teamLevel = Array(repeating: 0, count: teamNames.count), teamPeak = Array(repeating: 0, count: teamNames.count)
        var level = Array(repeating: 0, count: stages.count), since = Array(repeating: from, count: stages.count)
        var timeAt = Array(repeating: [Double](), count: stages.count)
        for e in events {
            let s = Int(e.stage)
            // Time spent at each level of the stage, for the share at its peak.
            let held = max(0, level[s])
            if timeAt[s].count <= held { timeAt[s] += Array(repeating: 0, count: held + 1 - timeAt[s].count) }
            timeAt[s][held] += e.at - since[s]
            since[s] = e.at
            level[s] += Int(e.delta)
            if e.team >= 0 {
                teamLevel[Int(e.team)] += Int(e.delta)
                teamPeak[Int(e.team)] = max(teamPeak[Int(e.team)], teamLevel[Int(e.team)])
            }
        }
        for s in stages.indices {
            let peak = max(0, timeAt[s].count - 1)
            stages[s].peakWip = peak
            stages[s].shareAtPeak = peak > 0 ? timeAt[s][peak] / (to - from) : 0
        }
        teams = teamNames.indices.map { (teamNames[$0], max(1, teamPeak[$0])) }
        for s in stages where s.visits == 0 {
            throw CalibrationError("\(history.file): no item finished a visit to `\(s.name)`; its times cannot be estimated (is it a status of the workflow?)")
        }
    }

    /// Done items per week over the window.
    public var throughputPerWeek: Double { Double(leadTimes.count) / ((to - from) / 168) }

    /// Arrivals: items per hour, the gaps' mean and coefficient of variation, and the weekly
    /// trend (items per week gained per week, with its standard error) of a least-squares line
    /// through the weekly counts.
    public var arrivals: (rate: Double, gapMean: Double, gapCV: Double, trend: Double, trendSE: Double, weeks: Int) {
        let gaps = zip(created, created.dropFirst()).map { $1 - $0 }
        let mean = gaps.isEmpty ? 0 : gaps.reduce(0, +) / Double(gaps.count)
        let sd = gaps.count > 1 ? (gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)).squareRoot() : 0
        let span = (created.last ?? 0) - (created.first ?? 0)
        let weeks = Int(span / 168)
        var trend = 0.0, se = Double.infinity
        if weeks >= 4 {
            var countsPerWeek = Array(repeating: 0.0, count: weeks)
            for c in created { let w = Int((c - created[0]) / 168); if w < weeks { countsPerWeek[w] += 1 } }
            let xs = (0..<weeks).map(Double.init), mx = xs.reduce(0, +) / Double(weeks), my = countsPerWeek.reduce(0, +) / Double(weeks)
            let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
            trend = zip(xs, countsPerWeek).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
            let residual = zip(xs, countsPerWeek).reduce(0) { let r = $1.1 - my - trend * ($1.0 - mx); return $0 + r * r }
            se = (residual / Double(weeks - 2) / sxx).squareRoot()
        }
        return (span > 0 ? Double(created.count - 1) / span : 0, mean, mean > 0 ? sd / mean : 0, trend, se, weeks)
    }
}

/// n, mean and 85th percentile of a sample, for comments and tables.
struct SampleSummary {
    var n: Int
    var mean: Double
    var p85: Double
    init(_ values: [Double]) {
        n = values.count
        mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        p85 = Self.quantile(values.sorted(), 0.85)
    }

    /// The `q` quantile of sorted `values` (the smallest value with at least q of them at or below it).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
    }

    var text: String { "n=\(n) mean \(NumberText.fixed(mean, 1)) h p85 \(NumberText.fixed(p85, 1)) h" }
}
