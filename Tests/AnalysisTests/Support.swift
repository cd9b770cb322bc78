import Foundation
import Testing

/// A small scenario for tests (the shape of `scenarios/base-example.yaml`, 60 days): five
/// developers, review, CI, a weekly release train, automated deployments.
func scenarioYAML(name: String = "cd-base", replacing: [(String, String)] = []) -> String {
    var text = """
    name: \(name)
    description: a test scenario
    horizon: 60d
    warmup: 10d
    replications: 8
    seed: 11
    calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}
    demand:
      arrivals: {exponential: {mean: 18h}}
      classes:
        feature: {share: 0.8}
        bug: {share: 0.2}
    teams:
      dev: {people: 5}
    stages:
      - name: develop
        team: dev
        work: {lognormal: {median: 1d, p90: 4d}}
        wip_limit: 6
        defect_probability: 0.2
      - name: review
        team: dev
        work: {gamma: {shape: 2, mean: 1h}}
        detection: 0.3
    tests:
      - {name: ci, at: develop, duration: 15m, detection: 0.5, flaky: 0.02}
    release:
      policy: {scheduled: {every: 7d}}
    deploy:
      automated: true
      duration: 10m
      failure_probability: 0.02
      rollback: {automated: true, duration: 5m}
    operations:
      incident_probability: 0.5
      detection: {exponential: {mean: 2h}}
      restore: rollback

    """
    for (old, new) in replacing {
        precondition(text.contains(old), "the test scenario has no `\(old)`")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Writes `text` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
