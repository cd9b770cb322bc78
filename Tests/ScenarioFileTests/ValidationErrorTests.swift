import Foundation
import ScenarioFile
import Testing
import TestSupport

/// Invalid scenarios: each error names the file, the key path, the position and what is wrong.
struct ValidationErrorTests {
    /// `smallScenario` with `old` replaced by `new` (which must occur).
    func variant(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(smallScenario.contains(old), "test bug: `\(old)` not in the scenario", sourceLocation: sourceLocation)
        return smallScenario.replacingOccurrences(of: old, with: new)
    }

    @Test func theSmallScenarioIsValid() throws {
        _ = try ScenarioLoader.load(yaml: smallScenario)
    }

    @Test func unknownKeySuggestsTheClosest() {
        let errors = loadErrors(variant("    wip_limit: 4", "    wip_limt: 4"))
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.file == "test.yaml")
        #expect(error?.keyPath == "stages[0].wip_limt")
        #expect(error?.line == 12)
        #expect(error?.column == 5)
        #expect(error?.message == "unknown key `wip_limt`; did you mean `wip_limit`?")
        #expect(error?.description == "test.yaml:12:5: stages[0].wip_limt: unknown key `wip_limt`; did you mean `wip_limit`?")
    }

    @Test func unknownKeyWithoutCloseMatchListsTheKeys() {
        let errors = loadErrors(smallScenario + "\nflavour: vanilla")
        #expect(errors.count == 1)
        #expect(errors.first?.keyPath == "flavour")
        #expect(errors.first?.line == 16)
        #expect(errors.first?.message.hasPrefix("unknown key `flavour` (expected one of: name, description,") == true)
    }

    @Test func wrongTypes() {
        let people = loadErrors(variant("dev: {people: 3}", "dev: {people: many}"))
        #expect(people.map(\.keyPath) == ["teams.dev.people"])
        #expect(people.first?.file == "test.yaml")
        #expect(people.first?.line == 6)
        #expect(people.first?.message == "must be an integer ≥ 1 (got \"many\")")

        let mapping = loadErrors(variant("    wip_limit: 4", "    wip_limit: {max: 4}"))
        #expect(mapping.map(\.keyPath) == ["stages[0].wip_limit"])
        #expect(mapping.first?.message == "must be an integer ≥ 1 (got a mapping)")

        let teams = loadErrors(variant("teams:\n  dev: {people: 3}\n  qa: {people: 1}", "teams: [dev, qa]"))
        #expect(teams.contains { $0.keyPath == "teams" && $0.message.hasPrefix("must be a mapping of team name to {people: N}") })

        let bool = loadErrors(smallScenario + "\ndeploy: {automated: sometimes}")
        #expect(bool.map(\.keyPath) == ["deploy.automated"])
        #expect(bool.first?.message == "must be true or false (got \"sometimes\")")
    }

    @Test func negativeDurations() {
        let horizon = loadErrors(variant("horizon: 30d", "horizon: -5d"))
        #expect(horizon.map(\.keyPath) == ["horizon"])
        #expect(horizon.first?.line == 2)
        #expect(horizon.first?.message.hasPrefix("duration `-5d` is negative") == true)

        let work = loadErrors(variant("    work: 1d", "    work: -3"))
        #expect(work.map(\.keyPath) == ["stages[0].work"])
        #expect(work.first?.line == 11)
        #expect(work.first?.message == "must be a duration ≥ 0 (got -3)")

        let parameter = loadErrors(variant("{exponential: {mean: 2h}}", "{exponential: {mean: -2h}}"))
        #expect(parameter.map(\.keyPath) == ["stages[1].work.exponential.mean"])
        #expect(parameter.first?.message.contains("negative") == true)
    }

    @Test func notANumber() {
        let errors = loadErrors(variant("    work: 1d", "    work: .nan"))
        #expect(errors.map(\.keyPath) == ["stages[0].work"])
        #expect(errors.first?.message == "must be a finite number (got .nan)")
        let infinite = loadErrors(variant("{exponential: {mean: 2h}}", "{exponential: {mean: .inf}}"))
        #expect(infinite.map(\.keyPath) == ["stages[1].work.exponential.mean"])
        #expect(infinite.first?.message == "must be a finite number (got .inf)")
    }

    @Test func baseSixtyNumbersAreRefused() {
        let errors = loadErrors(variant("    work: 1d", "    work: 1:30"))
        #expect(errors.map(\.keyPath) == ["stages[0].work"])
        #expect(errors.first?.message == "must be a duration (got 1:30: base-60 numbers like 1:30 are not accepted; write 1.5h or 90m)")
    }

    @Test func probabilityOutOfRange() {
        let errors = loadErrors(variant("    wip_limit: 4", "    wip_limit: 4\n    defect_probability: 1.5"))
        #expect(errors.count == 1)
        #expect(errors.first?.file == "test.yaml")
        #expect(errors.first?.keyPath == "stages[0].defect_probability")
        #expect(errors.first?.line == 13)
        #expect(errors.first?.message == "must be a probability in [0, 1] (got 1.5)")
    }

    @Test func probabilityDistributionsMustStayInZeroOne() {
        let unbounded = loadErrors(variant("    wip_limit: 4", "    wip_limit: 4\n    detection: {exponential: {mean: 0.1}}"))
        #expect(unbounded.map(\.keyPath) == ["stages[0].detection.exponential"])
        #expect(unbounded.first?.message.hasPrefix("a probability must lie in [0, 1], and `exponential` draws are not bounded there") == true)

        let wide = loadErrors(variant("    wip_limit: 4", "    wip_limit: 4\n    detection: {uniform: {min: 0.5, max: 1.5}}"))
        #expect(wide.map(\.keyPath) == ["stages[0].detection.uniform"])
        #expect(wide.first?.message == "a probability must lie in [0, 1], but this distribution draws values in [0.5, 1.5]")

        let flaky = loadErrors(smallScenario + "\ntests: [{name: t, at: develop, duration: 1m, flaky: 1}]")
        #expect(flaky.map(\.keyPath) == ["tests[0].flaky"])
        #expect(flaky.first?.message == "must be a probability in [0, 1) (got 1)")
    }

    @Test func stageNamingAnUndefinedTeam() {
        let errors = loadErrors(variant("    team: qa", "    team: qaa"))
        #expect(errors.count == 1)
        #expect(errors.first?.file == "test.yaml")
        #expect(errors.first?.keyPath == "stages[1].team")
        #expect(errors.first?.line == 14)
        #expect(errors.first?.column == 11)
        #expect(errors.first?.message == "no team named `qaa`; did you mean `qa`? (teams: dev, qa)")
    }

    @Test func testNamingAnUndefinedStage() {
        let errors = loadErrors(smallScenario + "\ntests:\n  - {name: unit, at: devlop, duration: 5m}")
        #expect(errors.map(\.keyPath) == ["tests[0].at"])
        #expect(errors.first?.line == 17)
        #expect(errors.first?.message == "no stage named `devlop`; did you mean `develop`? (stages: develop, test)")
    }

    @Test func wipLimitZero() {
        let errors = loadErrors(variant("    wip_limit: 4", "    wip_limit: 0"))
        #expect(errors.count == 1)
        #expect(errors.first?.file == "test.yaml")
        #expect(errors.first?.keyPath == "stages[0].wip_limit")
        #expect(errors.first?.line == 12)
        #expect(errors.first?.column == 16)
        #expect(errors.first?.message == "must be an integer ≥ 1 (got 0)")
        #expect(errors.first?.description == "test.yaml:12:16: stages[0].wip_limit: must be an integer ≥ 1 (got 0)")
    }

    @Test func missingRequiredKeys() {
        let horizon = loadErrors(variant("horizon: 30d\n", ""))
        #expect(horizon.count == 1)
        #expect(horizon.first?.file == "test.yaml")
        #expect(horizon.first?.keyPath == "horizon")
        #expect(horizon.first?.line == 1)
        #expect(horizon.first?.message == "missing required key `horizon`")

        let team = loadErrors(variant("    team: qa\n", ""))
        #expect(team.map(\.keyPath) == ["stages[1].team"])
        #expect(team.first?.line == 13)
        #expect(team.first?.message == "missing required key `team`")

        let empty = loadErrors(variant("horizon: 30d", "horizon:"))
        #expect(empty.map(\.keyPath) == ["horizon"])
        #expect(empty.first?.message == "`horizon` needs a value")
    }

    @Test func duplicateNames() {
        let errors = loadErrors(variant("  - name: test", "  - name: develop"))
        #expect(errors.map(\.keyPath) == ["stages[1].name"])
        #expect(errors.first?.message == "duplicate stage name `develop` (also stages[0])")
    }

    @Test func duplicateKeysAreAYAMLError() {
        let errors = loadErrors(variant("horizon: 30d", "horizon: 30d\nhorizon: 40d"))
        #expect(errors.count == 1)
        #expect(errors.first?.file == "test.yaml")
        #expect(errors.first?.message == "duplicate key `horizon` in a mapping")
        #expect(errors.first?.line != nil)
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() {
        let errors = loadErrors(variant("  qa: {people: 1}", "  qa: {people: 1"))
        #expect(errors.count == 1)
        #expect(errors.first?.file == "test.yaml")
        #expect(errors.first?.keyPath == "")
        #expect(errors.first?.line == 8)
        #expect(errors.first?.column != nil)
        #expect(errors.first?.message.hasPrefix("YAML syntax error:") == true)

        let tab = loadErrors("name: x\nteams:\n\tdev: 1\n")
        #expect(tab.first?.line == 3)
        #expect(tab.first?.message.hasPrefix("YAML syntax error:") == true)
    }

    @Test func emptyAndNonMappingDocuments() {
        let empty = loadErrors("# nothing here\n")
        #expect(empty.count == 1)
        #expect(empty.first?.file == "test.yaml")
        #expect(empty.first?.keyPath == "")
        #expect(empty.first?.message.hasPrefix("the file is empty") == true)

        let list = loadErrors("- a\n- b\n")
        #expect(list.count == 1)
        #expect(list.first?.message == "a scenario file must be a mapping of keys (name, horizon, demand, …), got a list")
        #expect(list.first?.line == 1)
    }

    @Test func missingFile() {
        let errors = loadFileErrors("/nonexistent/scenario.yaml")
        #expect(errors.count == 1)
        #expect(errors.first?.file == "/nonexistent/scenario.yaml")
        #expect(errors.first?.message == "cannot read the scenario file: no such file")

        let directory = loadFileErrors(FileManager.default.temporaryDirectory.path)
        #expect(directory.map(\.message) == ["cannot read the scenario file: it is a directory"])
    }

    @Test func distributionErrorsCarryTheirKeyPath() {
        let family = loadErrors(variant("{exponential: {mean: 2h}}", "{exponental: {mean: 2h}}"))
        #expect(family.map(\.keyPath) == ["stages[1].work"])
        #expect(family.first?.line == 15)
        #expect(family.first?.message.hasPrefix("unknown distribution `exponental`; did you mean `exponential`?") == true)

        let p90 = loadErrors(variant("    work: 1d", "    work: {lognormal: {median: 2d, p90: 1d}}"))
        #expect(p90.map(\.keyPath) == ["stages[0].work.lognormal.p90"])
        #expect(p90.first?.line == 11)
        #expect(p90.first?.message == "must exceed the median (got median 48.0, p90 24.0)")

        let parameter = loadErrors(variant("{exponential: {mean: 2h}}", "{exponential: {maen: 2h}}"))
        #expect(parameter.map(\.keyPath) == ["stages[1].work.exponential.maen"])
        #expect(parameter.first?.message == "unknown parameter `maen` of `exponential`; did you mean `mean`? (`exponential` takes {mean})")

        let set = loadErrors(variant("{exponential: {mean: 2h}}", "{gamma: {mean: 2h}}"))
        #expect(set.map(\.keyPath) == ["stages[1].work.gamma"])
        #expect(set.first?.message == "takes {shape, mean} or {shape, scale} (got {mean})")

        let unitless = loadErrors(variant("{exponential: {mean: 2h}}", "{gamma: {shape: 2d, mean: 2h}}"))
        #expect(unitless.map(\.keyPath) == ["stages[1].work.gamma.shape"])
        #expect(unitless.first?.message == "must be a number (got \"2d\")")

        let twoKeys = loadErrors(variant("{exponential: {mean: 2h}}", "{exponential: {mean: 2h}, gamma: {shape: 1, mean: 1}}"))
        #expect(twoKeys.map(\.keyPath) == ["stages[1].work"])
        #expect(twoKeys.first?.message.hasPrefix("a distribution is a mapping with a single key") == true)
    }

    @Test func otherRules() {
        let warmup = loadErrors(variant("horizon: 30d", "horizon: 30d\nwarmup: 40d"))
        #expect(warmup.map(\.keyPath) == ["warmup"])
        #expect(warmup.first?.message == "must be shorter than the horizon (warmup 40d, horizon 30d)")

        let shares = loadErrors(variant("  arrivals: {exponential: {mean: 6h}}",
                                        "  arrivals: {exponential: {mean: 6h}}\n  classes: {a: {share: 0.5}, b: {share: 0.4}}"))
        #expect(shares.map(\.keyPath) == ["demand.classes"])
        #expect(shares.first?.message == "the shares must sum to 1 (got 0.9)")

        let replications = loadErrors(smallScenario + "\nreplications: 1")
        #expect(replications.map(\.keyPath) == ["replications"])
        #expect(replications.first?.message == "must be an integer between 2 and 100000 (got 1)")

        let seed = loadErrors(smallScenario + "\nseed: -1")
        #expect(seed.map(\.keyPath) == ["seed"])
        #expect(seed.first?.message == "must be a non-negative integer (got -1)")

        let policy = loadErrors(smallScenario + "\nrelease: {policy: {sheduled: {every: 7d}}}")
        #expect(policy.map(\.keyPath) == ["release.policy.sheduled"])
        #expect(policy.first?.message.hasPrefix("unknown release policy `sheduled`; did you mean `scheduled`?") == true)

        let every = loadErrors(smallScenario + "\nrelease: {policy: {scheduled: {every: 0}}}")
        #expect(every.map(\.keyPath) == ["release.policy.scheduled.every"])
        #expect(every.first?.message == "must be a duration > 0 (got 0)")

        let restore = loadErrors(smallScenario + "\noperations: {restore: fix-forward}")
        #expect(restore.map(\.keyPath) == ["operations.restore"])
        #expect(restore.first?.message == "unknown restore strategy `fix-forward`; did you mean `fix_forward`? (one of: rollback, revert, fix_forward)")

        let canary = loadErrors(smallScenario + "\ndeploy: {canary: {fraction: 1, duration: 1h, detection: 0.5}}")
        #expect(canary.map(\.keyPath) == ["deploy.canary.fraction"])
        #expect(canary.first?.message == "must be a fraction of users in (0, 1) (got 1)")

        let hours = loadErrors(smallScenario + "\ncalendar: {workdays: Mon-Fri, hours: \"17:00-09:00\"}")
        #expect(hours.map(\.keyPath) == ["calendar.hours"])
        #expect(hours.first?.message == "the working day must start before it ends (got 17:00-09:00)")

        let days = loadErrors(smallScenario + "\ncalendar: {workdays: [Mon, Tus]}")
        #expect(days.map(\.keyPath) == ["calendar.workdays[1]"])
        #expect(days.first?.message.hasPrefix("`Tus` is not a weekday; did you mean `Tue`?") == true)

        let deployTeam = loadErrors(smallScenario + "\ndeploy: {team: ops}")
        #expect(deployTeam.map(\.keyPath) == ["deploy.team"])
        #expect(deployTeam.first?.message == "no team named `ops` (teams: dev, qa)")
    }

    @Test func manyErrorsAreReportedTogetherInFileOrder() {
        let yaml = """
        name: many
        horizon: 0
        demand:
          arrivals: {exponential: {mean: 6h}}
        teams:
          dev: {people: 0, size: 3}
        stages:
          - {name: develop, team: devs, wip_limit: 0, work: 1d}
          - {name: review, team: dev, detection: 2}
        tests:
          - {name: unit, at: nowhere, duration: 5m, flakey: 0.1}
        """
        let errors = loadErrors(yaml, path: "many.yaml")
        #expect(errors.map(\.keyPath) == [
            "horizon", "teams.dev.people", "teams.dev.size", "stages[0].team", "stages[0].wip_limit",
            "stages[1].detection", "tests[0].at", "tests[0].flakey",
        ])
        #expect(errors.allSatisfy { $0.file == "many.yaml" && $0.line != nil && $0.column != nil })
        let lines = errors.compactMap(\.line)
        #expect(lines == lines.sorted())
        let description = ScenarioErrors(errors: errors).description
        #expect(description.split(separator: "\n").count == errors.count)
        #expect(description.hasPrefix("many.yaml:2:10: horizon: must be a duration > 0 (got 0)"))
    }

    @Test func errorDescriptionFormats() {
        #expect(ScenarioError(file: "a.yaml", keyPath: "x.y", line: 3, column: 7, message: "bad").description == "a.yaml:3:7: x.y: bad")
        #expect(ScenarioError(file: "a.yaml", keyPath: "x.y", message: "bad").description == "a.yaml: x.y: bad")
        #expect(ScenarioError(file: "a.yaml", keyPath: "", line: 3, column: nil, message: "bad").description == "a.yaml:3: bad")
    }
}
