import SimRandom

/// A delivery organization and how it works: the validated, typed form of a scenario file.
///
/// Times are in hours. Every probability is a ``Distribution`` whose draws lie in [0, 1]
/// (a constant, most often); it is drawn each time it is used.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// Simulated time per replication, warm-up included.
    public var horizon: Double
    /// Time at the start of each replication whose events are left out of the statistics.
    public var warmup: Double
    public var replications: Int
    public var seed: UInt64
    /// When people work. Automated steps run around the clock.
    public var calendar: WorkCalendar
    public var demand: Demand
    /// Teams in file order.
    public var teams: [Team]
    /// The value stream, in order. The first stage is development.
    public var stages: [Stage]
    /// WIP limits over spans of stages (board-wide limits); spans do not overlap.
    public var boardLimits: [BoardLimit]
    public var tests: [TestSuite]
    public var release: Release
    public var deploy: Deploy
    public var operations: Operations
    /// Machine-learning models in production; nil for none.
    public var ml: MLSpec?
    /// What time and failures cost; nil: no cost metrics.
    public var economics: Economics?

    public init(name: String, description: String = Keys.description.defaultValue, horizon: Double, warmup: Double, replications: Int, seed: UInt64,
                calendar: WorkCalendar = Keys.calendar.defaultValue, demand: Demand, teams: [Team], stages: [Stage], boardLimits: [BoardLimit] = [],
                tests: [TestSuite] = [], release: Release = Release(), deploy: Deploy = Deploy(), operations: Operations = Operations(),
                ml: MLSpec? = nil, economics: Economics? = nil) {
        self.name = name
        self.description = description
        self.horizon = horizon
        self.warmup = warmup
        self.replications = replications
        self.seed = seed
        self.calendar = calendar
        self.demand = demand
        self.teams = teams
        self.stages = stages
        self.boardLimits = boardLimits
        self.tests = tests
        self.release = release
        self.deploy = deploy
        self.operations = operations
        self.ml = ml
        self.economics = economics
    }
}
