/// The life of one change, recorded when it is delivered for good: in production, and not taken
/// out again by a rollback or a revert (with `RunOptions.recordItems`).
public struct ItemRecord: Sendable, Equatable {
    /// The item's number within the replication, in creation order from 1; each change once.
    public var id: Int
    /// The class of service's name.
    public var workClass: String
    public var arrival: Double
    /// First pulled into the first stage.
    public var start: Double
    /// Last completion of the first stage's work (the final commit).
    public var developmentDone: Double
    /// Cut into a release.
    public var released: Double
    /// Running in production for good: its last deployment.
    public var deployed: Double
    /// Hours in process (started and not in production), over every pass: a change taken out of
    /// production by a rollback or a revert is in process again until it is redeployed.
    public var cycleTime: Double
    /// Rework passes.
    public var reworks: Int
    /// It carried a latent defect into production.
    public var escapedDefect: Bool
    /// That defect caused a production incident.
    public var incident: Bool
    /// Arrival → production, hours.
    public var leadTime: Double { deployed - arrival }
    /// Development done → production, hours.
    public var leadTimeForChanges: Double { deployed - developmentDone }
}
