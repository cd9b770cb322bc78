import Analysis
import DeliveryModel
import Testing
import TestSupport

/// Per-key clusters of each year's table (ranges, overlaps, gaps, beyond the worst) and the
/// overall cluster.
@Suite struct DORAClassificationTests {
    typealias Case = (DORAKey, Double, DORACluster)

    func check(_ year: DORAYear, _ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, value, cluster) in cases {
            #expect(year.cluster(key, value) == cluster, "\(year.rawValue) \(key.metric) = \(value)", sourceLocation: sourceLocation)
        }
    }

    @Test func year2019() {
        check(.y2019, [
            (.deploymentFrequency, 3, .elite), (.deploymentFrequency, 0.5, .high), (.deploymentFrequency, 0.1, .medium),
            (.deploymentFrequency, 0.01, .low), (.deploymentFrequency, 0.001, .low), // beyond Low's range
            (.leadTime, 12, .elite), (.leadTime, 48, .high), (.leadTime, 300, .medium), (.leadTime, 2000, .low), (.leadTime, 9000, .low),
            (.timeToRestore, 0.5, .elite),
            (.timeToRestore, 12, .high),   // < 1 day is both High and Medium: the better
            (.timeToRestore, 48, .low),    // 1 day–1 week: the gap before Low's 1 week–1 month
            (.timeToRestore, 300, .low),
            (.changeFailureRate, 0.1, .elite), // 0–15% is Elite, High and Medium: the best
            (.changeFailureRate, 0.2, .low),   // the gap before Low's 46–60%
            (.changeFailureRate, 0.9, .low),
        ])
    }

    @Test func year2021() {
        check(.y2021, [
            (.deploymentFrequency, 3, .elite),
            (.deploymentFrequency, 0.5, .high), // daily–weekly: the gap between on demand and High's weekly–monthly
            (.deploymentFrequency, 0.1, .high), (.deploymentFrequency, 0.01, .medium), (.deploymentFrequency, 0.001, .low),
            (.leadTime, 0.5, .elite), (.leadTime, 12, .high), (.leadTime, 48, .high), (.leadTime, 300, .medium),
            (.leadTime, 2000, .medium), (.leadTime, 9000, .low),
            (.timeToRestore, 0.5, .elite), (.timeToRestore, 12, .high), (.timeToRestore, 48, .medium), (.timeToRestore, 300, .low),
            (.changeFailureRate, 0.1, .elite), (.changeFailureRate, 0.2, .high), (.changeFailureRate, 0.5, .low),
        ])
    }

    @Test func year2023() {
        check(.y2023, [
            (.deploymentFrequency, 3, .elite), (.deploymentFrequency, 0.5, .high), (.deploymentFrequency, 0.1, .medium),
            (.deploymentFrequency, 0.01, .low),
            (.leadTime, 12, .elite), (.leadTime, 48, .high), (.leadTime, 300, .medium), (.leadTime, 2000, .low),
            (.timeToRestore, 0.5, .elite), (.timeToRestore, 12, .high), (.timeToRestore, 48, .medium),
            (.timeToRestore, 300, .low),  // 1 week–1 month: the gap before Low's 1–6 months
            (.timeToRestore, 2000, .low),
            // Point values 5/10/15/64%: midpoints 7.5%, 12.5%, 39.5%, a midpoint to the better cluster.
            (.changeFailureRate, 0, .elite), (.changeFailureRate, 0.075, .elite), (.changeFailureRate, 0.076, .high),
            (.changeFailureRate, 0.125, .high), (.changeFailureRate, 0.126, .medium), (.changeFailureRate, 0.395, .medium),
            (.changeFailureRate, 0.396, .low), (.changeFailureRate, 1, .low),
        ])
    }

    @Test func profilesPerYear() {
        // DORA's elite profile: several deployments a day, lead time of hours, rare and short failures.
        let elite: [DORAKey: Double] = [.deploymentFrequency: 3, .leadTime: 2, .changeFailureRate: 0.04, .timeToRestore: 0.5]
        #expect(DORAClassification(year: .y2019, values: elite).overall == .elite)
        // 2021 asks for a lead time under an hour: two hours is High, and so is the whole.
        #expect(DORAClassification(year: .y2021, values: elite).overall == .high)
        #expect(DORAClassification(year: .y2023, values: elite).overall == .elite)

        let low: [DORAKey: Double] = [.deploymentFrequency: 1.0 / 60, .leadTime: 1500, .changeFailureRate: 0.5, .timeToRestore: 400]
        for year in DORAYear.allCases where year.hasClusters { #expect(DORAClassification(year: year, values: low).overall == .low) }

        let medium: [DORAKey: Double] = [.deploymentFrequency: 0.1, .leadTime: 240, .changeFailureRate: 0.14, .timeToRestore: 48]
        let classified = DORAClassification(year: .y2023, values: medium)
        #expect(classified.overall == .medium)
        #expect(classified.keys.map(\.cluster) == [.medium, .medium, .medium, .medium])
    }

    @Test func year2024() {
        check(.y2024, [
            (.deploymentFrequency, 3, .elite), (.deploymentFrequency, 0.5, .high), (.deploymentFrequency, 0.1, .medium),
            (.deploymentFrequency, 0.01, .low), (.deploymentFrequency, 0.001, .low),
            (.leadTime, 12, .elite), (.leadTime, 48, .high), (.leadTime, 300, .medium), (.leadTime, 2000, .low), (.leadTime, 9000, .low),
            (.timeToRestore, 0.5, .elite), (.timeToRestore, 12, .high), (.timeToRestore, 48, .low), (.timeToRestore, 300, .low),
            // 5/20/10/40%: High above Medium. By value: Elite 5% | 7.5% | Medium 10% | 15% | High 20% | 30% | Low 40%.
            (.changeFailureRate, 0.02, .elite), (.changeFailureRate, 0.075, .elite), (.changeFailureRate, 0.08, .medium),
            (.changeFailureRate, 0.12, .medium), (.changeFailureRate, 0.17, .high), (.changeFailureRate, 0.25, .high),
            (.changeFailureRate, 0.31, .low), (.changeFailureRate, 0.9, .low),
        ])
    }

    /// A hand-made result per published cluster, read from each year's row: classified as that cluster.
    @Test(arguments: [
        (DORAYear.y2019, [(DORACluster.elite, [3, 12, 0.1, 0.5]), (.high, [0.5, 48, 0.1, 12]), (.medium, [0.1, 300, 0.1, 12]),
                          (.low, [0.01, 2000, 0.5, 300])]),
        (.y2021, [(.elite, [3, 0.5, 0.1, 0.5]), (.high, [0.1, 48, 0.2, 12]), (.medium, [0.01, 2000, 0.2, 48]),
                  (.low, [0.001, 9000, 0.2, 9000])]),
        (.y2023, [(.elite, [3, 12, 0.05, 0.5]), (.high, [0.5, 48, 0.10, 12]), (.medium, [0.1, 300, 0.15, 48]),
                  (.low, [0.1, 300, 0.64, 2000])]),
        (.y2024, [(.elite, [3, 12, 0.05, 0.5]), (.high, [0.5, 48, 0.20, 12]), (.medium, [0.1, 300, 0.10, 12]),
                  (.low, [0.01, 2000, 0.40, 300])]),
    ] as [(DORAYear, [(DORACluster, [Double])])])
    func aResultPerClusterIsThatCluster(year: DORAYear, profiles: [(DORACluster, [Double])]) {
        for (cluster, cells) in profiles {
            // deployment frequency per day, lead time h, change failure rate, time to restore h
            let values = Dictionary(uniqueKeysWithValues: zip([DORAKey.deploymentFrequency, .leadTime, .changeFailureRate, .timeToRestore], cells))
            let classified = DORAClassification(year: year, values: values)
            #expect(classified.overall == cluster, "\(year.rawValue) \(cluster): \(classified.keys.map(\.cluster))")
        }
    }

    @Test func year2025HasNoClustersAndSaysSo() {
        let values: [DORAKey: Double] = [.deploymentFrequency: 3, .leadTime: 2, .changeFailureRate: 0.04, .timeToRestore: 0.5]
        let classified = DORAClassification(year: .y2025, values: values)
        #expect(classified.overall == nil)
        for key in classified.keys {
            #expect(key.bucket != nil && key.cluster == nil)
            #expect(key.note?.contains("not known") == true)
        }
        #expect(DORAYear.newestWithClusters == .y2024)
    }

    @Test func overallIsTheWorstKey() {
        // Elite speed, Low stability: Low.
        let values: [DORAKey: Double] = [.deploymentFrequency: 5, .leadTime: 3, .changeFailureRate: 0.7, .timeToRestore: 0.5]
        let classified = DORAClassification(year: .y2023, values: values)
        #expect(classified[.deploymentFrequency].cluster == .elite)
        #expect(classified[.changeFailureRate].cluster == .low)
        #expect(classified.overall == .low)
    }

    @Test func missingKeyIsLeftOutAndNoted() {
        let values: [DORAKey: Double] = [.deploymentFrequency: 3, .leadTime: 2, .changeFailureRate: 0]
        let classified = DORAClassification(year: .y2023) { key in
            (values[key], key == .timeToRestore ? "no failures were restored after warm-up" : nil)
        }
        let restore = classified[.timeToRestore]
        #expect(restore.value == nil && restore.bucket == nil && restore.cluster == nil)
        #expect(restore.note?.contains("no failures were restored") == true)
        #expect(restore.note?.contains("left out") == true)
        #expect(classified.overall == .elite)

        #expect(DORAClassification(year: .y2023, values: [:]).overall == nil)
        // A non-finite value counts as missing.
        #expect(DORAClassification(year: .y2023, values: [.leadTime: .nan, .deploymentFrequency: 0.5]).overall == .high)
    }
}
