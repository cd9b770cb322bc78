import Foundation
import Testing
import TestSupport

/// `advise` on a scenario of the user's own (the `init` starter, not a preset): the practice
/// catalogue's steps applied to it, run paired and ranked; at least five named steps, each with
/// its id, maturity-model source and overrides in the JSON `steps` array.
@Suite struct AdviseCatalogueTests {
    @Test func adviseRanksNamedStepsForAnyScenario() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try runProcess(bin, ["init", "org.yaml"], in: dir.path).status == 0)
        let json = try runProcess(bin, ["advise", "org.yaml", "--replications", "4", "--format", "json", "-q"], in: dir.path)
        #expect(json.status == 0, "\(json.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let steps = try #require(doc["steps"] as? [[String: Any]])
        let ranked = steps.filter { $0["not_recommended"] is NSNull }
        #expect(ranked.count >= 5, "\(steps.map { $0["name"] ?? "" })")
        #expect(Set(steps.compactMap { $0["id"] as? String }).count == steps.count)
        #expect(steps.map { $0["rank"] as? Int } == Array(1...steps.count).map { $0 })
        for step in steps {
            #expect((step["source"] as? String)?.hasPrefix("CDMM ") == true, "\(step)")
            #expect(((step["overrides"] as? [String]) ?? []).allSatisfy { $0.contains("=") })
            let lead = try #require((step["effects"] as? [String: Any])?["lead_time_for_changes_hours"] as? [String: Any])
            #expect(lead["diff_low"] is Double && lead["diff_high"] is Double)
        }
        #expect(steps.contains { $0["id"] as? String == "automate-deployments" && $0["name"] as? String == "automate deployments" })
        // The table names the steps and fits.
        let table = try runProcess(bin, ["advise", "org.yaml", "--replications", "4", "-q"], in: dir.path, environment: ["COLUMNS": "100"])
        #expect(table.stdout.contains("automate deployments") && table.stdout.contains("WIP limits"), "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
}
