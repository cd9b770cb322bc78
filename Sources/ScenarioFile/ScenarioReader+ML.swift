import DeliveryModel
import SimRandom

extension ScenarioReader {
    static let mlKeys = ["models", "quality", "drift", "monitoring", "user_reports", "retraining", "pipeline_changes"]
    static let retrainingKeys = ["trigger", "every", "pipeline", "duration", "failure_probability", "validation", "team", "handoff"]

    /// The `ml:` section: models in production, their drift, monitoring and retraining.
    /// `deployFailure` is the deploy settings' failure probability, the default failure rate of
    /// pipeline changes deployed by hand.
    func readML(_ node: YNode, teamNames: [String], calendar: WorkCalendar, deployFailure: Distribution?) -> MLSpec? {
        guard let fields = reader.fields(node, "ml", allowed: ScenarioReader.mlKeys, required: ["models", "quality", "retraining"],
                                         example: "{models: 4, quality: {initial: 0.92, threshold: 0.85}, retraining: {trigger: drift, pipeline: automated, duration: 6h}}")
        else { return nil }
        let models = fields["models"].flatMap { reader.integer($0, fields.path("models"), in: 1...10_000, expected: "an integer between 1 and 10000") }
        var initial: Double?, threshold: Double?
        if let q = fields["quality"], let quality = reader.fields(q, fields.path("quality"), allowed: ["initial", "threshold"],
                                                                 required: ["initial", "threshold"], example: "{initial: 0.92, threshold: 0.85}") {
            initial = quality["initial"].flatMap { unitInterval($0, quality.path("initial")) }
            threshold = quality["threshold"].flatMap { unitInterval($0, quality.path("threshold")) }
            if let i = initial, let t = threshold, t >= i, let node = quality["threshold"] {
                reader.fail(node.origin, quality.path("threshold"), "must be below the initial quality (initial \(i), threshold \(t))")
                threshold = nil
            }
        }
        var gradual: Double? = 0
        var shifts: MLSpec.Shifts?? = .some(nil)
        if let d = fields["drift"], let drift = reader.fields(d, fields.path("drift"), allowed: ["gradual", "shifts"],
                                                             example: "{gradual: {per_day: 0.0005}, shifts: {every: {exponential: {mean: 60d}}, drop: 0.05}}") {
            if let g = drift["gradual"] {
                gradual = nil
                if let gf = reader.fields(g, drift.path("gradual"), allowed: ["per_day"], required: ["per_day"], example: "{per_day: 0.0005}") {
                    gradual = gf["per_day"].flatMap { unitInterval($0, gf.path("per_day")) }
                }
            }
            if let s = drift["shifts"] {
                shifts = nil
                if let sf = reader.fields(s, drift.path("shifts"), allowed: ["every", "drop"], required: ["every", "drop"],
                                          example: "{every: {exponential: {mean: 60d}}, drop: {uniform: {min: 0.03, max: 0.12}}}") {
                    let every = sf["every"].flatMap { reader.duration($0, sf.path("every")) }
                    let drop = sf["drop"].flatMap { reader.probability($0, sf.path("drop")) }
                    if let every, every.mean <= 0, let node = sf["every"] {
                        reader.fail(node.origin, sf.path("every"), "must have a positive mean (shifts cannot come all at once)")
                    } else if let every, let drop {
                        shifts = MLSpec.Shifts(every: every, drop: drop)
                    }
                }
            }
        }
        var monitoring: MLSpec.Monitoring?? = .some(nil)
        if let m = fields["monitoring"] {
            monitoring = nil
            if let mf = reader.fields(m, fields.path("monitoring"), allowed: ["detection", "false_alarm_per_day"], required: ["detection"],
                                      example: "{detection: {exponential: {mean: 2d}}, false_alarm_per_day: 0.01}") {
                let detection = mf["detection"].flatMap { reader.duration($0, mf.path("detection")) }
                let falseAlarms = mf["false_alarm_per_day"].map { node -> Double? in
                    guard let value = reader.number(node, mf.path("false_alarm_per_day")) else { return nil }
                    guard value >= 0, value <= 100 else {
                        reader.fail(node.origin, mf.path("false_alarm_per_day"), "must be a rate between 0 and 100 per day (got \(node.shortDescription))")
                        return nil
                    }
                    return value
                } ?? 0
                if let detection, let falseAlarms { monitoring = MLSpec.Monitoring(detection: detection, falseAlarmPerDay: falseAlarms) }
            }
        }
        // Without monitoring, users notice a degraded model after about two weeks on average.
        let userReports = fields["user_reports"].map { reader.duration($0, fields.path("user_reports")) } ?? (try? Distribution.exponential(mean: 14 * 24))
        let retraining = fields["retraining"].flatMap { readRetraining($0, fields.path("retraining"), teamNames: teamNames, calendar: calendar) }
        if let r = retraining, r.trigger == .drift, case .some(nil) = monitoring, let node = fields["retraining"] {
            reader.fail(node.origin, Reader.join(fields.path("retraining"), "trigger"), "`drift` needs `ml.monitoring` (nothing would raise the alert); use `manual` without monitoring")
            return nil
        }
        var changes: MLSpec.PipelineChanges?? = .some(nil)
        if let c = fields["pipeline_changes"] {
            changes = nil
            if let cf = reader.fields(c, fields.path("pipeline_changes"), allowed: ["arrivals", "through_ci_cd", "failure_probability", "repair"],
                                      required: ["arrivals"], example: "{arrivals: {exponential: {mean: 14d}}, through_ci_cd: true}") {
                let arrivals = cf["arrivals"].flatMap { reader.duration($0, cf.path("arrivals")) }
                let through = cf["through_ci_cd"].map { reader.bool($0, cf.path("through_ci_cd")) } ?? false
                let failure = cf["failure_probability"].map { reader.probability($0, cf.path("failure_probability")) } ?? deployFailure
                let repair = cf["repair"].map { reader.effort($0, cf.path("repair"), calendar: calendar) } ?? (try? Distribution.constant(calendar.dayEnd - calendar.dayStart))
                if let arrivals, arrivals.mean <= 0, let node = cf["arrivals"] {
                    reader.fail(node.origin, cf.path("arrivals"), "must have a positive mean")
                } else if let arrivals, let through, let failure, let repair {
                    changes = MLSpec.PipelineChanges(arrivals: arrivals, throughCICD: through, failureProbability: failure, repair: repair)
                }
            }
        }
        guard let models, let initial, let threshold, let gradual, let shifts, let monitoring, let userReports,
              let retraining, let changes else { return nil }
        return MLSpec(models: models, initialQuality: initial, threshold: threshold, gradualPerDay: gradual, shifts: shifts,
                      monitoring: monitoring, userReports: userReports, retraining: retraining, pipelineChanges: changes)
    }

    private func readRetraining(_ node: YNode, _ path: String, teamNames: [String], calendar: WorkCalendar) -> MLSpec.Retraining? {
        guard let fields = reader.fields(node, path, allowed: ScenarioReader.retrainingKeys, required: ["trigger", "pipeline", "duration"],
                                         example: "{trigger: drift, pipeline: automated, duration: 6h}") else { return nil }
        let trigger = fields["trigger"].flatMap { choice($0, fields.path("trigger"), MLSpec.Trigger.self) }
        let pipeline = fields["pipeline"].flatMap { choice($0, fields.path("pipeline"), MLSpec.Pipeline.self) }
        let every = fields["every"].map { node -> Double? in
            guard let hours = reader.fixedDuration(node, fields.path("every")) else { return nil }
            guard hours > 0 else {
                reader.fail(node.origin, fields.path("every"), "must be a duration > 0")
                return nil
            }
            return hours
        }
        // A manual pipeline's training is a person's effort; an automated one runs on the clock.
        let duration = fields["duration"].flatMap { node in
            pipeline == .manual ? reader.effort(node, fields.path("duration"), calendar: calendar) : reader.duration(node, fields.path("duration"))
        }
        let failure = fields["failure_probability"].map { reader.probability($0, fields.path("failure_probability")) } ?? .never
        var offline: Distribution? = .never
        var canary: MLSpec.Canary?? = .some(nil)
        if let v = fields["validation"], let vf = reader.fields(v, fields.path("validation"), allowed: ["offline_detection", "canary"],
                                                               example: "{offline_detection: 0.9, canary: {duration: 1d, detection: 0.8}}") {
            offline = vf["offline_detection"].map { reader.probability($0, vf.path("offline_detection")) } ?? .never
            if let c = vf["canary"] {
                canary = nil
                if let cf = reader.fields(c, vf.path("canary"), allowed: ["duration", "detection"], required: ["duration", "detection"],
                                          example: "{duration: 1d, detection: 0.8}") {
                    let d = cf["duration"].flatMap { reader.duration($0, cf.path("duration")) }
                    let p = cf["detection"].flatMap { reader.probability($0, cf.path("detection")) }
                    if let d, let p { canary = MLSpec.Canary(duration: d, detection: p) }
                }
            }
        } else if fields["validation"] != nil {
            offline = nil
        }
        let team = fields["team"].map { teamIndex($0, fields.path("team"), teamNames: teamNames) }
        let handoff = fields["handoff"].map { reader.duration($0, fields.path("handoff")) }
        if pipeline == .manual, fields["team"] == nil {
            reader.fail(node.origin, Reader.join(path, "team"), "a manual pipeline needs the data-science team that trains (a team in `teams:`)")
            return nil
        }
        if trigger == .scheduled, every == nil {
            reader.fail(node.origin, Reader.join(path, "every"), "a scheduled trigger needs `every` (e.g. 90d)")
            return nil
        }
        guard let trigger, let pipeline, let duration, let failure, let offline, let canary,
              team.map({ $0 != nil }) ?? true, handoff.map({ $0 != nil }) ?? true, every.map({ $0 != nil }) ?? true else { return nil }
        return MLSpec.Retraining(trigger: trigger, every: every ?? nil, pipeline: pipeline, duration: duration, failureProbability: failure,
                                 offlineDetection: offline, canary: canary, team: team ?? nil, handoff: handoff ?? nil)
    }

    /// A number in [0, 1] (a quality or a rate of quality).
    private func unitInterval(_ node: YNode, _ path: String) -> Double? {
        guard let value = reader.number(node, path) else { return nil }
        guard (0...1).contains(value) else {
            reader.fail(node.origin, path, "must be between 0 and 1 (got \(node.shortDescription))")
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values, with a suggestion for a typo.
    private func choice<E: RawRepresentable & CaseIterable>(_ node: YNode, _ path: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = reader.string(node, path) else { return nil }
        if let value = E(rawValue: text) { return value }
        let options = E.allCases.map(\.rawValue)
        var message = "unknown value `\(text)`"
        if let guess = Suggestion.closest(to: text, among: options) { message += "; did you mean `\(guess)`?" }
        reader.fail(node.origin, path, message + " (one of: \(options.joined(separator: ", ")))")
        return nil
    }
}
