import Analysis
import ArgumentParser
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import SimRandom

/// `deliverysim forecast`: when will a backlog be in production, and how much of it by a date —
/// under one scenario, several, or a grid of what-ifs, paired by common random numbers.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast when a backlog is in production (50/70/85/95% dates) and how many items are done by a date.",
        discussion: """
        Each replication starts at midnight of --start (the scenario's calendar.start if not \
        given) with the organization empty of work and --items items in the backlog (the \
        scenario's starting backlog if not given); arrivals, if the scenario has them, go on from \
        the start and compete for the same people but are not counted. Split pieces \
        (demand.split) and added scope (demand.added_scope) join the scope and count one each. A \
        replication runs until the whole scope is in production, or to --horizon. "When": the \
        dates by which at least 50/70/85/95% of the replications had it all in production. "How \
        many" (--by): at least that many items in production by the end of that date with that \
        probability. Several files, or --vary (as whatif), forecast each what-if with the same \
        seed per replication (common random numbers): paired.
        """
    )

    @Argument(help: "Scenario files (YAML); the first is the baseline. With --vary, exactly one.")
    var files: [String] = []

    @Option(help: "Items in the backlog at the start (default: the scenario's starting backlog).")
    var items: Int?

    @Option(name: .customLong("class"), help: "The class of service of those items (default: drawn by the classes' shares).")
    var workClass: String?

    @Option(help: ArgumentHelp("The start date, YYYY-MM-DD (default: the scenario's calendar.start).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Also forecast how many items are in production by the end of this date.", valueName: "date"))
    var by: String?

    @Option(help: ArgumentHelp("A key and its values, as whatif (repeatable): --vary stages.develop.wip_limit=2,4.", valueName: "key.path=v1,v2,..."))
    var vary: [String] = []

    @Option(help: ArgumentHelp("Simulated time at most per replication (s, m, h, d, w).", valueName: "duration"))
    var horizon: String = "522w"

    @Option(help: "Replications of every scenario.")
    var replications: Int = 1000

    @Option(help: "Master seed for every scenario (default: the first scenario file's).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key in every scenario (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: "Output format: table, json or csv (one row per replication).")
    var format: OutputFormat = .table

    @Option(help: "Stop a replication that handles more events than this.")
    var maxEvents: Int = 200_000_000

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var jobs: Int = ParallelReplications.defaultJobs

    @Flag(help: "Forecast scenarios whose arrivals exceed capacity anyway (the scope may then never be done: each replication stops at --horizon).")
    var allowUnstable = false

    @Flag(name: .shortAndLong, help: "No progress line.")
    var quiet = false

    @Option(help: ArgumentHelp("Write forecast.csv (per replication), forecast.json and the scenarios into this folder.", valueName: "dir"))
    var out: String?

    @Flag(help: "Replace the --out folder if deliverysim wrote it.")
    var force = false

    @Flag(help: "Also write report.html (the forecast table and finish-date histogram) into the --out folder.")
    var report = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give a scenario file to forecast") }
        if !vary.isEmpty && files.count > 1 { throw ValidationError("--vary takes one scenario file (got \(files.count))") }
        for text in vary {
            do { _ = try Axis(parsing: text) } catch { throw ValidationError("--vary \(error)") }
        }
        if let items, !(1...Limits.maxForecastItems).contains(items) {
            throw ValidationError("--items must be between 1 and \(Limits.maxForecastItems) (got \(items))")
        }
        if let start, CalendarDate(start) == nil { throw ValidationError("--start must be a date like 2027-01-04 (got \(start))") }
        if let by, CalendarDate(by) == nil { throw ValidationError("--by must be a date like 2027-03-31 (got \(by))") }
        if let s = start.flatMap(CalendarDate.init), let b = by.flatMap(CalendarDate.init), b < s {
            throw ValidationError("--by \(b) is before --start \(s)")
        }
        guard (2...Scenario.Keys.maxReplications).contains(replications) else {
            throw ValidationError("--replications must be between 2 and \(Scenario.Keys.maxReplications)")
        }
        guard let hours = try? DurationText.hours(horizon), hours > 0, hours <= Limits.maxHorizonHours else {
            throw ValidationError("--horizon must be a duration > 0 and at most 100 years, like 522w (got \(horizon))")
        }
        guard maxEvents > 0 else { throw ValidationError("--max-events must be positive") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if out == nil && (force || report) { throw ValidationError("--force and --report need --out DIR") }
    }

    func run() throws {
        let variants = try reportingFailures {
            if vary.isEmpty { return try ScenarioSet.files(files, overrides: overrides) }
            return try ScenarioSet.whatIf(files[0], grid: WhatIfGrid(axes: try vary.map { try Axis(parsing: $0) }), overrides: overrides)
        }
        let first = variants[0].scenario
        guard let startDate = start.flatMap(CalendarDate.init) ?? first.calendar.start else {
            printError("error: give --start YYYY-MM-DD (the scenario has no calendar.start)")
            throw ExitCode(2)
        }
        let byDate = by.flatMap(CalendarDate.init)
        if let byDate, byDate < startDate {
            printError("error: --by \(byDate) is before the start \(startDate)")
            throw ExitCode(2)
        }
        let question = ForecastQuestion(items: items, workClass: workClass, start: startDate, by: byDate,
                                        horizon: try DurationText.hours(horizon))
        let masterSeed = seed ?? first.seed
        var checked = variants.map(\.scenario)
        for i in checked.indices { checked[i].horizon = max(question.horizon, question.byHours ?? 0) }
        try checkLimits(checked, replications: replications)
        try checkStability(checked, allow: allowUnstable)
        let folder = try out.map { path in try reportingExportFailures { try StagedFolder.begin(path, force: force) } }
        defer { folder?.abandon() }
        let progress = Console.progress("forecast", quiet: quiet)
        let forecasts: [Forecast]
        do {
            forecasts = try reportingFailures {
                try Forecast.run(variants, question: question, replications: replications, seed: masterSeed, jobs: jobs,
                                 maxEvents: maxEvents, progress: { progress.update(done: $0, total: $1) })
            }
        } catch let error as ForecastError {
            progress.finish()
            printError("error: \(error)")
            throw ExitCode(2)
        }
        progress.finish()
        let result = ForecastReport(forecasts, seed: masterSeed)
        switch format {
        case .table: print(result.table(style: Console.style, columns: Console.width), terminator: "")
        case .json: print(result.json, terminator: "")
        case .csv: print(result.csv, terminator: "")
        }
        if let folder {
            try reportingExportFailures {
                let files = try ForecastExport.write(result, variants: variants, into: folder, report: report,
                                                     arguments: commandArguments, version: DeliverySimVersion.current)
                try folder.commit()
                if !quiet { printError("exported to \(folder.target)/: \(files.joined(separator: ", "))") }
            }
        }
    }
}
