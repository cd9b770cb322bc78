/// A `--workflow` YAML file: a mapping of status name to its kind, in workflow order —
/// `Backlog: queue`, `Development: active:dev` (a team after the colon), or
/// `Development: {kind: active, team: dev}`.
public enum WorkflowFile {
    /// The file's entries as `(status, "kind[:team]")`, in file order.
    public static func entries(yaml text: String, file: String) throws -> [(status: String, spec: String)] {
        var errors: [ScenarioError] = []
        let parsed = YAMLText.parse(text, file: file, errors: &errors)
        guard case .document(let root) = parsed else {
            throw ScenarioErrors(errors.isEmpty ? [ScenarioError(file: file, message: "is empty: expected a mapping of status to kind")] : errors)
        }
        guard let entries = root.entries else {
            throw ScenarioErrors([ScenarioError(file: file, message: "must be a mapping of status to kind (queue, active, active:TEAM, blocked, done, ignore)")])
        }
        return try entries.map { entry in
            if let text = entry.value.scalarText { return (entry.key, text) }
            if let fields = entry.value.entries, let kind = fields.first(where: { $0.key == "kind" })?.value.scalarText {
                let team = fields.first(where: { $0.key == "team" })?.value.scalarText
                return (entry.key, team.map { "\(kind):\($0)" } ?? kind)
            }
            throw ScenarioErrors([ScenarioError(file: file, line: entry.keyOrigin.line, column: entry.keyOrigin.column,
                                                message: "\(entry.key): must be a kind (queue, active, active:TEAM, blocked, done, ignore) or {kind: …, team: …}")])
        }
    }
}
