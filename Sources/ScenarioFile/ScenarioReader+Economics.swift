import DeliveryModel

/// The `economics` section: costs per team, per class, and per user-impact hour.
extension ScenarioReader {
    func readEconomics(_ node: YNode, teamNames: [String], classNames: [String]) -> Economics? {
        typealias K = Economics.Keys
        guard let fields = reader.fields(node, "economics", keys: K.all,
                                         example: "{people: {dev: 80}, delay: {feature: 2000}, incident_hour: 5000}") else { return nil }
        let people = reader.field(fields, K.people) { costs($0, $1, names: teamNames, what: "team") }.or(K.people)
        let delay = reader.field(fields, K.delay) { costs($0, $1, names: classNames, what: "class") }.or(K.delay)
        let incident = reader.read(fields, K.incidentHour)
        guard let people, let delay, !incident.isInvalid else { return nil }
        return Economics(personHour: teamNames.map { people[$0] }, delayPerWeek: classNames.map { delay[$0] }, incidentHour: incident.value)
    }

    /// A mapping from names of `what` (teams, classes) to costs ≥ 0.
    private func costs(_ node: YNode, _ path: String, names: [String], what: String) -> [String: Double]? {
        guard let entries = node.entries else {
            reader.fail(node.origin, path, "must be a mapping of \(what) name to a cost, like {\(names.first ?? "name"): 80} (got \(node.shortDescription))")
            return nil
        }
        var out: [String: Double] = [:]
        var valid = true
        for entry in entries {
            let entryPath = Reader.join(path, entry.key)
            guard names.contains(entry.key) else {
                reader.fail(entry.value.origin, entryPath, Reader.noSuchName(what, entry.key, among: names))
                valid = false
                continue
            }
            guard let value = reader.number(entry.value, entryPath) else { valid = false; continue }
            guard value >= 0, value.isFinite, value <= 1e15 else {
                reader.fail(entry.value.origin, entryPath, "must be a cost ≥ 0 (got \(entry.value.shortDescription))")
                valid = false
                continue
            }
            out[entry.key] = value
        }
        return valid ? out : nil
    }
}
