import Export
import Foundation
import Testing
import TestSupport

/// pandas reads every CSV of an export with no options: the right shape, numbers as numbers,
/// booleans as booleans, awkward scenario names intact. Skipped without pandas, except on CI
/// (`CI` set: `.ci/run` installs it), where it fails instead.
@Suite(.enabled(if: runsWith(ExternalTools.python3(importing: ["pandas"])), "needs python3 with pandas (pip install pandas)"))
struct PandasTests {
    static let script = #"""
    import json, sys
    import pandas as pd
    out = {}
    for name in ["replications", "summary", "flow", "items"]:
        df = pd.read_csv(f"{sys.argv[1]}/{name}.csv")
        out[name] = {"shape": list(df.shape), "columns": list(df.columns),
                     "dtypes": {c: str(t) for c, t in df.dtypes.items()},
                     "scenarios": sorted(set(df["scenario"]))}
    r = pd.read_csv(f"{sys.argv[1]}/replications.csv")
    out["lead"] = float(r.loc[(r["scenario"] == "continuous") & (r["replication"] == 1), "lead_time_for_changes_hours"].iloc[0])
    print(json.dumps(out))
    """#

    @Test func pandasReadsEveryFileWithNoOptions() throws {
        let python = try #require(ExternalTools.python3(importing: ["pandas"]), "python3 with pandas is needed on CI")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: false)
        let result = try runProcess(python, ["-c", Self.script, dir.path + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func table(_ name: String) throws -> [String: Any] { try #require(out[name] as? [String: Any]) }
        let names = ["continuous", "six, \"quoted\"\nname", "weekly"]
        for name in ["replications", "summary", "flow", "items"] {
            #expect(try table(name)["scenarios"] as? [String] == names, "\(name).csv")
        }
        let replications = try table("replications")
        #expect(replications["shape"] as? [Int] == [6, 2 + run.comparison.metricNames.count])
        let dtypes = try #require(replications["dtypes"] as? [String: String])
        #expect(dtypes["replication"] == "int64")
        #expect(run.comparison.metricNames.allSatisfy { dtypes[$0] == "float64" || dtypes[$0] == "int64" }, "\(dtypes)")
        let summary = try #require(try table("summary")["dtypes"] as? [String: String])
        #expect(summary["mean"] == "float64" && summary["n"] == "int64" && summary["baseline_diff"] == "float64")
        let flow = try #require(try table("flow")["dtypes"] as? [String: String])
        #expect(flow["day"] == "int64" && flow["in_stage"] == "int64" && flow["done"] == "int64")
        let items = try #require(try table("items")["dtypes"] as? [String: String])
        #expect(items["arrival"] == "float64" && items["escaped_defect"] == "bool" && items["after_warmup"] == "bool")
        #expect(items["rework_count"] == "int64")
        // The number pandas reads is the Double the simulation produced, to the last bit.
        #expect(out["lead"] as? Double == run.results[1][1]["lead_time_for_changes_hours"])
    }
}
