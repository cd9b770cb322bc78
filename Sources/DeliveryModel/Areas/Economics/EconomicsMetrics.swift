import SimKernel
import SimStats

/// What the economics area observes: per class, the item-hours between arrival and delivery
/// (the change's last deployment) inside the measured window — of items delivered, and of those
/// still waiting at the end. Kept as sums, so that a delivery recorded after its deployment
/// time needs no ordering: closed hours, and the count and summed (clipped) arrival times of the
/// items not yet delivered.
struct EconomicsMetrics {
    // ModelArrays: changed in place on every arrival and delivery, without copy-on-write checks.
    let closedHours: ModelArray<Double>
    let open: ModelArray<Int>
    let openSince: ModelArray<Double>
    var measuring: Bool
    var windowStart = 0.0

    init(scenario: Scenario) {
        let n = scenario.demand.classes.count
        closedHours = ModelArray(repeating: 0, count: n)
        open = ModelArray(repeating: 0, count: n)
        openSince = ModelArray(repeating: 0, count: n)
        measuring = scenario.warmup == 0
    }

    /// The window begins: items waiting now count from `now`.
    mutating func endWarmup(at now: Double) {
        windowStart = now
        measuring = true
        for c in open.indices { openSince[c] = Double(open[c]) * now }
    }

    /// A demand item of class `c` arrived: it starts losing value.
    @inline(__always)
    mutating func arrived(_ c: Int, at now: Double) {
        open[c] += 1
        openSince[c] += now
    }

    /// A demand item of class `c` that arrived at `arrival` reached production for good at `deployed`.
    @inline(__always)
    mutating func delivered(_ c: Int, arrival: Double, deployed: Double) {
        open[c] -= 1
        if measuring {
            let from = max(arrival, windowStart)
            closedHours[c] += max(0, deployed - from)
            openSince[c] -= from
        } else {
            openSince[c] -= arrival
        }
    }

    /// Item-hours of delay of class `c` in the window ending at `end`.
    func delayHours(_ c: Int, at end: Double) -> Double { closedHours[c] + Double(open[c]) * end - openSince[c] }

    /// The cost metrics over the window (totals: the recorder turns them into per-week figures).
    func values(_ economics: Economics, scenario: Scenario, windowStart: Double, end: Double, userImpact: Double) -> [MetricValue] {
        var out: [MetricValue] = []
        var people = 0.0, delay = 0.0
        for (t, team) in scenario.teams.enumerated() {
            guard let rate = economics.personHour[t] else { continue }
            let cost = rate * Double(team.people) * scenario.calendar.workingHours(from: windowStart, to: end)
            people += cost
            out.append(MetricValue(MetricDefinition.costOfPeople.name(team.name), cost))
        }
        for (c, workClass) in scenario.demand.classes.enumerated() {
            guard let rate = economics.delayPerWeek[c] else { continue }
            let cost = rate * delayHours(c, at: end) / 168
            delay += cost
            out.append(MetricValue(MetricDefinition.costOfDelay.name(workClass.name), cost))
        }
        let incidents = (economics.incidentHour ?? 0) * userImpact
        return [MetricValue(MetricDefinition.costOfPeople.name, people)] + out.filter { $0.name.hasPrefix(MetricDefinition.costOfPeople.name + ".") }
            + [MetricValue(MetricDefinition.costOfDelay.name, delay)] + out.filter { $0.name.hasPrefix(MetricDefinition.costOfDelay.name + ".") }
            + [MetricValue(MetricDefinition.costOfIncidents.name, incidents), MetricValue(MetricDefinition.costTotal.name, people + delay + incidents)]
    }
}
