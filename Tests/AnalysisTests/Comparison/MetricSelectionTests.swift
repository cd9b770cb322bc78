import Analysis
import DeliveryModel
import Testing

/// `--metrics`: the groups cover the registry, names are checked.
@Suite struct MetricSelectionTests {
    @Test func everyRegisteredMetricIsInAGroup() {
        let grouped = Set((MetricSelection.flow + MetricSelection.quality + MetricSelection.ml + MetricSelection.cost).map(\.name))
        for definition in MetricRegistry.all {
            #expect(grouped.contains(definition.name) || definition.dora != nil, "\(definition.name) is in no --metrics group")
        }
    }

    @Test func parsing() throws {
        #expect(try MetricSelection(parsing: "keys") == .keys)
        #expect(try MetricSelection(parsing: "all").names == nil)
        #expect(try MetricSelection(parsing: "wip, lead_time_hours.p85").names == ["wip", "lead_time_hours.p85"])
        #expect(try MetricSelection(parsing: "ml").names?.first == "model_quality")
        #expect(throws: MetricSelectionError.self) { try MetricSelection(parsing: "wip,nonsense") }
        let keys = MetricSelection.keys.names(in: ["wip", "lead_time_hours", "change_failure_rate"])
        #expect(keys == ["change_failure_rate", "lead_time_hours"])
    }
}
