/// A scenario that uses every area of the format: stages with WIP limits and a handoff, manual and
/// automated suites, a release train with approval, manual deploys with a canary and a manual
/// rollback, incidents, and an `ml:` section with monitoring, shifts, retraining with validation
/// and pipeline changes. Short and with two replications, so that the key coverage tests, which
/// run it once per declared key, stay quick.
let everyAreaScenario = """
name: every-area
description: every area of the scenario format
horizon: 120d
warmup: 10d
replications: 2
seed: 7
calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}
demand:
  arrivals: {exponential: {mean: 8h}}
  classes:
    feature: {share: 0.7}
    bug: {share: 0.25, priority: 1}
    expedite: {share: 0.05, skips_wip_limits: true, priority: 2}
teams:
  dev: {people: 4}
  qa: {people: 2}
  ops: {people: 1}
  ds: {people: 2}
stages:
  - {name: develop, team: dev, work: {lognormal: {median: 1d, p90: 3d}}, wip_limit: 5, defect_probability: 0.4, rework_fraction: 0.5}
  - {name: review, team: dev, work: 1h, detection: 0.3}
  - {name: test, team: qa, work: 30m, handoff: {exponential: {mean: 4h}}, wip_limit: 3}
tests:
  - {name: unit, at: develop, duration: 10m, detection: 0.4, flaky: 0.1}
  - {name: regression, at: test, duration: 2h, detection: 0.5, manual: true}
release:
  policy: {scheduled: {every: 7d}}
  approval: {exponential: {mean: 1d}}
deploy:
  automated: false
  duration: 2h
  failure_probability: 0.1
  canary: {fraction: 0.1, duration: 2h, detection: 0.6}
  rollback: {automated: false, duration: 1h}
  team: ops
operations:
  incident_probability: 0.6
  detection: {exponential: {mean: 8h}}
  restore: rollback
ml:
  models: 3
  quality: {initial: 0.92, threshold: 0.85}
  drift:
    gradual: {per_day: 0.002}
    shifts: {every: {exponential: {mean: 20d}}, drop: {uniform: {min: 0.03, max: 0.12}}}
  monitoring: {detection: {exponential: {mean: 1d}}, false_alarm_per_day: 0.05}
  user_reports: {exponential: {mean: 7d}}
  retraining:
    trigger: drift
    pipeline: automated
    duration: {exponential: {mean: 6h}}
    failure_probability: 0.2
    validation: {offline_detection: 0.5, canary: {duration: 1d, detection: 0.5}}
    team: ds
  pipeline_changes:
    arrivals: {exponential: {mean: 7d}}
    through_ci_cd: false
    failure_probability: 0.3
    repair: 1d
"""
