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
    public var tests: [TestSuite]
    public var release: Release
    public var deploy: Deploy
    public var operations: Operations
    /// Machine-learning models in production; nil for none.
    public var ml: MLSpec?

    public init(name: String, description: String = "", horizon: Double, warmup: Double, replications: Int, seed: UInt64,
                calendar: WorkCalendar = .always, demand: Demand, teams: [Team], stages: [Stage], tests: [TestSuite] = [],
                release: Release = Release(), deploy: Deploy = Deploy(), operations: Operations = Operations(), ml: MLSpec? = nil) {
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
        self.tests = tests
        self.release = release
        self.deploy = deploy
        self.operations = operations
        self.ml = ml
    }
}

/// Work arriving: its arrival process and its classes of service.
public struct Demand: Sendable {
    /// Time between arrivals.
    public var arrivals: Distribution
    /// Classes of service in file order; shares sum to 1.
    public var classes: [WorkClass]
    public init(arrivals: Distribution, classes: [WorkClass]) {
        self.arrivals = arrivals
        self.classes = classes
    }
}

/// A class of service: feature, bug, expedite …
public struct WorkClass: Sendable {
    public var name: String
    /// Share of arrivals in this class.
    public var share: Double
    /// Items of this class ignore WIP limits and jump queues (expedite).
    public var skipsWipLimits: Bool
    /// Higher is served first; equal priorities are first come, first served.
    public var priority: Int
    public init(name: String, share: Double, skipsWipLimits: Bool = false, priority: Int = 0) {
        self.name = name
        self.share = share
        self.skipsWipLimits = skipsWipLimits
        self.priority = priority
    }
}

/// A team of interchangeable people.
public struct Team: Sendable {
    public var name: String
    public var people: Int
    public init(name: String, people: Int) {
        self.name = name
        self.people = people
    }
}

/// One step of the value stream.
public struct Stage: Sendable {
    public var name: String
    /// Index into ``Scenario/teams``.
    public var team: Int
    /// A person's working time per item; nil for a stage without hands-on work (tests only).
    public var work: Distribution?
    /// Delay before the item is in the stage's queue (a handoff between teams); nil for none.
    public var handoff: Distribution?
    /// Most items in the stage at once (waiting, in work or in its tests); nil for no limit.
    public var wipLimit: Int?
    /// Probability that the stage's work leaves a latent defect in the item.
    public var defectProbability: Distribution
    /// Probability that the stage's work itself (a review) finds a latent defect.
    public var detection: Distribution
    /// Rework effort as a fraction of a fresh work draw, when a defect sends the item back here.
    public var reworkFraction: Double
    public init(name: String, team: Int, work: Distribution?, handoff: Distribution? = nil, wipLimit: Int? = nil,
                defectProbability: Distribution = .never, detection: Distribution = .never, reworkFraction: Double = 0.5) {
        self.name = name
        self.team = team
        self.work = work
        self.handoff = handoff
        self.wipLimit = wipLimit
        self.defectProbability = defectProbability
        self.detection = detection
        self.reworkFraction = reworkFraction
    }
}

/// A test suite run on every item at a stage, after the stage's work.
public struct TestSuite: Sendable {
    public var name: String
    /// Index into ``Scenario/stages``.
    public var stage: Int
    public var duration: Distribution
    /// Probability of finding a latent defect.
    public var detection: Distribution
    /// Probability that a run fails spuriously and must be rerun.
    public var flaky: Distribution
    /// A manual suite needs a person of the stage's team, in working hours.
    public var manual: Bool
    public init(name: String, stage: Int, duration: Distribution, detection: Distribution, flaky: Distribution = .never, manual: Bool = false) {
        self.name = name
        self.stage = stage
        self.duration = duration
        self.detection = detection
        self.flaky = flaky
        self.manual = manual
    }
}

/// When finished changes go to production.
public enum ReleasePolicy: Sendable, Equatable {
    /// Each change is released on its own as soon as it is ready.
    case continuous
    /// A release train every `every` hours takes everything ready.
    case scheduled(every: Double)
    /// A release whenever `size` changes are ready.
    case batch(size: Int)
}

public struct Release: Sendable {
    public var policy: ReleasePolicy
    /// Change-approval delay per release; nil for none.
    public var approval: Distribution?
    public init(policy: ReleasePolicy = .continuous, approval: Distribution? = nil) {
        self.policy = policy
        self.approval = approval
    }
}

public struct Deploy: Sendable {
    /// Automated deployments run around the clock without a person.
    public var automated: Bool
    public var duration: Distribution
    /// Probability that a deployment fails on its own (configuration, environment).
    public var failureProbability: Distribution
    public var canary: Canary?
    public var rollback: Rollback
    /// Index into ``Scenario/teams`` of who deploys and rolls back by hand; nil: the last stage's team.
    public var team: Int?
    public init(automated: Bool = true, duration: Distribution = .zero, failureProbability: Distribution = .never,
                canary: Canary? = nil, rollback: Rollback = Rollback(), team: Int? = nil) {
        self.automated = automated
        self.duration = duration
        self.failureProbability = failureProbability
        self.canary = canary
        self.rollback = rollback
        self.team = team
    }
}

/// A canary phase: the release serves `fraction` of users for `duration` first.
public struct Canary: Sendable {
    public var fraction: Double
    public var duration: Distribution
    /// Probability that the canary reveals each escaped defect it carries.
    public var detection: Distribution
    public init(fraction: Double, duration: Distribution, detection: Distribution) {
        self.fraction = fraction
        self.duration = duration
        self.detection = detection
    }
}

public struct Rollback: Sendable {
    /// Automated rollbacks start at once and need no person.
    public var automated: Bool
    public var duration: Distribution
    public init(automated: Bool = true, duration: Distribution = .zero) {
        self.automated = automated
        self.duration = duration
    }
}

/// How service is restored after an incident.
public enum RestoreStrategy: String, Sendable, CaseIterable {
    /// Roll back (revert) the change that caused it.
    case rollback
    /// An expedite fix flows through the value stream and is deployed.
    case fixForward = "fix_forward"
}

public struct Operations: Sendable {
    /// Probability that an escaped defect causes a production incident.
    public var incidentProbability: Distribution
    /// Time from the failing deployment until the incident is noticed.
    public var detection: Distribution
    public var restore: RestoreStrategy
    public init(incidentProbability: Distribution = .never, detection: Distribution = .zero, restore: RestoreStrategy = .rollback) {
        self.incidentProbability = incidentProbability
        self.detection = detection
        self.restore = restore
    }
}

extension Distribution {
    /// The constant 0: a probability that never fires, a duration that takes no time.
    public static let never = try! Distribution.constant(0)
    /// The constant 0 as a duration.
    public static let zero = never
}
