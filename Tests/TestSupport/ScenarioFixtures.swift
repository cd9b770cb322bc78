/// A small scenario for tests (the shape of `scenarios/base-example.yaml`, 60 days, a weekly
/// release train): five developers, review, CI, automated deployments, incidents — quick to run,
/// and with every kind of record (arrivals, stages, releases, deployments, incidents).
///
/// `replacing` swaps exact pieces of the text (each must be there); the other parameters are
/// the values the test targets used to differ in.
public func scenarioYAML(name: String = "weekly", description: String = "a test scenario", replications: Int = 4,
                         deployFailureProbability: String = "0.05", replacing: [(String, String)] = []) -> String {
    var text = """
    name: \(name)
    description: \(description)
    horizon: 60d
    warmup: 10d
    replications: \(replications)
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
      failure_probability: \(deployFailureProbability)
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
