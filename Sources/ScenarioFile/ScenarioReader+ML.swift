import DeliveryModel
import SimRandom

extension ScenarioReader {
    /// The `ml:` section: models in production, their drift, monitoring and retraining.
    /// `deployFailure` is the deploy settings' failure probability, the default failure rate of
    /// pipeline changes deployed by hand.
    func readML(_ node: YNode, teamNames: [String], calendar: WorkCalendar, deployFailure: Distribution?) -> MLSpec? {
        typealias K = MLSpec.Keys
        guard let fields = reader.fields(node, "ml", keys: K.all,
                                         example: "{models: 4, quality: {initial: 0.92, threshold: 0.85}, retraining: {trigger: drift, pipeline: automated, duration: 6h}}")
        else { return nil }
        let models = reader.read(fields, K.models).value
        var initial: Double?, threshold: Double?
        if let q = fields[K.quality.name], let quality = reader.fields(q, fields.path(K.quality.name), keys: MLSpec.QualityKeys.all,
                                                                       example: "{initial: 0.92, threshold: 0.85}") {
            initial = reader.read(quality, MLSpec.QualityKeys.initial).value
            threshold = reader.read(quality, MLSpec.QualityKeys.threshold).value
            if let i = initial, let t = threshold, t >= i, let node = quality[MLSpec.QualityKeys.threshold.name] {
                reader.fail(node.origin, quality.path(MLSpec.QualityKeys.threshold.name), "must be below the initial quality (initial \(i), threshold \(t))")
                threshold = nil
            }
        }
        var gradual: Double? = MLSpec.GradualKeys.absent
        var shifts: Field<MLSpec.Shifts> = .absent
        if let d = fields[K.drift.name], let drift = reader.fields(d, fields.path(K.drift.name), keys: MLSpec.DriftKeys.all,
                                                                   example: "{gradual: {per_day: 0.0005}, shifts: {every: {exponential: {mean: 60d}}, drop: 0.05}}") {
            if let g = drift[MLSpec.DriftKeys.gradual.name] {
                gradual = nil
                if let gf = reader.fields(g, drift.path(MLSpec.DriftKeys.gradual.name), keys: MLSpec.GradualKeys.all, example: "{per_day: 0.0005}") {
                    gradual = reader.read(gf, MLSpec.GradualKeys.perDay).value
                }
            }
            shifts = reader.field(drift, MLSpec.DriftKeys.shifts) { s, path -> MLSpec.Shifts? in
                typealias S = MLSpec.Shifts.Keys
                guard let sf = reader.fields(s, path, keys: S.all,
                                             example: "{every: {exponential: {mean: 60d}}, drop: {uniform: {min: 0.03, max: 0.12}}}") else { return nil }
                let every = reader.read(sf, S.every).value
                let drop = reader.read(sf, S.drop).value
                if let every, every.mean <= 0, let node = sf[S.every.name] {
                    reader.fail(node.origin, sf.path(S.every.name), "must have a positive mean (shifts cannot come all at once)")
                    return nil
                }
                guard let every, let drop else { return nil }
                return MLSpec.Shifts(every: every, drop: drop)
            }
        }
        let monitoring = reader.field(fields, K.monitoring) { m, path -> MLSpec.Monitoring? in
            typealias M = MLSpec.Monitoring.Keys
            guard let mf = reader.fields(m, path, keys: M.all,
                                         example: "{detection: {exponential: {mean: 2d}}, false_alarm_per_day: 0.01}") else { return nil }
            let detection = reader.read(mf, M.detection).value
            let falseAlarms = reader.read(mf, M.falseAlarmPerDay).or(M.falseAlarmPerDay)
            guard let detection, let falseAlarms else { return nil }
            return MLSpec.Monitoring(detection: detection, falseAlarmPerDay: falseAlarms)
        }
        let userReports = reader.read(fields, K.userReports).or(K.userReports)
        let retraining = reader.field(fields, K.retraining) { readRetraining($0, $1, teamNames: teamNames, calendar: calendar) }.value
        if let r = retraining, r.trigger == .drift, case .absent = monitoring, let node = fields[K.retraining.name] {
            reader.fail(node.origin, Reader.join(fields.path(K.retraining.name), MLSpec.Retraining.Keys.trigger.name),
                        "`drift` needs `ml.monitoring` (nothing would raise the alert); use `manual` without monitoring")
            return nil
        }
        let changes = reader.field(fields, K.pipelineChanges) { c, path -> MLSpec.PipelineChanges? in
            typealias P = MLSpec.PipelineChanges.Keys
            guard let cf = reader.fields(c, path, keys: P.all,
                                         example: "{arrivals: {exponential: {mean: 14d}}, through_ci_cd: true}") else { return nil }
            let arrivals = reader.read(cf, P.arrivals).value
            let through = reader.read(cf, P.throughCICD).or(P.throughCICD)
            let failure = reader.read(cf, P.failureProbability).or(deployFailure)
            let repair = reader.read(cf, P.repair, calendar: calendar).or(try? Distribution.constant(calendar.dayEnd - calendar.dayStart))
            if let arrivals, arrivals.mean <= 0, let node = cf[P.arrivals.name] {
                reader.fail(node.origin, cf.path(P.arrivals.name), "must have a positive mean")
                return nil
            } else if let arrivals, let node = cf[P.arrivals.name], let problem = arrivals.almostSurelyZeroGaps() {
                reader.fail(node.origin, cf.path(P.arrivals.name), problem)
                return nil
            }
            guard let arrivals, let through, let failure, let repair else { return nil }
            return MLSpec.PipelineChanges(arrivals: arrivals, throughCICD: through, failureProbability: failure, repair: repair)
        }
        guard let models, let initial, let threshold, let gradual, !shifts.isInvalid, !monitoring.isInvalid, let userReports,
              let retraining, !changes.isInvalid else { return nil }
        return MLSpec(models: models, initialQuality: initial, threshold: threshold, gradualPerDay: gradual, shifts: shifts.value,
                      monitoring: monitoring.value, userReports: userReports, retraining: retraining, pipelineChanges: changes.value)
    }

    private func readRetraining(_ node: YNode, _ path: String, teamNames: [String], calendar: WorkCalendar) -> MLSpec.Retraining? {
        typealias K = MLSpec.Retraining.Keys
        guard let fields = reader.fields(node, path, keys: K.all,
                                         example: "{trigger: drift, pipeline: automated, duration: 6h}") else { return nil }
        let trigger = reader.read(fields, K.trigger).value
        let pipeline = reader.read(fields, K.pipeline).value
        let every = reader.field(fields, K.every) { node, path -> Double? in
            guard let hours = reader.fixedDuration(node, path) else { return nil }
            guard hours > 0 else {
                reader.fail(node.origin, path, "must be a duration > 0")
                return nil
            }
            return hours
        }
        // A manual pipeline's training is a person's effort; an automated one runs on the clock.
        let duration = reader.read(fields, K.duration, calendar: calendar, manual: pipeline == .manual).value
        let failure = reader.read(fields, K.failureProbability).or(K.failureProbability)
        typealias V = MLSpec.ValidationKeys
        var offline: Distribution? = V.offlineDetection.defaultValue
        var canary: Field<MLSpec.Canary> = .absent
        if let v = fields[K.validation.name] {
            if let vf = reader.fields(v, fields.path(K.validation.name), keys: V.all,
                                      example: "{offline_detection: 0.9, canary: {duration: 1d, detection: 0.8}}") {
                offline = reader.read(vf, V.offlineDetection).or(V.offlineDetection)
                canary = reader.field(vf, V.canary) { c, path -> MLSpec.Canary? in
                    typealias C = MLSpec.Canary.Keys
                    guard let cf = reader.fields(c, path, keys: C.all, example: "{duration: 1d, detection: 0.8}") else { return nil }
                    let d = reader.read(cf, C.duration).value
                    let p = reader.read(cf, C.detection).value
                    guard let d, let p else { return nil }
                    return MLSpec.Canary(duration: d, detection: p)
                }
            } else {
                offline = nil
            }
        }
        let team = reader.field(fields, K.team) { teamIndex($0, $1, teamNames: teamNames) }
        let handoff = reader.read(fields, K.handoff)
        if pipeline == .manual, fields[K.team.name] == nil {
            reader.fail(node.origin, Reader.join(path, K.team.name), "a manual pipeline needs the data-science team that trains (a team in `teams:`)")
            return nil
        }
        if trigger == .scheduled, every.value == nil {
            reader.fail(node.origin, Reader.join(path, K.every.name), "a scheduled trigger needs `every` (e.g. 90d)")
            return nil
        }
        guard let trigger, let pipeline, let duration, let failure, let offline, !canary.isInvalid,
              !team.isInvalid, !handoff.isInvalid, !every.isInvalid else { return nil }
        return MLSpec.Retraining(trigger: trigger, every: every.value, pipeline: pipeline, duration: duration, failureProbability: failure,
                                 offlineDetection: offline, canary: canary.value, team: team.value, handoff: handoff.value)
    }
}
