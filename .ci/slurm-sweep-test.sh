#!/usr/bin/env bash
# Integration test: a sweep run through a real one-node Slurm cluster (job array + dependent
# merge job) must give byte-identical data files to the same sweep run locally.
# Stands Slurm up as in ../shared/recipes/slurm-one-node.md and stops the daemons it started,
# by their pids, whatever the outcome. Run from the repository root after `swift build -c release`.
set -euo pipefail
bin="$(swift build -c release --show-bin-path)/deliverysim"
D="$(mktemp -d /tmp/deliverysim-slurm.XXXXXX)"
export SLURM_CONF=$D/etc/slurm.conf

export DEBIAN_FRONTEND=noninteractive
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

started_munge=0
stop() {
  local pids
  pids="$(cat "$D"/run/slurmd-*.pid "$D"/run/slurmctld.pid 2>/dev/null || true)"
  if [ "$started_munge" = 1 ]; then pids="$pids $(cat /run/munge/munged.pid 2>/dev/null || true)"; fi
  if [ -n "${pids// /}" ]; then
    kill $pids 2>/dev/null || true
    for _ in $(seq 100); do kill -0 $pids 2>/dev/null || break; sleep 0.1; done
  fi
}
trap stop EXIT

H=$(hostname -s)
mkdir -p "$D/etc" "$D/state" "$D/spool/slurmd-$H" "$D/log" "$D/run"
NODE=$(slurmd -C | head -1)
cat > "$SLURM_CONF" <<CONF
ClusterName=deliverysim
SlurmctldHost=$H(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SchedulerParameters=sched_interval=1
MinJobAge=300
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool/slurmd-%n
SlurmctldPidFile=$D/run/slurmctld.pid
SlurmdPidFile=$D/run/slurmd-%n.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdLogFile=$D/log/slurmd-%n.log
$NODE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
fi
if ! { munge -n | unmunge; } >/dev/null 2>&1; then
  install -d -o munge -g munge -m 755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  started_munge=1
fi
munge -n | unmunge >/dev/null
slurmctld -i
slurmd
for _ in $(seq 1 120); do
  [ "$(sinfo -h -N -o %t 2>/dev/null | head -1)" = idle ] && break; sleep 0.5
done
[ "$(sinfo -h -N -o %t | head -1)" = idle ]

# A small sweep (6 points × 4 replications) of the intermediate preset.
sweep="$D/sweep.yaml"
cat > "$sweep" <<YAML
base: $PWD/scenarios/cd-intermediate.yaml
replications: 4
seed: 5
set: ["horizon=120d", "warmup=20d"]
vary:
  teams.dev.people: [8, 10]
  stages.develop.wip_limit: [4, 8, 12]
YAML
"$bin" sweep "$sweep" --out "$D/local" --quiet
"$bin" sweep "$sweep" --slurm "$D/job" --shards 3 --out "$D/merged" --quiet > "$D/submit.sh"
bash "$D/submit.sh" > "$D/jobs.txt"
array_job=$(sed -n 1p "$D/jobs.txt"); merge_job=$(sed -n 2p "$D/jobs.txt")
for _ in $(seq 1 600); do
  [ -z "$(squeue -h -j "$array_job,$merge_job" 2>/dev/null)" ] && break; sleep 0.5
done
for job in "$array_job" "$merge_job"; do
  if scontrol show job -o "$job" | grep -v -q "JobState=COMPLETED"; then
    echo "slurm job $job did not complete:"; scontrol show job -o "$job"; cat "$D"/job/*.out 2>/dev/null || true; exit 1
  fi
done
for f in replications.csv summary.csv flow.csv points.csv $(cd "$D/local" && ls scenario-*.yaml); do
  cmp "$D/local/$f" "$D/merged/$f"
done
echo "slurm sweep: 3 array tasks + merge job; merged files byte-identical to the local run ($(ls "$D/merged" | wc -l) files)"
