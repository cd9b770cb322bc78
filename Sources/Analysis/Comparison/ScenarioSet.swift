import Foundation
import ScenarioFile

/// Loads the scenarios a comparison runs: files, maturity presets, or a what-if grid.
/// Every file's problems are collected and thrown together as one ``ScenarioErrors``.
public enum ScenarioSet {
    /// The scenarios in `paths`, each with `overrides` applied; labelled by their names (a
    /// repeated name gets ` #2`, ` #3` …). Files are read on up to `jobs` threads (the result
    /// does not depend on it); a file that several extend is read once.
    public static func files(_ paths: [String], overrides: [String] = [], jobs: Int = ParallelReplications.defaultJobs) throws(ScenarioErrors) -> [Variant] {
        var errors: [ScenarioError] = []
        var variants: [Variant] = []
        let bases = BaseDocuments()
        let outcomes = ParallelMap.map(paths.count, jobs: jobs) { i in Result { try ScenarioLoader.load(path: paths[i], overrides: overrides, bases: bases) } }
        for (path, outcome) in zip(paths, outcomes) {
            do {
                let loaded = try outcome.get()
                variants.append(Variant(label: loaded.scenario.name, file: path, scenario: loaded.scenario, resolvedYAML: loaded.resolvedYAML))
            } catch let problems as ScenarioErrors {
                errors += problems.errors
            } catch {
                errors.append(ScenarioError(file: path, message: "\(error)"))
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        return uniqueLabels(variants)
    }

    /// The presets of `ladder` (`cd-base.yaml` …) in `directory` (nil: the built-in presets),
    /// lowest level first, read on up to `jobs` threads.
    public static func levels(_ ladder: MaturityLevels.Ladder, in directory: String? = nil, overrides: [String] = [],
                              jobs: Int = ParallelReplications.defaultJobs) throws(ScenarioErrors) -> [Variant] {
        let paths = ladder.presets.map { MaturityLevels.path(of: $0, in: directory) }
        if let directory {
            let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
            guard missing.isEmpty else {
                throw ScenarioErrors(missing.map {
                    ScenarioError(file: $0, message: "maturity preset not found (--levels \(ladder.rawValue) needs \(ladder.presets.joined(separator: ", ")) in --scenarios-dir \(directory); without --scenarios-dir the built-in presets are used)")
                })
            }
        }
        // Each organization is paired with its own baseline (cd-base, mlops-0), never across.
        return zip(ladder.presets, try files(paths, overrides: overrides, jobs: jobs)).map { preset, variant in
            var variant = variant
            variant.family = MaturityLevels.family(of: preset)
            return variant
        }
    }

    /// The scenario at `path` once per point of `grid` (the point's overrides after `overrides`),
    /// labelled by the point's overrides; the file (and what it extends) is parsed once, the
    /// points are read on up to `jobs` threads.
    public static func whatIf(_ path: String, grid: WhatIfGrid, overrides: [String] = [],
                              jobs: Int = ParallelReplications.defaultJobs) throws(ScenarioErrors) -> [Variant] {
        var errors: [ScenarioError] = []
        var variants: [Variant] = []
        let points = grid.points
        guard !points.isEmpty else { return [] }
        let document: ScenarioLoader.ResolvedDocument
        do {
            document = try ScenarioLoader.resolve(path: path)
        } catch let problems as ScenarioErrors {
            throw problems
        } catch {
            throw ScenarioErrors([ScenarioError(file: path, message: "\(error)")])
        }
        let outcomes = ParallelMap.map(points.count, jobs: jobs) { i in Result { try document.load(overrides: overrides + points[i]) } }
        for (point, outcome) in zip(points, outcomes) {
            do {
                let loaded = try outcome.get()
                variants.append(Variant(label: point.joined(separator: "; "), file: path, overrides: point, scenario: loaded.scenario,
                                        resolvedYAML: loaded.resolvedYAML))
            } catch let problems as ScenarioErrors {
                // Report each failing value once, not once per grid point it takes part in.
                for e in problems.errors where !errors.contains(e) { errors.append(e) }
            } catch {
                errors.append(ScenarioError(file: path, message: "\(error)"))
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        return uniqueLabels(variants)
    }

    private static func uniqueLabels(_ variants: [Variant]) -> [Variant] {
        var seen: [String: Int] = [:]
        return variants.map { v in
            var v = v
            let count = seen[v.label, default: 0] + 1
            seen[v.label] = count
            if count > 1 { v.label += " #\(count)" }
            return v
        }
    }
}
