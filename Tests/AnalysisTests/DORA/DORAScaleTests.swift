import Analysis
import DeliveryModel
import Testing
import TestSupport

/// DORA's six-bucket answer scale: every edge, on both sides.
@Suite struct DORAScaleTests {
    @Test func deploymentFrequencyEdges() {
        let cases: [(Double, Int)] = [
            (100, 0), (24.001, 0), (24, 1), (2, 1), (1.0001, 1), (1, 2), (0.5, 2), (1.0 / 7, 2), (0.14, 3),
            (1.0 / 30, 3), (0.0333, 4), (1.0 / 180, 4), (0.0055, 5), (0, 5),
        ]
        for (perDay, rank) in cases {
            #expect(DORAKey.deploymentFrequency.bucket(perDay).rank == rank, "\(perDay) per day")
        }
        #expect(DORAKey.deploymentFrequency.bucket(3).label == "multiple per day")
        #expect(DORAKey.deploymentFrequency.bucket(0).label == "less than every 6 months")
    }

    @Test func timeEdges() {
        let cases: [(Double, Int)] = [
            (0, 0), (0.999, 0), (1, 1), (23.99, 1), (24, 2), (167.9, 2), (168, 3), (719.9, 3), (720, 4),
            (4319, 4), (4320, 5), (10_000, 5),
        ]
        for key in [DORAKey.leadTime, .timeToRestore] {
            for (hours, rank) in cases { #expect(key.bucket(hours).rank == rank, "\(key) \(hours) h") }
        }
        #expect(DORAKey.leadTime.bucket(30).label == "1 day to 1 week")
    }

    @Test func changeFailureRateEdges() {
        let cases: [(Double, Int)] = [
            (0, 0), (0.15, 0), (0.1501, 1), (0.30, 1), (0.3001, 2), (0.45, 2), (0.46, 3), (0.60, 3), (0.61, 4),
            (0.75, 4), (0.76, 5), (1, 5),
        ]
        for (rate, rank) in cases { #expect(DORAKey.changeFailureRate.bucket(rate).rank == rank, "\(rate)") }
        #expect(DORAKey.changeFailureRate.bucket(0.2).label == "16-30%")
    }

    @Test func keysAreTheCatalogue() {
        #expect(DORAKey.allCases.map(\.metric) == ["deployment_frequency_per_day", "lead_time_for_changes_hours",
                                                   "change_failure_rate", "time_to_restore_hours"])
    }
}
