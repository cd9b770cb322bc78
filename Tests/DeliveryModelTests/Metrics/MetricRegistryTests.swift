import DeliveryModel
import Foundation
import ScenarioFile
import Testing

/// The metric registry is the one place a metric is declared: every metric the model emits is
/// in it, and every entry is emitted somewhere.
@Suite struct MetricRegistryTests {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    /// Metric names emitted by one replication of every shipped scenario.
    static func emittedNames() throws -> [String: [String]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10, "the shipped scenarios were not found at \(scenarios.path)")
        var names: [String: [String]] = [:]
        for file in files {
            var scenario = try ScenarioLoader.load(path: scenarios.appendingPathComponent(file).path).scenario
            scenario.horizon = min(scenario.horizon, scenario.warmup + 24 * 60)
            names[file] = try ScenarioRunner.run(scenario, replication: 0).metrics.map(\.name)
        }
        return names
    }

    @Test func everyEmittedMetricIsDefinedAndEveryDefinitionIsEmitted() throws {
        let emitted = try Self.emittedNames()
        var used: Set<String> = []
        for (file, names) in emitted {
            for name in names {
                let definition = MetricRegistry.definition(of: name)
                #expect(definition != nil, "\(file): \(name) has no definition")
                if let definition {
                    used.insert(definition.name)
                    // The emitted suffix is one the definition documents.
                    let suffix = name == definition.name ? "" : String(name.dropFirst(definition.name.count))
                    #expect(definition.variants.contains(suffix) || definition.variants.contains { $0.hasPrefix(".<") && suffix.hasPrefix(".") },
                            "\(file): \(name) is not a documented variant of \(definition.name) (\(definition.variants))")
                }
            }
        }
        for definition in MetricRegistry.all {
            #expect(used.contains(definition.name), "\(definition.name) is defined but no shipped scenario emits it")
        }
    }

    @Test func namesAreUniqueAndTheFourKeysAreTheDORADefinitions() {
        let names = MetricRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
        let keys = MetricRegistry.all.compactMap(\.dora)
        #expect(keys == DORAKey.allCases)
        for key in DORAKey.allCases {
            #expect(key.definition.name == key.metric)
            #expect(key.definition.better != .neither)
        }
        #expect(MetricRegistry.definition(of: "wip.develop")?.name == "wip")
        #expect(MetricRegistry.definition(of: "lead_time_hours.p85")?.unit == "h")
        #expect(MetricRegistry.definition(of: "no_such_metric") == nil)
        #expect(MetricRegistry.unit(of: "no_such_metric.x") == "")
    }
}
