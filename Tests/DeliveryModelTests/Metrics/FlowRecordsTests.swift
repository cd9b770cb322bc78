import Testing
import DeliveryModel
import SimStats

/// Flow snapshots and item records agree with each other and with the metrics.
@Suite struct FlowRecordsTests {
    @Test func snapshotsAndItemsAddUp() throws {
        let scenario = try DirectionTests.organization()
        let r = try ScenarioRunner.run(scenario, replication: 0, options: RunOptions(recordItems: true, flowInterval: 24))
        // A snapshot at day 0 and at the end of every day up to the horizon.
        #expect(r.flow.count == Int(scenario.horizon / 24) + 1)
        #expect(r.flow.map(\.day) == Array(0...Int(scenario.horizon / 24)))
        for (a, b) in zip(r.flow, r.flow.dropFirst()) {
            #expect(b.arrivals >= a.arrivals && b.done >= a.done)
        }
        for s in r.flow {
            #expect(s.inStage.count == scenario.stages.count && s.inStage.allSatisfy { $0 >= 0 })
        }
        // A release every 14 days: finished changes wait for it. (`awaitingRelease` is clamped at
        // 0, so only that it is sometimes positive says anything.)
        #expect(r.flow.contains { $0.awaitingRelease > 0 })
        // Every deployment of a change is recorded and counted in the cumulative `done`; a change
        // reverted by an incident's rollback re-enters the flow and, once redeployed, is recorded
        // again with the same id.
        #expect(r.items.count == r.flow.last!.done)
        #expect(r.items.allSatisfy { (1...r.flow.last!.arrivals).contains($0.id) })
        // A change is recorded again only after the deployment that recorded it caused an incident
        // (restore: rollback reverts it): every record of an id but its last says `incident`, and
        // the repeated ids are at most the incident records (fewer when a reverted change is not
        // yet deployed again at the horizon).
        let byID = Dictionary(grouping: r.items, by: \.id)
        let repeats = r.items.count - byID.count
        let incidentRecords = r.items.filter(\.incident).count
        #expect(repeats > 0, "the scenario reverts changes (restore: rollback) and deploys them again")
        #expect(repeats <= incidentRecords)
        for (id, records) in byID where records.count > 1 {
            let ordered = records.sorted { $0.deployed < $1.deployed }
            #expect(ordered.dropLast().allSatisfy { $0.incident }, "change \(id) recorded again without an incident reverting it")
            #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0.deployed < $1.deployed && $0.arrival == $1.arrival && $0.reworks < $1.reworks },
                    "change \(id): \(ordered)")
        }
        // The records of changes deployed after the warm-up reproduce the lead-time metrics.
        let measured = r.items.filter { $0.deployed >= scenario.warmup }
        let lead = measured.map(\.leadTime).reduce(0, +) / Double(measured.count)
        let forChanges = measured.map(\.leadTimeForChanges).reduce(0, +) / Double(measured.count)
        #expect(abs(lead - r["lead_time_hours"]!) < 1e-6 * lead)
        #expect(abs(forChanges - r["lead_time_for_changes_hours"]!) < 1e-6 * forChanges)
        #expect(measured.allSatisfy { $0.arrival <= $0.start && $0.start <= $0.developmentDone && $0.developmentDone <= $0.released && $0.released <= $0.deployed })
    }

    @Test func recordingChangesNothingElse() throws {
        let scenario = try DirectionTests.organization()
        let plain = try ScenarioRunner.run(scenario, replication: 2)
        let recorded = try ScenarioRunner.run(scenario, replication: 2, options: RunOptions(recordItems: true, flowInterval: 24))
        #expect(plain.metrics == recorded.metrics)
        #expect(plain.flow.isEmpty && plain.items.isEmpty)
    }
}
