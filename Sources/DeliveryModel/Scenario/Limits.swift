/// The documented bounds on what one command may ask for, so that every loop and allocation
/// that grows with the input is bounded and a request beyond them is refused before any work,
/// with a message naming the limit (README, "Limits").
public enum Limits {
    /// Simulated time per replication: 100 years.
    public static let maxHorizonHours = 100 * 8766.0
    /// Replications × horizon per scenario: 10^9 simulated hours (about 114 000 years; a run of
    /// 30 replications of 100 years uses 2.6 %).
    public static let maxReplicationHours = 1e9
    /// Teams in a scenario.
    public static let maxTeams = 1_000
    /// Stages in a scenario.
    public static let maxStages = 1_000
    /// Holiday days in a calendar (ranges counted by their days): 40 000, more than a century.
    public static let maxHolidayDays = 40_000
    /// Items a forecast's backlog may hold (`forecast --items`).
    public static let maxForecastItems = 1_000_000
    /// Events pending at once in one replication (bounds its memory to about 100 MB of events).
    public static let maxPendingEvents = 2_000_000

    /// Why running `scenario` with `replications` replications is refused, or nil.
    public static func refusal(_ scenario: Scenario, replications: Int) -> String? {
        if replications > Scenario.Keys.maxReplications {
            return "\(replications) replications is above the limit of \(Scenario.Keys.maxReplications); run fewer (or split them over `sweep --shard` runs)"
        }
        let total = Double(replications) * scenario.horizon
        if total > maxReplicationHours {
            return "\(scenario.name): \(replications) replications × a horizon of \(Int(scenario.horizon)) h is \(Int(total)) simulated hours, above the limit of 1e9 h per scenario; run fewer replications or a shorter horizon (or split the replications over several runs with different seeds)"
        }
        return nil
    }
}
