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
        let steps = reader.field(fields, K.steps) { stepCosts($0, $1) }.or(K.steps)
        guard let people, let delay, let steps, !incident.isInvalid else { return nil }
        return Economics(personHour: teamNames.map { people[$0] }, delayPerWeek: classNames.map { delay[$0] }, incidentHour: incident.value,
                         steps: steps)
    }

    /// A mapping from practice step ids to `{one_off, per_week}` costs ≥ 0 (each defaults to 0).
    private func stepCosts(_ node: YNode, _ path: String) -> [String: PracticeCost]? {
        let ids = Economics.practiceStepIDs
        let example = "{\(ids[8]): {one_off: 40000, per_week: 200}}"
        guard let entries = node.entries else {
            reader.fail(node.origin, path, "must be a mapping of practice step id to its costs, like \(example) (got \(node.shortDescription))")
            return nil
        }
        var out: [String: PracticeCost] = [:]
        var valid = true
        for entry in entries {
            let entryPath = Reader.join(path, entry.key)
            guard ids.contains(entry.key) else {
                reader.fail(entry.keyOrigin, entryPath, Reader.noSuchName("practice step", entry.key, among: ids))
                valid = false
                continue
            }
            guard let fields = reader.fields(entry.value, entryPath, allowed: ["one_off", "per_week"], example: "{one_off: 40000, per_week: 200}") else {
                valid = false
                continue
            }
            var cost = PracticeCost(oneOff: 0, perWeek: 0)
            for (key, set) in [("one_off", { (c: inout PracticeCost, v: Double) in c.oneOff = v }),
                               ("per_week", { (c: inout PracticeCost, v: Double) in c.perWeek = v })] {
                guard let value = fields[key] else { continue }
                guard let number = reader.number(value, fields.path(key)) else { valid = false; continue }
                guard number >= 0, number.isFinite, number <= 1e15 else {
                    reader.fail(value.origin, fields.path(key), "must be a cost ≥ 0 (got \(value.shortDescription))")
                    valid = false
                    continue
                }
                set(&cost, number)
            }
            out[entry.key] = cost
        }
        return valid ? out : nil
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
