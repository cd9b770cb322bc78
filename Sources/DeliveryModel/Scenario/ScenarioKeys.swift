/// Every key of a scenario file, with its full path: `stages[].wip_limit`, `deploy.canary.fraction`,
/// `teams.*.people` (`[]`: each element of a list; `*`: each entry of a mapping of names).
public enum ScenarioKeys {
    /// The mappings of a scenario file, by path.
    public static let sections: [(path: String, keys: KeySet)] = [
        ("", Scenario.Keys.all),
        ("calendar", WorkCalendar.Keys.all),
        ("demand", Demand.Keys.all),
        ("demand.classes.*", WorkClass.Keys.all),
        ("demand.split", ScopeSplit.Keys.all),
        ("teams.*", Team.Keys.all),
        ("stages[]", Stage.Keys.all),
        ("stages[].blockers", Blockers.Keys.all),
        ("wip_limits[]", BoardLimit.Keys.all),
        ("tests[]", TestSuite.Keys.all),
        ("release", Release.Keys.all),
        ("deploy", Deploy.Keys.all),
        ("deploy.canary", Canary.Keys.all),
        ("deploy.rollback", Rollback.Keys.all),
        ("operations", Operations.Keys.all),
        ("ml", MLSpec.Keys.all),
        ("ml.quality", MLSpec.QualityKeys.all),
        ("ml.drift", MLSpec.DriftKeys.all),
        ("ml.drift.gradual", MLSpec.GradualKeys.all),
        ("ml.drift.shifts", MLSpec.Shifts.Keys.all),
        ("ml.monitoring", MLSpec.Monitoring.Keys.all),
        ("ml.retraining", MLSpec.Retraining.Keys.all),
        ("ml.retraining.validation", MLSpec.ValidationKeys.all),
        ("ml.retraining.validation.canary", MLSpec.Canary.Keys.all),
        ("ml.pipeline_changes", MLSpec.PipelineChanges.Keys.all),
        ("economics", Economics.Keys.all),
    ]

    /// Every key, with its full path, in section order.
    public static let all: [(path: String, key: KeyInfo)] = sections.flatMap { section in
        section.keys.keys.map { (section.path.isEmpty ? $0.name : section.path + "." + $0.name, $0) }
    }
}
