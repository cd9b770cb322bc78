/// The commented starter scenario `deliverysim init` writes: a user's own organization, every
/// section explained with typical values, that validates and runs as it is (a test holds this).
public enum StarterScenario {
    /// The default file name.
    public static let fileName = "my-organization.yaml"

    /// The YAML text.
    public static let text = #"""
# My organization: a starting point written by `deliverysim init`. Change the numbers to yours,
# then:   deliverysim run my-organization.yaml
#         deliverysim advise my-organization.yaml     (which practice step helps most)
# Times: a number is hours; or 30s, 15m, 4h, 2d, 1w. Every key: scenarios/README.md in the
# repository, or `deliverysim presets show cd-common` for a complete example.

name: my-organization
description: A product team of eight delivering a web service

horizon: 427d          # simulated time per replication, warm-up included (a year or more)
warmup: 126d           # left out of the statistics while queues fill; months for monthly releases
replications: 20       # independent runs: their spread gives the 95% intervals (10 to 50 is usual)
seed: 1                # the same file and seed give the same results

# When people work. Automated steps (CI, automated deployments) run around the clock.
calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}

# What arrives: the time between new work items (a Poisson stream with an exponential mean).
# 12h between arrivals is 14 items a week; count last quarter's tickets to set yours.
demand:
  arrivals: {exponential: {mean: 12h}}
  classes:                                   # classes of service; the shares sum to 1
    feature:  {share: 0.7}
    bug:      {share: 0.25}
    expedite: {share: 0.05, skips_wip_limits: true, priority: 1}   # an expedite lane

# Who does the work: a name and a head count per team (at least 1 person each).
teams:
  dev: {people: 6}     # developers
  qa:  {people: 2}     # testers (merge them into dev for a cross-functional team)

# The value stream, in order. `work` is a person's hands-on time per item in working hours;
# `handoff` a wait before the next team picks the item up (clock time); `wip_limit` the most
# items in the stage at once; `defect_probability` the chance the work leaves a latent defect;
# `detection` the chance the stage's own work (a review) finds one.
stages:
  - name: develop
    team: dev
    work: {lognormal: {median: 1d, p90: 3d}}   # usually a day, one in ten over three days
    defect_probability: 0.3                    # 0.1 to 0.4 is usual
    wip_limit: 8                               # about one to one and a half items per developer
  - name: review
    team: dev
    work: {gamma: {shape: 2, mean: 1h}}
    detection: 0.3                             # a review finds about a third of latent defects
  - name: test
    team: qa
    work: {gamma: {shape: 2, mean: 30m}}
    handoff: {exponential: {mean: 4h}}         # waiting for QA; drop it when testers sit in the team

# Test suites run after their stage's work; a defect found sends the item back to `develop`.
# `detection`: chance of finding each latent defect; `flaky`: chance of a spurious failure and
# rerun; `manual: true` needs a person of the stage's team in working hours.
tests:
  - {name: unit,        at: develop, duration: 10m, detection: 0.3, flaky: 0.01}
  - {name: regression,  at: test,    duration: 2h,  detection: 0.5, manual: true}

# When changes go out: `continuous` (each change on its own), `{scheduled: {every: 14d}}` (a
# release train) or `{batch: {size: 10}}`; `approval` is a change-approval (CAB) delay per release.
release:
  policy: {scheduled: {every: 14d}}
  approval: {exponential: {mean: 1d}}

# How a release reaches production: by a person in working hours (`automated: false`, by `team`)
# or by a pipeline around the clock; `failure_probability` of a failed deployment (0.02 to 0.15);
# a `canary` (fraction of users, duration, chance it reveals a defect) is optional.
deploy:
  automated: false
  duration: 2h
  failure_probability: 0.05
  rollback: {automated: false, duration: 1h}
  team: dev

# What happens in production: an escaped defect causes an incident with `incident_probability`,
# noticed after `detection`; service is restored by `rollback`, `revert` or `fix_forward`.
operations:
  incident_probability: 0.5
  detection: {exponential: {mean: 4h}}
  restore: rollback
"""# + "\n"
}
