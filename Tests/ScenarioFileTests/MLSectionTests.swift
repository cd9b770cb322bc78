import DeliveryModel
import ScenarioFile
import SimRandom
import Testing
import TestSupport

/// The `ml:` section: values, defaults and located errors.
struct MLSectionTests {
    static func withML(_ ml: String) -> String { smallScenario + "\nml:\n" + ml }

    @Test func fullSectionLoads() throws {
        let s = try ScenarioLoader.load(yaml: Self.withML("""
          models: 4
          quality: {initial: 0.92, threshold: 0.85}
          drift:
            gradual: {per_day: 0.0005}
            shifts: {every: {exponential: {mean: 60d}}, drop: {uniform: {min: 0.03, max: 0.12}}}
          monitoring: {detection: {exponential: {mean: 2d}}, false_alarm_per_day: 0.01}
          retraining:
            trigger: drift
            pipeline: automated
            duration: {lognormal: {median: 6h, p90: 1d}}
            failure_probability: 0.05
            validation: {offline_detection: 0.9, canary: {duration: 1d, detection: 0.8}}
          pipeline_changes:
            arrivals: {exponential: {mean: 14d}}
            through_ci_cd: true
        """)).scenario
        let ml = try #require(s.ml)
        #expect(ml.models == 4 && ml.initialQuality == 0.92 && ml.threshold == 0.85 && ml.gradualPerDay == 0.0005)
        #expect(ml.shifts?.every == (try Distribution.exponential(mean: 1440)))
        #expect(ml.monitoring?.falseAlarmPerDay == 0.01)
        #expect(ml.retraining.trigger == .drift && ml.retraining.pipeline == .automated)
        #expect(ml.retraining.offlineDetection == constant(0.9))
        #expect(ml.retraining.canary?.detection == constant(0.8))
        #expect(ml.pipelineChanges?.throughCICD == true)
        #expect(ml.userReports == (try Distribution.exponential(mean: 14 * 24)))  // the documented default
    }

    @Test func manualTrainingIsEffortAndPipelineChangesDefaultToTheDeployFailureRate() throws {
        let s = try ScenarioLoader.load(yaml: Self.withML("""
          models: 1
          quality: {initial: 0.9, threshold: 0.8}
          retraining: {trigger: manual, pipeline: manual, team: dev, duration: 2d}
          pipeline_changes: {arrivals: 14d}
        """) + "\ncalendar: {workdays: Mon-Fri, hours: \"09:00-17:00\"}\ndeploy: {failure_probability: 0.2}\n").scenario
        #expect(s.ml?.retraining.duration == constant(16))
        #expect(s.ml?.pipelineChanges?.failureProbability == constant(0.2))
        #expect(s.ml?.pipelineChanges?.throughCICD == false)
    }

    @Test func errorsNameTheKeyPath() {
        let drift = loadErrors(Self.withML("""
          models: 2
          quality: {initial: 0.9, threshold: 0.8}
          retraining: {trigger: drift, pipeline: automated, duration: 6h}
        """))
        #expect(drift.contains { $0.keyPath == "ml.retraining.trigger" && $0.message.contains("needs `ml.monitoring`") })

        let team = loadErrors(Self.withML("""
          models: 2
          quality: {initial: 0.9, threshold: 0.8}
          retraining: {trigger: manual, pipeline: manual, duration: 1d}
        """))
        #expect(team.contains { $0.keyPath == "ml.retraining.team" })

        let threshold = loadErrors(Self.withML("""
          models: 2
          quality: {initial: 0.8, threshold: 0.9}
          retraining: {trigger: manual, pipeline: automated, duration: 1d}
        """))
        #expect(threshold.contains { $0.keyPath == "ml.quality.threshold" && $0.message.contains("below the initial") })

        let typo = loadErrors(Self.withML("""
          models: 2
          quality: {initial: 0.9, threshold: 0.8}
          retraining: {trigger: manul, pipeline: automated, duration: 1d}
        """))
        #expect(typo.contains { $0.keyPath == "ml.retraining.trigger" && $0.message.contains("did you mean `manual`?") })
        #expect(typo.first?.line != nil)
    }
}
