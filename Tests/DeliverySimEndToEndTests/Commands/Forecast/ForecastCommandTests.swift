import Foundation
import Testing
import TestSupport

/// `deliverysim forecast` as a user runs it: the JSON shape, what-ifs side by side, the table at
/// 100 columns, the export folder, and bad input.
@Suite struct ForecastCommandTests {
    @Test func jsonGivesEachProbabilityWithHoursAndDate() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let result = try runProcess(bin, ["forecast", file, "--items", "20", "--class", "bug", "--start", "2027-01-04", "--by", "2027-02-15",
                                          "--replications", "60", "--format", "json", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try RawJSON.parse(result.stdout)
        #expect(json["start"]?.string == "2027-01-04" && json["class"]?.string == "bug" && json["items"]?.number == "20")
        let scenario = try #require(json["scenarios"]?.array?.first)
        var previous = ""
        for key in ["p50", "p70", "p85", "p95"] {
            let entry = try #require(scenario["when"]?[key])
            let hours = try #require(entry["hours"]?.number.flatMap(Double.init))
            let date = try #require(entry["date"]?.string)
            #expect(hours > 0 && date >= previous && date > "2027-01-04")
            previous = date
            #expect(scenario["how_many"]?[key]?["items"]?.number.flatMap(Int.init).map { (0...20).contains($0) } == true)
        }
        let bins = try #require(scenario["finish_histogram"]?["bins"]?.array)
        #expect(bins.compactMap { $0["count"]?.number.flatMap(Int.init) }.reduce(0, +) + Int(scenario["finish_histogram"]?["after_horizon"]?.number ?? "x")! == 60)
        #expect(scenario["count_histogram"]?["bins"]?.array?.isEmpty == false)
    }

    @Test func varyAndSeveralFilesAreSideBySideAndPaired() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let vary = try runProcess(bin, ["forecast", file, "--items", "15", "--start", "2027-01-04", "--replications", "40",
                                        "--vary", "teams.dev.people=5,4", "-q"], environment: ["COLUMNS": "100", "NO_COLOR": "1"])
        #expect(vary.status == 0, "\(vary.stderr)")
        #expect(vary.stdout.contains("teams.dev.people=5") && vary.stdout.contains("teams.dev.people=4"))
        #expect(vary.stdout.contains("later than 1st"))
        #expect(vary.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(vary.stdout)")
        let json = try RawJSON.parse(try runProcess(bin, ["forecast", file, "--items", "15", "--start", "2027-01-04", "--replications", "40",
                                                          "--vary", "teams.dev.people=5,4", "--format", "json", "-q"]).stdout)
        let scenarios = try #require(json["scenarios"]?.array)
        #expect(scenarios.count == 2)
        // Fewer developers: later on average over the same draws (weekly releases make many ties).
        let later = try #require(scenarios[1]["paired"]?["later_than_first"]?.number.flatMap(Double.init))
        let difference = try #require(scenarios[1]["paired"]?["mean_difference_hours"]?.number.flatMap(Double.init))
        #expect(later > 0.2 && difference > 0)
        let other = try dir.write("b.yaml", scenarioYAML(name: "other"))
        let files = try runProcess(bin, ["forecast", file, other, "--items", "15", "--start", "2027-01-04", "--replications", "20", "--format", "csv", "-q"])
        #expect(files.status == 0)
        #expect(files.stdout.split(separator: "\r\n").count == 1 + 2 * 20)
        // The same seed per replication in both files: identical scenarios, identical rows.
        let rows = files.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", maxSplits: 1)[1] }
        #expect(Array(rows.prefix(20)) == Array(rows.suffix(20)))
    }

    @Test func exportWritesTheForecastFilesAndTheReport() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let args = ["forecast", file, "--items", "10", "--start", "2027-01-04", "--replications", "20", "--out", dir.path + "/out", "--report", "-q"]
        let first = try runProcess(bin, args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try dir.list("out") == ["forecast.csv", "forecast.ipynb", "forecast.json", "report.html", "run.json", "scenario-weekly.yaml"])
        let html = try dir.read("out/report.html")
        #expect(html.contains("<svg id=\"forecast-histogram-1\"") && html.contains("85%"))
        let csv = try dir.read("out/forecast.csv")
        #expect(csv.hasPrefix("scenario,replication,finish_hours,finish_date,items,done_by\r\n"))
        // An existing folder is refused; --force replaces it as deliverysim's own.
        #expect(try runProcess(bin, args).status == 2)
        let forced = try runProcess(bin, args + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func badInputIsRefusedWithExit2() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let noStart = try runProcess(bin, ["forecast", file, "--items", "5"])
        #expect(noStart.status == 2 && noStart.stderr.contains("give --start"))
        let badDate = try runProcess(bin, ["forecast", file, "--items", "5", "--start", "2027-02-30"])
        #expect(badDate.status == 2 && badDate.stderr.contains("--start must be a date"))
        let before = try runProcess(bin, ["forecast", file, "--items", "5", "--start", "2027-02-01", "--by", "2027-01-01"])
        #expect(before.status == 2 && before.stderr.contains("before"))
        let noClass = try runProcess(bin, ["forecast", file, "--items", "5", "--start", "2027-02-01", "--class", "epic"])
        #expect(noClass.status == 2 && noClass.stderr.contains("no class named `epic`"))
        let unstable = try runProcess(bin, ["forecast", file, "--items", "5", "--start", "2027-02-01", "--set", "demand.arrivals=1h"])
        #expect(unstable.status == 3 && unstable.stderr.contains("--allow-unstable"))
        let noBacklog = try runProcess(bin, ["forecast", file, "--start", "2027-02-01"])
        #expect(noBacklog.status == 2 && noBacklog.stderr.contains("give --items N"))
    }
}
