import DeliveryModel
import Foundation
import SimRandom

/// Turns a merged, overridden document into a validated ``Scenario``.
struct ScenarioReader {
    let reader = Reader()

    static let topKeys = ["name", "description", "extends", "horizon", "warmup", "replications", "seed", "calendar",
                          "demand", "teams", "stages", "tests", "release", "deploy", "operations", "ml"]
    static let maxReplications = 100_000

    /// The scenario, or nil with the problems in `reader.errors`.
    func read(_ root: YNode) -> Scenario? {
        guard let top = reader.fields(root, "", allowed: ScenarioReader.topKeys,
                                      required: ["name", "horizon", "demand", "teams", "stages"]) else { return nil }

        let name = top["name"].flatMap { reader.string($0, "name") }
        let description = top["description"].map { reader.string($0, "description") ?? "" } ?? ""

        let horizon = top["horizon"].flatMap { node -> Double? in
            guard let hours = reader.fixedDuration(node, "horizon") else { return nil }
            guard hours > 0 else {
                reader.fail(node.origin, "horizon", "must be a duration > 0 (got \(node.shortDescription))")
                return nil
            }
            return hours
        }
        var warmup: Double? = 0
        if let node = top["warmup"] {
            warmup = reader.fixedDuration(node, "warmup")
            if let w = warmup, let h = horizon, w >= h {
                reader.fail(node.origin, "warmup", "must be shorter than the horizon (warmup \(DurationText.format(w)), horizon \(DurationText.format(h)))")
                warmup = nil
            }
        }
        let replications = top["replications"].map {
            reader.integer($0, "replications", in: 2...ScenarioReader.maxReplications,
                           expected: "an integer between 2 and \(ScenarioReader.maxReplications)")
        } ?? 30
        let seed = top["seed"].map(readSeed) ?? 1
        let calendar = top["calendar"].map(readCalendar) ?? WorkCalendar.always
        let demand = top["demand"].flatMap(readDemand)

        let teams = top["teams"].flatMap(readTeams)
        let teamNames = top["teams"]?.entries?.map(\.key) ?? []
        let effortCalendar = (calendar ?? nil) ?? WorkCalendar.always
        let stages = top["stages"].flatMap { readStages($0, teamNames: teamNames, calendar: effortCalendar) }
        let stageNames = top["stages"]?.items?.map { $0["name"]?.scalarText } ?? []
        let tests = top["tests"].map { readTests($0, stageNames: stageNames, calendar: effortCalendar) } ?? []
        let release = top["release"].map(readRelease) ?? Release()
        let deploy = top["deploy"].map { readDeploy($0, teamNames: teamNames, calendar: effortCalendar) } ?? Deploy()
        let operations = top["operations"].map(readOperations) ?? Operations()
        let ml = top["ml"].map { readML($0, teamNames: teamNames, calendar: effortCalendar, deployFailure: (deploy ?? nil)?.failureProbability) }

        guard reader.errors.isEmpty, let name, let horizon, let warmup, let replications, let seed, let calendar,
              let demand, let teams, let stages, let tests, let release, let deploy, let operations,
              ml.map({ $0 != nil }) ?? true else {
            if reader.errors.isEmpty {
                reader.fail(root.origin, "", "the scenario is incomplete")
            }
            return nil
        }
        return Scenario(name: name, description: description, horizon: horizon, warmup: warmup, replications: replications,
                        seed: seed, calendar: calendar, demand: demand, teams: teams, stages: stages, tests: tests,
                        release: release, deploy: deploy, operations: operations, ml: ml ?? nil)
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
        guard let fields = reader.fields(node, "calendar", allowed: ["workdays", "hours"],
                                         example: "{workdays: Mon-Fri, hours: \"09:00-17:00\"}") else { return nil }
        var days: Set<Int>? = Set(0...4)
        if let workdays = fields["workdays"] { days = readWorkdays(workdays, fields.path("workdays")) }
        var hours: (Double, Double)? = (9, 17)
        if let node = fields["hours"] { hours = readHours(node, fields.path("hours")) }
        guard let days, let hours else { return nil }
        return WorkCalendar(workdays: days, dayStart: hours.0, dayEnd: hours.1)
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
                var message = "`\(bad)` is not a weekday"
                if let guess = Suggestion.closest(to: bad, among: ScenarioReader.dayAbbreviations) { message += "; did you mean `\(guess)`?" }
                message += " (write Mon, Tue, Wed, Thu, Fri, Sat, Sun, or a range like Mon-Fri)"
                reader.fail(partNode.origin, partPath, message)
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
    private func readHours(_ node: YNode, _ path: String) -> (Double, Double)? {
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
        return (start, end)
    }

    // MARK: Demand

    private func readDemand(_ node: YNode) -> Demand? {
        guard let fields = reader.fields(node, "demand", allowed: ["arrivals", "classes"], required: ["arrivals"],
                                         example: "{arrivals: {exponential: {mean: 6h}}}") else { return nil }
        let arrivals = fields["arrivals"].flatMap { node -> Distribution? in
            guard let distribution = reader.duration(node, fields.path("arrivals")) else { return nil }
            guard distribution.mean > 0 else {
                reader.fail(node.origin, fields.path("arrivals"), "the mean time between arrivals must be > 0")
                return nil
            }
            return distribution
        }
        var classes: [WorkClass]? = [WorkClass(name: "feature", share: 1)]
        if let node = fields["classes"] { classes = readClasses(node, fields.path("classes")) }
        guard let arrivals, let classes else { return nil }
        return Demand(arrivals: arrivals, classes: classes)
    }

    private func readClasses(_ node: YNode, _ path: String) -> [WorkClass]? {
        guard let entries = node.entries else {
            reader.fail(node.origin, path, "must be a mapping of class name to {share: …} (got \(node.shortDescription))")
            return nil
        }
        guard !entries.isEmpty else {
            reader.fail(node.origin, path, "must name at least one class of work")
            return nil
        }
        var classes: [WorkClass] = []
        var valid = true
        for entry in entries {
            let classPath = Reader.join(path, entry.key)
            guard let fields = reader.fields(entry.value, classPath, allowed: ["share", "skips_wip_limits", "priority"],
                                             required: ["share"], example: "{share: 0.7}") else { valid = false; continue }
            let share = fields["share"].flatMap { node -> Double? in
                guard let share = reader.number(node, fields.path("share")) else { return nil }
                guard share > 0, share <= 1 else {
                    reader.fail(node.origin, fields.path("share"), "must be a share in (0, 1] (got \(node.shortDescription))")
                    return nil
                }
                return share
            }
            let skips = fields["skips_wip_limits"].map { reader.bool($0, fields.path("skips_wip_limits")) } ?? false
            let priority = fields["priority"].map {
                reader.integer($0, fields.path("priority"), in: -1_000_000...1_000_000, expected: "an integer")
            } ?? 0
            guard let share, let skips, let priority else { valid = false; continue }
            classes.append(WorkClass(name: entry.key, share: share, skipsWipLimits: skips, priority: priority))
        }
        guard valid else { return nil }
        let total = classes.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-6 else {
            reader.fail(node.origin, path, "the shares must sum to 1 (got \(total))")
            return nil
        }
        return classes
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
        var teams: [Team] = []
        var valid = true
        for entry in entries {
            let path = Reader.join("teams", entry.key)
            guard let fields = reader.fields(entry.value, path, allowed: ["people"], required: ["people"],
                                             example: "{people: 6}") else { valid = false; continue }
            guard let people = fields["people"].flatMap({
                reader.integer($0, fields.path("people"), in: 1...1_000_000, expected: "an integer ≥ 1")
            }) else { valid = false; continue }
            teams.append(Team(name: entry.key, people: people))
        }
        return valid ? teams : nil
    }

    func teamIndex(_ node: YNode, _ path: String, teamNames: [String]) -> Int? {
        guard let name = reader.string(node, path) else { return nil }
        if let index = teamNames.firstIndex(of: name) { return index }
        var message = "no team named `\(name)`"
        if let guess = Suggestion.closest(to: name, among: teamNames) { message += "; did you mean `\(guess)`?" }
        message += teamNames.isEmpty ? " (no teams are defined)" : " (teams: \(teamNames.joined(separator: ", ")))"
        reader.fail(node.origin, path, message)
        return nil
    }

    // MARK: Stages

    static let stageKeys = ["name", "team", "work", "handoff", "wip_limit", "defect_probability", "detection", "rework_fraction"]

    private func readStages(_ node: YNode, teamNames: [String], calendar: WorkCalendar) -> [Stage]? {
        guard let items = node.items else {
            reader.fail(node.origin, "stages", "must be a list of stages, like - {name: develop, team: dev, work: 2d} (got \(node.shortDescription))")
            return nil
        }
        guard !items.isEmpty else {
            reader.fail(node.origin, "stages", "must list at least one stage")
            return nil
        }
        var stages: [Stage] = []
        var valid = true
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let path = "stages[\(i)]"
            guard let fields = reader.fields(item, path, allowed: ScenarioReader.stageKeys, required: ["name", "team"],
                                             example: "{name: develop, team: dev, work: 2d}") else { valid = false; continue }
            var name = fields["name"].flatMap { reader.string($0, fields.path("name")) }
            if let n = name, let nameNode = fields["name"] {
                if let first = seen[n] {
                    reader.fail(nameNode.origin, fields.path("name"), "duplicate stage name `\(n)` (also stages[\(first)])")
                    name = nil
                } else {
                    seen[n] = i
                }
            }
            let team = fields["team"].flatMap { teamIndex($0, fields.path("team"), teamNames: teamNames) }
            let work = fields["work"].map { reader.effort($0, fields.path("work"), calendar: calendar) }
            let handoff = fields["handoff"].map { reader.duration($0, fields.path("handoff")) }
            let wipLimit = fields["wip_limit"].map {
                reader.integer($0, fields.path("wip_limit"), in: 1...1_000_000_000, expected: "an integer ≥ 1")
            }
            let defects = fields["defect_probability"].map { reader.probability($0, fields.path("defect_probability")) } ?? .never
            let detection = fields["detection"].map { reader.probability($0, fields.path("detection")) } ?? .never
            let rework = fields["rework_fraction"].map { node -> Double? in
                guard let value = reader.number(node, fields.path("rework_fraction")) else { return nil }
                guard value > 0, value <= 10 else {
                    reader.fail(node.origin, fields.path("rework_fraction"), "must be a number in (0, 10] (got \(node.shortDescription))")
                    return nil
                }
                return value
            } ?? 0.5
            // `map` over optionals: nil = absent (fine); .some(nil) = present but invalid.
            guard let name, let team, let defects, let detection, let rework,
                  work.map({ $0 != nil }) ?? true, handoff.map({ $0 != nil }) ?? true, wipLimit.map({ $0 != nil }) ?? true
            else { valid = false; continue }
            stages.append(Stage(name: name, team: team, work: work ?? nil, handoff: handoff ?? nil, wipLimit: wipLimit ?? nil,
                                defectProbability: defects, detection: detection, reworkFraction: rework))
        }
        return valid ? stages : nil
    }

    // MARK: Tests

    static let testKeys = ["name", "at", "duration", "detection", "flaky", "manual"]

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
            guard let fields = reader.fields(item, path, allowed: ScenarioReader.testKeys, required: ["name", "at", "duration"],
                                             example: "{name: unit, at: develop, duration: 5m}") else { valid = false; continue }
            var name = fields["name"].flatMap { reader.string($0, fields.path("name")) }
            if let n = name, let nameNode = fields["name"] {
                if let first = seen[n] {
                    reader.fail(nameNode.origin, fields.path("name"), "duplicate test name `\(n)` (also tests[\(first)])")
                    name = nil
                } else {
                    seen[n] = i
                }
            }
            let stage = fields["at"].flatMap { node -> Int? in
                guard let at = reader.string(node, fields.path("at")) else { return nil }
                if let index = stageNames.firstIndex(of: at) { return index }
                var message = "no stage named `\(at)`"
                if let guess = Suggestion.closest(to: at, among: known) { message += "; did you mean `\(guess)`?" }
                message += known.isEmpty ? " (no stages are defined)" : " (stages: \(known.joined(separator: ", ")))"
                reader.fail(node.origin, fields.path("at"), message)
                return nil
            }
            let manual = fields["manual"].map { reader.bool($0, fields.path("manual")) } ?? false
            // A manual suite is a person's effort; an automated one runs on the clock.
            let duration = fields["duration"].flatMap { node in
                manual == true ? reader.effort(node, fields.path("duration"), calendar: calendar) : reader.duration(node, fields.path("duration"))
            }
            let detection = fields["detection"].map { reader.probability($0, fields.path("detection")) } ?? .never
            let flaky = fields["flaky"].map { reader.probability($0, fields.path("flaky"), belowOne: true) } ?? .never
            guard let name, let stage, let duration, let detection, let flaky, let manual else { valid = false; continue }
            tests.append(TestSuite(name: name, stage: stage, duration: duration, detection: detection, flaky: flaky, manual: manual))
        }
        return valid ? tests : nil
    }

    // MARK: Release

    static let policies = ["continuous", "scheduled", "batch"]

    private func readRelease(_ node: YNode) -> Release? {
        guard let fields = reader.fields(node, "release", allowed: ["policy", "approval"],
                                         example: "{policy: {scheduled: {every: 14d}}}") else { return nil }
        let policy = fields["policy"].map { readPolicy($0, fields.path("policy")) } ?? .continuous
        let approval = fields["approval"].map { reader.duration($0, fields.path("approval")) }
        guard let policy, approval.map({ $0 != nil }) ?? true else { return nil }
        return Release(policy: policy, approval: approval ?? nil)
    }

    private func readPolicy(_ node: YNode, _ path: String) -> ReleasePolicy? {
        let example = "continuous, {scheduled: {every: 14d}} or {batch: {size: 10}}"
        if let text = node.scalarText {
            if text == "continuous" { return .continuous }
            var message = "must be \(example) (got \(node.shortDescription))"
            if text == "scheduled" || text == "batch" {
                message = "`\(text)` needs its parameter: \(text == "scheduled" ? "{scheduled: {every: 14d}}" : "{batch: {size: 10}}")"
            } else if let guess = Suggestion.closest(to: text, among: ScenarioReader.policies) {
                message = "unknown release policy `\(text)`; did you mean `\(guess)`? (\(example))"
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
            var message = "unknown release policy `\(entry.key)`"
            if let guess = Suggestion.closest(to: entry.key, among: ScenarioReader.policies) { message += "; did you mean `\(guess)`?" }
            reader.fail(entry.keyOrigin, policyPath, message + " (\(example))")
            return nil
        }
    }

    // MARK: Deploy

    static let deployKeys = ["automated", "duration", "failure_probability", "canary", "rollback", "team"]

    private func readDeploy(_ node: YNode, teamNames: [String], calendar: WorkCalendar) -> Deploy? {
        guard let fields = reader.fields(node, "deploy", allowed: ScenarioReader.deployKeys,
                                         example: "{automated: true, duration: 15m}") else { return nil }
        let automated = fields["automated"].map { reader.bool($0, fields.path("automated")) } ?? true
        // A manual deployment or rollback is a person's effort; an automated one runs on the clock.
        let duration = fields["duration"].map { node in
            automated == false ? reader.effort(node, fields.path("duration"), calendar: calendar) : reader.duration(node, fields.path("duration"))
        } ?? .zero
        let failure = fields["failure_probability"].map { reader.probability($0, fields.path("failure_probability")) } ?? .never
        let canary = fields["canary"].map { readCanary($0, fields.path("canary")) }
        let rollback = fields["rollback"].map { readRollback($0, fields.path("rollback"), calendar: calendar) } ?? Rollback()
        let team = fields["team"].map { teamIndex($0, fields.path("team"), teamNames: teamNames) }
        guard let automated, let duration, let failure, let rollback,
              canary.map({ $0 != nil }) ?? true, team.map({ $0 != nil }) ?? true else { return nil }
        return Deploy(automated: automated, duration: duration, failureProbability: failure, canary: canary ?? nil,
                      rollback: rollback, team: team ?? nil)
    }

    private func readCanary(_ node: YNode, _ path: String) -> Canary? {
        guard let fields = reader.fields(node, path, allowed: ["fraction", "duration", "detection"],
                                         required: ["fraction", "duration", "detection"],
                                         example: "{fraction: 0.05, duration: 1h, detection: 0.8}") else { return nil }
        let fraction = fields["fraction"].flatMap { node -> Double? in
            guard let value = reader.number(node, fields.path("fraction")) else { return nil }
            guard value > 0, value < 1 else {
                reader.fail(node.origin, fields.path("fraction"), "must be a fraction of users in (0, 1) (got \(node.shortDescription))")
                return nil
            }
            return value
        }
        let duration = fields["duration"].flatMap { reader.duration($0, fields.path("duration")) }
        let detection = fields["detection"].flatMap { reader.probability($0, fields.path("detection")) }
        guard let fraction, let duration, let detection else { return nil }
        return Canary(fraction: fraction, duration: duration, detection: detection)
    }

    private func readRollback(_ node: YNode, _ path: String, calendar: WorkCalendar) -> Rollback? {
        guard let fields = reader.fields(node, path, allowed: ["automated", "duration"],
                                         example: "{automated: true, duration: 10m}") else { return nil }
        let automated = fields["automated"].map { reader.bool($0, fields.path("automated")) } ?? true
        let duration = fields["duration"].map { node in
            automated == false ? reader.effort(node, fields.path("duration"), calendar: calendar) : reader.duration(node, fields.path("duration"))
        } ?? .zero
        guard let automated, let duration else { return nil }
        return Rollback(automated: automated, duration: duration)
    }

    // MARK: Operations

    private func readOperations(_ node: YNode) -> Operations? {
        guard let fields = reader.fields(node, "operations", allowed: ["incident_probability", "detection", "restore"],
                                         example: "{incident_probability: 0.5, restore: rollback}") else { return nil }
        let incidents = fields["incident_probability"].map { reader.probability($0, fields.path("incident_probability")) } ?? .never
        let detection = fields["detection"].map { reader.duration($0, fields.path("detection")) } ?? .zero
        let restore = fields["restore"].map { node -> RestoreStrategy? in
            let options = RestoreStrategy.allCases.map(\.rawValue)
            guard let text = reader.string(node, fields.path("restore")) else { return nil }
            if let strategy = RestoreStrategy(rawValue: text) { return strategy }
            var message = "unknown restore strategy `\(text)`"
            if let guess = Suggestion.closest(to: text, among: options) { message += "; did you mean `\(guess)`?" }
            reader.fail(node.origin, fields.path("restore"), message + " (one of: \(options.joined(separator: ", ")))")
            return nil
        } ?? .rollback
        guard let incidents, let detection, let restore else { return nil }
        return Operations(incidentProbability: incidents, detection: detection, restore: restore)
    }
}
