import Foundation
import Testing
import TestSupport

/// "If we automate the 2-day manual regression suite, is it worth it?": `advise --objective
/// cost` on planning-example (a manual regression suite, costs, and the automation's one-off
/// and running cost) names the automation step with its payback in weeks and the assumptions.
@Suite struct AdviseObjectiveTests {
    static let planning = repositoryRoot + "/scenarios/planning-example.yaml"

    @Test func costNamesTheAutomationWithItsPayback() throws {
        let bin = try deliverysimPath()
        let args = ["advise", Self.planning, "--objective", "cost", "--replications", "6", "-q"]
        let table = try runProcess(bin, args, environment: ["COLUMNS": "100"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(table.stdout.contains("ranked by the change in cost per week"))
        // The automation's row: its cost per week and a payback in weeks (a number, not — or never).
        let row = try #require(lines.first { $0.contains(" automate manual tests ") && $0.first?.isNumber == true }, "\(table.stdout)")
        let cells = row.split(separator: " ").map(String.init)
        let payback = try #require(cells.firstIndex(of: "tests").map { cells[$0 + 2] }, "\(row)")
        #expect(Double(payback.replacingOccurrences(of: ",", with: "")) != nil, "payback weeks in \(row)")
        // The assumptions under the table.
        #expect(table.stdout.contains("costs used (economics): a person-hour dev 85, qa 70, ops 90"))
        #expect(table.stdout.contains("automate manual tests one-off 40,000, running 200 a week"))
        #expect(table.stdout.contains("6 replications, seed 1"))
        #expect(table.stdout.contains("payback weeks = one-off ÷"))

        let json = try runProcess(bin, args + ["--format", "json"])
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["objective"] as? String == "cost" && doc["ranked_by"] as? String == "cost_total")
        let steps = try #require(doc["steps"] as? [[String: Any]])
        let automation = try #require(steps.first { $0["id"] as? String == "automate-regression" })
        let weeks = try #require(automation["payback_weeks"] as? [String: Any])
        let mean = try #require(weeks["mean"] as? Double), low = try #require(weeks["low"] as? Double)
        #expect(mean > 0 && low <= mean)
        #expect((automation["objective"] as? [String: Any])?["metric"] as? String == "cost_total")
        #expect(steps.filter { $0["id"] as? String != "automate-regression" }.allSatisfy { $0["payback_weeks"] is NSNull })

        let csv = try runProcess(bin, args + ["--format", "csv"])
        let paybackRow = try #require(csv.stdout.split(whereSeparator: \.isNewline).first { $0.contains(",automate manual tests,payback_weeks,") }, "\(csv.stdout)")
        let csvMean = try #require(Double(String(paybackRow.split(separator: ",")[3])), "\(paybackRow)")
        #expect(abs(csvMean - mean) <= 1e-6 * mean, "CSV \(csvMean), JSON \(mean)")

        // Without an economics section there is nothing to rank by: a clear error, exit 2.
        let none = try runProcess(bin, ["advise", repositoryRoot + "/scenarios/example.yaml", "--objective", "cost", "--replications", "2", "-q"])
        #expect(none.status == 2 && none.stderr.contains("needs an `economics` section"), "\(none.stderr)")
    }
}
