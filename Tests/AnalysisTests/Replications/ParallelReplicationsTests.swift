import Analysis
import DeliveryModel
import ScenarioFile
import Testing

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
}
