import Testing
import DeliveryModel
import SimRandom
import SimStats

/// ML models against renewal theory. Each check allows 4 standard errors of the Student-t
/// interval over 20 replications (see TheoryTests for why 4).
@Suite struct MLTheoryTests {
    /// A minimal organization (one developer, nothing arriving that matters) serving `ml`.
    static func scenario(_ ml: MLSpec, years: Double = 4) throws -> Scenario {
        Scenario(
            name: "ml", horizon: years * 365 * 24, warmup: 30 * 24, replications: 20, seed: 5,
            demand: Demand(arrivals: try .exponential(mean: 24 * 30), classes: [WorkClass(name: "feature", share: 1)]),
            teams: [Team(name: "dev", people: 1)],
            stages: [Stage(name: "develop", team: 0, work: try .exponential(mean: 1))],
            ml: ml
        )
    }

    static func automated(trigger: MLSpec.Trigger = .drift, every: Double? = nil, duration: Double) throws -> MLSpec.Retraining {
        MLSpec.Retraining(trigger: trigger, every: every, pipeline: .automated, duration: try .constant(duration))
    }

    @Test func withoutDriftNothingDegrades() throws {
        let ml = MLSpec(models: 4, initialQuality: 0.92, threshold: 0.85, monitoring: .init(detection: try .constant(24)),
                        userReports: try .constant(24), retraining: try Self.automated(duration: 6))
        let results = try ScenarioRunner.run(try Self.scenario(ml, years: 1), replications: 5)
        for r in results {
            #expect(r["model_degraded_fraction"] == 0)
            #expect(r["model_quality"]! == 0.92)
            #expect(r["retrainings"] == 0)
        }
    }

    @Test func poissonShiftsWithFixedRecoveryGiveRTOverOnePlusRT() throws {
        // Shifts at rate r = 1/(60 d) per model, each dropping quality below the threshold;
        // noticed after exactly 2 d, retrained in exactly 1 d: T = 72 h from shift to a good model.
        // Alternating renewal: degraded fraction = T/(1/r + T) = rT/(1 + rT).
        let r = 1.0 / (60 * 24), t = 72.0
        let ml = MLSpec(models: 10, initialQuality: 0.92, threshold: 0.85,
                        shifts: .init(every: try .exponential(mean: 1 / r), drop: try .constant(0.1)),
                        monitoring: .init(detection: try .constant(48)), userReports: try .constant(48),
                        retraining: try Self.automated(duration: 24))
        let results = try ScenarioRunner.run(try Self.scenario(ml), replications: 20)
        let ci = ConfidenceInterval(results.map { $0["model_degraded_fraction"]! })!
        let expected = r * t / (1 + r * t)
        #expect(ci.standardErrors(from: expected) <= 4, "degraded fraction \(ci) vs rT/(1+rT) = \(expected)")
        // Every recovery takes exactly T, and every detection exactly 2 d.
        for result in results {
            #expect(abs(result["model_recovery_hours"]! - t) < 1e-9)
            #expect(abs(result["model_detection_delay_hours"]! - 48) < 1e-9)
        }
    }

    @Test func driftWithoutRetrainingDegradesForGood() throws {
        // Gradual decay crosses the threshold after 140 days; retraining is scheduled once a century.
        let ml = MLSpec(models: 4, initialQuality: 0.92, threshold: 0.85, gradualPerDay: 0.0005,
                        userReports: try .constant(24), retraining: try Self.automated(trigger: .scheduled, every: 100 * 365 * 24, duration: 6))
        let results = try ScenarioRunner.run(try Self.scenario(ml, years: 20), replications: 3)
        for r in results {
            // Degraded from day 140 of 7 300, the first 30 days being warm-up: (7300 − 140)/(7300 − 30).
            #expect(abs(r["model_degraded_fraction"]! - (7300.0 - 140) / 7270) < 1e-9)
            #expect(r["model_quality"]! < 0.85)
        }
    }
}
