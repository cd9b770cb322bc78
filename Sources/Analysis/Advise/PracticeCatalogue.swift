import DeliveryModel
import ScenarioFile

/// One named practice step of the catalogue: a set of `key.path=value` changes computed from a
/// scenario's own document, with its source in the maturity models (`../shared/domain/DOMAIN.md`
/// §2–3: the Continuous Delivery Maturity Model's levels and categories, Google's MLOps levels).
public struct PracticeStep: Sendable {
    /// A stable identifier (`automate-deployments`), for costs and JSON.
    public var id: String
    /// The step in words (`automate deployments`).
    public var name: String
    /// Where the maturity model puts it (`CDMM Intermediate · Build & Deploy`).
    public var source: String
    /// What the changes do, in one line.
    public var summary: String
    /// The overrides for a scenario and its resolved document; nil when the step does not apply
    /// (the practice is already in place, or the scenario has nothing it acts on).
    let make: @Sendable (Scenario, String) -> [String]?

    /// The changes that take `scenario` (resolved document `document`) one step, or nil.
    public func overrides(for scenario: Scenario, document: String) -> [String]? {
        guard let overrides = make(scenario, document), !overrides.isEmpty else { return nil }
        return overrides
    }
}

/// The catalogue `advise` applies to a scenario of the user's own organization, one step at a
/// time. Each step reads the scenario (its teams, stages, tests, release, deployment,
/// operations, models) and changes only what it names; steps already in place do not apply.
public enum PracticeCatalogue {
    /// Every step, in the order a team usually meets them on the maturity ladder.
    public static let all: [PracticeStep] = [
        PracticeStep(id: "remove-handoffs", name: "one team, no handoffs",
                     source: "CDMM Beginner · Organization & Culture", summary: "stages lose the handoff wait between teams") { s, _ in
            let stages = s.stages.filter { $0.handoff != nil }
            return stages.map { "stages.\($0.name).handoff=null" }
        },
        PracticeStep(id: "wip-limits", name: "WIP limits", source: "CDMM Intermediate · Organization & Culture",
                     summary: "each stage without a limit gets 1.5 items per person of its team (at least 2)") { s, _ in
            s.stages.filter { $0.wipLimit == nil }.map { stage in
                let people = s.teams.indices.contains(stage.team) ? s.teams[stage.team].people : 1
                return "stages.\(stage.name).wip_limit=\(max(2, (3 * people + 1) / 2))"
            }
        },
        PracticeStep(id: "smaller-batches", name: "smaller batches",
                     source: "CDMM Beginner · Build & Deploy", summary: "release twice as often (a train at most daily) or in batches half the size") { s, _ in
            switch s.release.policy {
            case .continuous: return nil
            case .scheduled(let every):
                guard every > 24 else { return nil }
                return ["release.policy={scheduled: {every: \(Int(max(24, every / 2).rounded()))h}}"]
            case .batch(let size):
                guard size > 1 else { return nil }
                return ["release.policy={batch: {size: \(max(1, size / 2))}}"]
            }
        },
        PracticeStep(id: "continuous-release", name: "continuous release",
                     source: "CDMM Advanced · Build & Deploy", summary: "each change is released on its own as soon as it is ready") { s, _ in
            if case .continuous = s.release.policy { return nil }
            return ["release.policy=continuous"]
        },
        PracticeStep(id: "remove-change-approval", name: "remove change approval",
                     source: "CDMM Advanced · Organization & Culture (DORA 2019: heavyweight change approval)",
                     summary: "releases go out without waiting for a change-approval board") { s, _ in
            s.release.approval == nil ? nil : ["release.approval=null"]
        },
        PracticeStep(id: "automate-deployments", name: "automate deployments",
                     source: "CDMM Intermediate · Build & Deploy", summary: "a pipeline deploys around the clock, in at most 30 minutes") { s, _ in
            guard !s.deploy.automated else { return nil }
            return ["deploy.automated=true"] + (s.deploy.duration.mean > 0.5 ? ["deploy.duration=30m"] : [])
        },
        PracticeStep(id: "automate-rollback", name: "automated rollback",
                     source: "CDMM Advanced · Build & Deploy", summary: "a failed release rolls back by itself in at most 15 minutes") { s, _ in
            guard !s.deploy.rollback.automated else { return nil }
            return ["deploy.rollback={automated: true, duration: \(s.deploy.rollback.duration.mean > 0.25 ? "15m" : "\(HumanUnits.rounded(s.deploy.rollback.duration.mean * 60))m")}"]
        },
        PracticeStep(id: "add-integration-tests", name: "add integration tests",
                     source: "CDMM Beginner · Test & Verification",
                     summary: "an automated suite at the first stage (30 min, finds 30% of latent defects)") { s, document in
            guard let first = s.stages.first, !s.tests.contains(where: { $0.name == "integration" }) else { return nil }
            let suite = "{name: integration, at: \(first.name), duration: 30m, detection: 0.3, flaky: 0.015}"
            guard let existing = PracticeSteps.flowText(of: "tests", in: document), existing.hasPrefix("["), existing.hasSuffix("]") else {
                return ["tests=[\(suite)]"]
            }
            return ["tests=" + (existing == "[]" ? "[\(suite)]" : String(existing.dropLast()) + ", \(suite)]")]
        },
        PracticeStep(id: "automate-regression", name: "automate manual tests",
                     source: "CDMM Advanced · Test & Verification", summary: "manual suites run automated, on the clock, without a tester") { s, _ in
            s.tests.filter(\.manual).map { "tests.\($0.name).manual=false" }
        },
        PracticeStep(id: "canary-releases", name: "canary releases",
                     source: "CDMM Advanced · Build & Deploy", summary: "5% of users get each release for an hour first; 70% of escaped defects show") { s, _ in
            s.deploy.canary == nil ? ["deploy.canary={fraction: 0.05, duration: 1h, detection: 0.7}"] : nil
        },
        PracticeStep(id: "monitoring", name: "monitoring and alerting",
                     source: "CDMM Advanced · Information & Reporting", summary: "incidents are noticed within 30 minutes on average") { s, _ in
            s.operations.detection.mean > 0.5 ? ["operations.detection={exponential: {mean: 30m}}"] : nil
        },
        PracticeStep(id: "ml-monitoring", name: "monitor models for drift", source: "MLOps level 1",
                     summary: "model degradation is alerted within a day instead of waiting for user reports") { s, _ in
            guard let ml = s.ml, ml.monitoring == nil else { return nil }
            return ["ml.monitoring={detection: {exponential: {mean: 1d}}, false_alarm_per_day: 0.01}"]
        },
        PracticeStep(id: "ml-automated-training", name: "automated training pipeline", source: "MLOps level 1",
                     summary: "retraining runs as a pipeline (6 h typical) instead of notebook work and a handoff") { s, _ in
            guard let ml = s.ml, ml.retraining.pipeline == .manual else { return nil }
            return ["ml.retraining.pipeline=automated", "ml.retraining.duration={lognormal: {median: 6h, p90: 1d}}"]
                + (ml.retraining.handoff != nil ? ["ml.retraining.handoff=null"] : [])
        },
        PracticeStep(id: "ml-pipeline-ci-cd", name: "CI/CD for the training pipeline", source: "MLOps level 2",
                     summary: "changes to the training pipeline go through the stages, tests and deployment like code") { s, _ in
            guard let changes = s.ml?.pipelineChanges, !changes.throughCICD else { return nil }
            return ["ml.pipeline_changes.through_ci_cd=true"]
        },
    ]

    /// The step with identifier `id`.
    public static func step(_ id: String) -> PracticeStep? { all.first { $0.id == id } }
}

/// A catalogue step applied to one scenario: the step and its computed changes.
public struct AppliedPractice: Sendable {
    public var step: PracticeStep
    public var overrides: [String]

    public init(step: PracticeStep, overrides: [String]) {
        self.step = step
        self.overrides = overrides
    }
}
