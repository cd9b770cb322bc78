/// The life of one change, recorded when it reaches production (with `RunOptions.recordItems`).
public struct ItemRecord: Sendable, Equatable {
    /// The item's number within the replication, in creation order from 1. A change that was
    /// reverted and deployed again appears twice with the same id.
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
    /// Running in production.
    public var deployed: Double
    /// Rework passes.
    public var reworks: Int
    /// It carried a latent defect into production.
    public var escapedDefect: Bool
    /// That defect caused a production incident.
    public var incident: Bool
    /// Arrival → production, hours.
    public var leadTime: Double { deployed - arrival }
    /// Start → production, hours.
    public var cycleTime: Double { deployed - start }
    /// Development done → production, hours.
    public var leadTimeForChanges: Double { deployed - developmentDone }
}
