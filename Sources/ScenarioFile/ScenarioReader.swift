import DeliveryModel
import Foundation
import SimRandom

/// Turns a merged, overridden document into a validated ``Scenario``.
struct ScenarioReader {
    let reader = Reader()

    /// The scenario, or nil with the problems in `reader.errors`.
    func read(_ root: YNode) -> Scenario? {
        typealias K = Scenario.Keys
        guard let top = reader.fields(root, "", keys: K.all) else { return nil }

        let name = reader.read(top, K.name).value
        let description = reader.read(top, K.description).or(K.description)
        var horizon = reader.read(top, K.horizon).value
        if let h = horizon, !(h <= Limits.maxHorizonHours), let node = top[K.horizon.name] {
            reader.fail(node.origin, K.horizon.name, "\(h.isFinite ? "is \(DurationText.format(h))" : "is not a finite duration"), above the limit of 100 years (876600h); simulate a shorter horizon")
            horizon = nil
        }
        var warmup = reader.read(top, K.warmup).or(K.warmup)
        if let w = warmup, let h = horizon, w >= h, let node = top[K.warmup.name] {
            reader.fail(node.origin, K.warmup.name, "must be shorter than the horizon (warmup \(DurationText.format(w)), horizon \(DurationText.format(h)))")
            warmup = nil
        }
        let replications = reader.read(top, K.replications).or(K.replications)
        if let h = horizon, let r = replications, Double(r) * h > Limits.maxReplicationHours, let node = top[K.replications.name] ?? top[K.horizon.name] {
            reader.fail(node.origin, K.replications.name, "\(r) replications × a horizon of \(DurationText.format(h)) is above the limit of 1e9 simulated hours per scenario; run fewer replications or a shorter horizon")
        }
        let seed = reader.field(top, K.seed) { node, _ in readSeed(node) }.or(K.seed)
        let calendar = reader.field(top, K.calendar) { node, _ in readCalendar(node) }.or(K.calendar)

        let teams = reader.field(top, K.teams) { node, _ in readTeams(node) }.value
        let teamNames = top[K.teams.name]?.entries?.map(\.key) ?? []
        let effortCalendar = calendar ?? WorkCalendar.always
        let stages = reader.field(top, K.stages) { node, _ in readStages(node, teamNames: teamNames, calendar: effortCalendar) }.value
        let stageNames = top[K.stages.name]?.items?.map { $0[Stage.Keys.name.name]?.scalarText } ?? []
        let demand = reader.field(top, K.demand) { node, _ in readDemand(node, stageNames: stageNames, calendar: effortCalendar) }.value
        let boardLimits = reader.field(top, K.wipLimits) { node, path in readBoardLimits(node, path, stageNames: stageNames) }.or(K.wipLimits)
        let tests = reader.field(top, K.tests) { node, _ in readTests(node, stageNames: stageNames, calendar: effortCalendar) }.or(K.tests)
        let release = reader.field(top, K.release) { node, _ in readRelease(node) }.or(K.release)
        let deploy = reader.field(top, K.deploy) { node, _ in readDeploy(node, teamNames: teamNames, calendar: effortCalendar) }.or(K.deploy)
        let operations = reader.field(top, K.operations) { node, _ in readOperations(node) }.or(K.operations)
        let ml = reader.field(top, K.ml) { node, _ in
            readML(node, teamNames: teamNames, calendar: effortCalendar, deployFailure: deploy?.failureProbability)
        }

        let classNames = demand?.classes.map(\.name) ?? []
        let economics = reader.field(top, K.economics) { node, _ in readEconomics(node, teamNames: teamNames, classNames: classNames) }
        guard reader.errors.isEmpty, let name, let description, let horizon, let warmup, let replications, let seed, let calendar,
              let demand, let teams, let stages, let boardLimits, let tests, let release, let deploy, let operations, !ml.isInvalid,
              !economics.isInvalid else {
            if reader.errors.isEmpty {
                reader.fail(root.origin, "", "the scenario is incomplete")
            }
            return nil
        }
        return Scenario(name: name, description: description, horizon: horizon, warmup: warmup, replications: replications,
                        seed: seed, calendar: calendar, demand: demand, teams: teams, stages: stages, boardLimits: boardLimits, tests: tests,
                        release: release, deploy: deploy, operations: operations, ml: ml.value, economics: economics.value)
    }

    // MARK: Run

    private func readSeed(_ node: YNode) -> UInt64? {
        if case .scalar(let text, .int, _) = node.value {
            let cleaned = text.replacingOccurrences(of: "_", with: "")
            if let seed = UInt64(cleaned) ?? Reader.numericValue(node).flatMap({ $0 >= 0 && $0 < 1.8e19 ? UInt64(exactly: $0) : nil }) {
                return seed
            }
        }
        reader.fail(node.origin, "seed", "must be a non-negative integer (got \(node.shortDescription))")
        return nil
    }

    // MARK: Calendar

    static let dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let dayAbbreviations = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private func readCalendar(_ node: YNode) -> WorkCalendar? {
        if let text = node.scalarText, text.lowercased() == "always" { return .always }
        typealias K = WorkCalendar.Keys
        guard let fields = reader.fields(node, "calendar", keys: K.all,
                                         example: "{workdays: Mon-Fri, hours: \"09:00-17:00\"}") else { return nil }
        let days = reader.field(fields, K.workdays, readWorkdays).or(K.workdays)
        let hours = reader.field(fields, K.hours, readHours).or(K.hours)
        let start = reader.field(fields, K.start, readDate)
        let holidays = reader.field(fields, K.holidays, readHolidays).or(K.holidays)
        guard let days, let hours, !start.isInvalid, let holidays else { return nil }
        if !holidays.isEmpty, start.value == nil, let node = fields[K.holidays.name] {
            reader.fail(node.origin, "calendar.holidays", "needs `calendar.start`, the date of time 0, to place the holidays (forecast --start sets it too)")
            return nil
        }
        return WorkCalendar(workdays: days, dayStart: hours.lowerBound, dayEnd: hours.upperBound, start: start.value, holidays: holidays)
    }

    private func day(_ word: String) -> Int? {
        let lower = word.trimmingCharacters(in: .whitespaces).lowercased()
        guard lower.count >= 2 else { return nil }
        let matches = ScenarioReader.dayNames.indices.filter { ScenarioReader.dayNames[$0].hasPrefix(lower) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// `Mon-Fri`, `Sat`, `Mon, Wed, Fri` or a list of those.
    private func readWorkdays(_ node: YNode, _ path: String) -> Set<Int>? {
        var parts: [(String, YNode, String)] = []
        if let items = node.items {
            for (i, item) in items.enumerated() {
                guard let text = item.scalarText else {
                    reader.fail(item.origin, "\(path)[\(i)]", "must be a weekday like Mon (got \(item.shortDescription))")
                    return nil
                }
                parts.append((text, item, "\(path)[\(i)]"))
            }
        } else if let text = node.scalarText {
            parts = text.split(separator: ",").map { (String($0), node, path) }
        } else {
            reader.fail(node.origin, path, "must be weekdays like Mon-Fri or [Mon, Tue, Wed] (got \(node.shortDescription))")
            return nil
        }
        var days: Set<Int> = []
        var valid = true
        for (text, partNode, partPath) in parts {
            let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let indices = ends.map(day)
            guard (1...2).contains(ends.count), indices.allSatisfy({ $0 != nil }) else {
                let bad = zip(ends, indices).first { $0.1 == nil }?.0.trimmingCharacters(in: .whitespaces) ?? text
                reader.fail(partNode.origin, partPath,
                            Reader.didYouMean("`\(bad)` is not a weekday", bad, among: ScenarioReader.dayAbbreviations,
                                              listing: "write Mon, Tue, Wed, Thu, Fri, Sat, Sun, or a range like Mon-Fri"))
                valid = false
                continue
            }
            let first = indices[0]!, last = indices[ends.count - 1]!
            var d = first
            while true {
                days.insert(d)
                if d == last { break }
                d = (d + 1) % 7
            }
        }
        guard valid else { return nil }
        if days.isEmpty {
            reader.fail(node.origin, path, "must name at least one working day")
            return nil
        }
        return days
    }

    /// `"09:00-17:00"`; the end may be 24:00.
    private func readHours(_ node: YNode, _ path: String) -> ClosedRange<Double>? {
        let problem = "must be working hours like \"09:00-17:00\" (got \(node.shortDescription))"
        guard let text = node.scalarText else {
            reader.fail(node.origin, path, problem)
            return nil
        }
        func time(_ part: Substring) -> Double? {
            var pieces = part.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            if pieces.count == 1 { pieces.append("00") }
            guard pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2,
                  pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let h = Int(pieces[0]), let m = Int(pieces[1]), (0...24).contains(h), (0...59).contains(m),
                  h < 24 || m == 0 else { return nil }
            return Double(h) + Double(m) / 60
        }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let start = time(ends[0]), let end = time(ends[1]) else {
            reader.fail(node.origin, path, problem)
            return nil
        }
        guard start < end, start < 24 else {
            reader.fail(node.origin, path, "the working day must start before it ends (got \(text))")
            return nil
        }
        return start...end
    }

    // MARK: Teams

    private func readTeams(_ node: YNode) -> [Team]? {
        guard let entries = node.entries else {
            reader.fail(node.origin, "teams", "must be a mapping of team name to {people: N} (got \(node.shortDescription))")
            return nil
        }
        guard !entries.isEmpty else {
            reader.fail(node.origin, "teams", "must define at least one team")
            return nil
        }
        guard entries.count <= Limits.maxTeams else {
            reader.fail(node.origin, "teams", "has \(entries.count) teams, above the limit of \(Limits.maxTeams)")
            return nil
        }
        var teams: [Team] = []
        var valid = true
        for entry in entries {
            let path = Reader.join("teams", entry.key)
            guard let fields = reader.fields(entry.value, path, keys: Team.Keys.all, example: "{people: 6}"),
                  let people = reader.read(fields, Team.Keys.people).value else { valid = false; continue }
            teams.append(Team(name: entry.key, people: people))
        }
        return valid ? teams : nil
    }

    func teamIndex(_ node: YNode, _ path: String, teamNames: [String]) -> Int? {
        guard let name = reader.string(node, path) else { return nil }
        if let index = teamNames.firstIndex(of: name) { return index }
        reader.fail(node.origin, path, Reader.noSuchName("team", name, among: teamNames))
        return nil
    }

    // MARK: Stages

    private func readStages(_ node: YNode, teamNames: [String], calendar: WorkCalendar) -> [Stage]? {
        guard let items = node.items else {
            reader.fail(node.origin, "stages", "must be a list of stages, like - {name: develop, team: dev, work: 2d} (got \(node.shortDescription))")
            return nil
        }
        guard !items.isEmpty else {
            reader.fail(node.origin, "stages", "must list at least one stage")
            return nil
        }
        guard items.count <= Limits.maxStages else {
            reader.fail(node.origin, "stages", "has \(items.count) stages, above the limit of \(Limits.maxStages)")
            return nil
        }
        var stages: [Stage] = []
        var valid = true
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let path = "stages[\(i)]"
            typealias K = Stage.Keys
            guard let fields = reader.fields(item, path, keys: K.all,
                                             example: "{name: develop, team: dev, work: 2d}") else { valid = false; continue }
            var name = reader.read(fields, K.name).value
            if let n = name, let nameNode = fields[K.name.name] {
                if let first = seen[n] {
                    reader.fail(nameNode.origin, fields.path("name"), "duplicate stage name `\(n)` (also stages[\(first)])")
                    name = nil
                } else {
                    seen[n] = i
                }
            }
            let team = reader.field(fields, K.team) { teamIndex($0, $1, teamNames: teamNames) }.value
            let work = reader.read(fields, K.work, calendar: calendar)
            let handoff = reader.read(fields, K.handoff)
            let wipLimit = reader.read(fields, K.wipLimit)
            let defects = reader.read(fields, K.defectProbability).or(K.defectProbability)
            let detection = reader.read(fields, K.detection).or(K.detection)
            let rework = reader.read(fields, K.reworkFraction).or(K.reworkFraction)
            let blockers = reader.field(fields, K.blockers, readBlockers)
            guard let name, let team, let defects, let detection, let rework,
                  !work.isInvalid, !handoff.isInvalid, !wipLimit.isInvalid, !blockers.isInvalid
            else { valid = false; continue }
            stages.append(Stage(name: name, team: team, work: work.value, handoff: handoff.value, wipLimit: wipLimit.value,
                                defectProbability: defects, detection: detection, reworkFraction: rework, blockers: blockers.value))
        }
        return valid ? stages : nil
    }

    private func readBlockers(_ node: YNode, _ path: String) -> Blockers? {
        typealias K = Blockers.Keys
        guard let fields = reader.fields(node, path, keys: K.all, example: "{chance: 0.2, duration: {exponential: {mean: 2d}}}") else { return nil }
        let chance = reader.read(fields, K.chance).value
        let duration = reader.read(fields, K.duration).value
        guard let chance, let duration else { return nil }
        return Blockers(chance: chance, duration: duration)
    }

    // MARK: Tests

    private func readTests(_ node: YNode, stageNames: [String?], calendar: WorkCalendar) -> [TestSuite]? {
        guard let items = node.items else {
            reader.fail(node.origin, "tests", "must be a list of test suites, like - {name: unit, at: develop, duration: 5m} (got \(node.shortDescription))")
            return nil
        }
        let known = stageNames.compactMap { $0 }
        var tests: [TestSuite] = []
        var valid = true
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let path = "tests[\(i)]"
            typealias K = TestSuite.Keys
            guard let fields = reader.fields(item, path, keys: K.all,
                                             example: "{name: unit, at: develop, duration: 5m}") else { valid = false; continue }
            var name = reader.read(fields, K.name).value
            if let n = name, let nameNode = fields[K.name.name] {
                if let first = seen[n] {
                    reader.fail(nameNode.origin, fields.path("name"), "duplicate test name `\(n)` (also tests[\(first)])")
                    name = nil
                } else {
                    seen[n] = i
                }
            }
            let stage = reader.field(fields, K.at) { node, path -> Int? in
                guard let at = reader.string(node, path) else { return nil }
                if let index = stageNames.firstIndex(of: at) { return index }
                reader.fail(node.origin, path, Reader.noSuchName("stage", at, among: known))
                return nil
            }.value
            let manual = reader.read(fields, K.manual).or(K.manual)
            // A manual suite is a person's effort; an automated one runs on the clock.
            let duration = reader.read(fields, K.duration, calendar: calendar, manual: manual == true).value
            let detection = reader.read(fields, K.detection).or(K.detection)
            let flaky = reader.read(fields, K.flaky).or(K.flaky)
            guard let name, let stage, let duration, let detection, let flaky, let manual else { valid = false; continue }
            tests.append(TestSuite(name: name, stage: stage, duration: duration, detection: detection, flaky: flaky, manual: manual))
        }
        return valid ? tests : nil
    }

    // MARK: Release

    private func readRelease(_ node: YNode) -> Release? {
        typealias K = Release.Keys
        guard let fields = reader.fields(node, "release", keys: K.all,
                                         example: "{policy: {scheduled: {every: 14d}}}") else { return nil }
        let policy = reader.field(fields, K.policy, readPolicy).or(K.policy)
        let approval = reader.read(fields, K.approval)
        guard let policy, !approval.isInvalid else { return nil }
        return Release(policy: policy, approval: approval.value)
    }

    private func readPolicy(_ node: YNode, _ path: String) -> ReleasePolicy? {
        let example = "continuous, {scheduled: {every: 14d}} or {batch: {size: 10}}"
        if let text = node.scalarText {
            if text == "continuous" { return .continuous }
            var message = "must be \(example) (got \(node.shortDescription))"
            if text == "scheduled" || text == "batch" {
                message = "`\(text)` needs its parameter: \(text == "scheduled" ? "{scheduled: {every: 14d}}" : "{batch: {size: 10}}")"
            } else if Suggestion.closest(to: text, among: ReleasePolicy.forms) != nil {
                message = Reader.didYouMean("unknown release policy `\(text)`", text, among: ReleasePolicy.forms, listing: example)
            }
            reader.fail(node.origin, path, message)
            return nil
        }
        guard let entries = node.entries, entries.count == 1, let entry = entries.first else {
            reader.fail(node.origin, path, "must be exactly one of \(example) (got \(node.shortDescription)\(node.entries.map { $0.isEmpty ? "" : " with keys " + $0.map { "`\($0.key)`" }.joined(separator: ", ") } ?? ""))")
            return nil
        }
        let policyPath = Reader.join(path, entry.key)
        switch entry.key {
        case "continuous":
            if !entry.value.isNull {
                _ = reader.fields(entry.value, policyPath, allowed: [], example: "{}")
                if entry.value.entries?.isEmpty != true { return nil }
            }
            return .continuous
        case "scheduled":
            guard let fields = reader.fields(entry.value, policyPath, allowed: ["every"], required: ["every"], example: "{every: 14d}"),
                  let everyNode = fields["every"], let every = reader.fixedDuration(everyNode, fields.path("every")) else { return nil }
            guard every > 0 else {
                reader.fail(everyNode.origin, fields.path("every"), "must be a duration > 0 (got \(everyNode.shortDescription))")
                return nil
            }
            return .scheduled(every: every)
        case "batch":
            guard let fields = reader.fields(entry.value, policyPath, allowed: ["size"], required: ["size"], example: "{size: 10}"),
                  let sizeNode = fields["size"],
                  let size = reader.integer(sizeNode, fields.path("size"), in: 1...1_000_000_000, expected: "an integer ≥ 1") else { return nil }
            return .batch(size: size)
        default:
            reader.fail(entry.keyOrigin, policyPath,
                        Reader.didYouMean("unknown release policy `\(entry.key)`", entry.key, among: ReleasePolicy.forms, listing: example))
            return nil
        }
    }

    // MARK: Deploy

    private func readDeploy(_ node: YNode, teamNames: [String], calendar: WorkCalendar) -> Deploy? {
        typealias K = Deploy.Keys
        guard let fields = reader.fields(node, "deploy", keys: K.all,
                                         example: "{automated: true, duration: 15m}") else { return nil }
        let automated = reader.read(fields, K.automated).or(K.automated)
        // A manual deployment or rollback is a person's effort; an automated one runs on the clock.
        let duration = reader.read(fields, K.duration, calendar: calendar, manual: automated == false).or(K.duration)
        let failure = reader.read(fields, K.failureProbability).or(K.failureProbability)
        let canary = reader.field(fields, K.canary, readCanary)
        let rollback = reader.field(fields, K.rollback) { readRollback($0, $1, calendar: calendar) }.or(K.rollback)
        let team = reader.field(fields, K.team) { teamIndex($0, $1, teamNames: teamNames) }
        guard let automated, let duration, let failure, let rollback, !canary.isInvalid, !team.isInvalid else { return nil }
        return Deploy(automated: automated, duration: duration, failureProbability: failure, canary: canary.value,
                      rollback: rollback, team: team.value)
    }

    private func readCanary(_ node: YNode, _ path: String) -> Canary? {
        typealias K = Canary.Keys
        guard let fields = reader.fields(node, path, keys: K.all,
                                         example: "{fraction: 0.05, duration: 1h, detection: 0.8}") else { return nil }
        let fraction = reader.read(fields, K.fraction).value
        let duration = reader.read(fields, K.duration).value
        let detection = reader.read(fields, K.detection).value
        guard let fraction, let duration, let detection else { return nil }
        return Canary(fraction: fraction, duration: duration, detection: detection)
    }

    private func readRollback(_ node: YNode, _ path: String, calendar: WorkCalendar) -> Rollback? {
        typealias K = Rollback.Keys
        guard let fields = reader.fields(node, path, keys: K.all,
                                         example: "{automated: true, duration: 10m}") else { return nil }
        let automated = reader.read(fields, K.automated).or(K.automated)
        let duration = reader.read(fields, K.duration, calendar: calendar, manual: automated == false).or(K.duration)
        guard let automated, let duration else { return nil }
        return Rollback(automated: automated, duration: duration)
    }

    // MARK: Operations

    private func readOperations(_ node: YNode) -> Operations? {
        typealias K = Operations.Keys
        guard let fields = reader.fields(node, "operations", keys: K.all,
                                         example: "{incident_probability: 0.5, restore: rollback}") else { return nil }
        let incidents = reader.read(fields, K.incidentProbability).or(K.incidentProbability)
        let detection = reader.read(fields, K.detection).or(K.detection)
        let restore = reader.read(fields, K.restore, what: "restore strategy").or(K.restore)
        guard let incidents, let detection, let restore else { return nil }
        return Operations(incidentProbability: incidents, detection: detection, restore: restore)
    }
}
