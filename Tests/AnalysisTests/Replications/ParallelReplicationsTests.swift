import Analysis
import DeliveryModel
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// Parallel replications give the serial results, in (scenario, replication) order, whatever
/// the number of workers; failures surface as errors, the same one a serial run meets first.
@Suite struct ParallelReplicationsTests {
    static func scenarios() throws -> [Scenario] {
        [try ScenarioLoader.load(yaml: scenarioYAML()).scenario,
         try ScenarioLoader.load(yaml: scenarioYAML(name: "wip-3", replacing: [("wip_limit: 6", "wip_limit: 3")])).scenario]
    }

    @Test func sameResultsAsSerialWhateverTheJobs() throws {
        let scenarios = try Self.scenarios()
        let serial = try scenarios.map { try ScenarioRunner.run($0, replications: 5) }
        for jobs in [1, 2, 3, 16] {
            let parallel = try ParallelReplications.run(scenarios, replications: 5, jobs: jobs)
            #expect(parallel.count == 2)
            for s in 0..<2 {
                #expect(parallel[s].map(\.replication) == Array(0..<5))
                #expect(parallel[s].map(\.metrics) == serial[s].map(\.metrics), "jobs \(jobs), scenario \(s)")
                #expect(parallel[s].map(\.events) == serial[s].map(\.events))
            }
        }
    }

    @Test func nothingToRun() throws {
        #expect(try ParallelReplications.run([], replications: 5, jobs: 2).isEmpty)
        #expect(try ParallelReplications.run(Self.scenarios(), replications: 0, jobs: 2).map(\.count) == [0, 0])
    }

    @Test func eventBudgetIsAnErrorNotACrash() throws {
        let scenarios = try Self.scenarios()
        for jobs in [1, 2] {
            #expect {
                _ = try ParallelReplications.run(scenarios, replications: 4, jobs: jobs, maxEvents: 100)
            } throws: { error in
                // Every replication fails; the reported one is the first in index order.
                guard let failure = error as? ReplicationFailure else { return false }
                return failure.scenarioIndex == 0 && failure.replication == 0 && failure.scenario == "cd-base"
                    && failure.description.contains("budget of 100 events")
            }
        }
    }

    /// With run options every replication records its flow and items, the same whatever the
    /// jobs, and progress is told once per replication with every count from 1 to the total.
    @Test func recordsAndProgressWhateverTheJobs() throws {
        let scenarios = try Self.scenarios()
        final class Counts: @unchecked Sendable {
            let lock = NSLock()
            var seen: [Int] = []
            var totals = Set<Int>()
        }
        let options = RunOptions(recordItems: true, flowInterval: 24)
        var outputs: [[[ReplicationResult]]] = []
        for jobs in [1, 2] {
            let counts = Counts()
            let results = try ParallelReplications.run(scenarios, replications: 3, jobs: jobs, options: options) { done, total in
                counts.lock.withLock {
                    counts.seen.append(done)
                    counts.totals.insert(total)
                }
            }
            #expect(counts.seen.sorted() == Array(1...6))
            #expect(counts.totals == [6])
            #expect(results.allSatisfy { $0.allSatisfy { !$0.flow.isEmpty && !$0.items.isEmpty } })
            outputs.append(results)
        }
        for s in 0..<2 {
            #expect(outputs[0][s].map(\.flow) == outputs[1][s].map(\.flow))
            #expect(outputs[0][s].map(\.items) == outputs[1][s].map(\.items))
            #expect(outputs[0][s].map(\.metrics) == outputs[1][s].map(\.metrics))
        }
    }
}
