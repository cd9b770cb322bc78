#!/usr/bin/env bash
# Prints one line per output file: "<sha256>  <scenario>/<file>", for every shipped scenario's
# JSON, CSV and export files (3 replications), and for `compare --levels all`. A refactoring that
# must not change behaviour must not change a line (the golden test compares this with
# digests.txt). Usage: outputs.sh DELIVERYSIM [REPO_ROOT]; regenerate the golden file with
#   bash Tests/DeliverySimEndToEndTests/Golden/outputs.sh .build/release/deliverysim \
#     > Tests/DeliverySimEndToEndTests/Golden/digests.txt
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "${2:-$(dirname "$0")/../../..}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for file in scenarios/*.yaml; do
  name="$(basename "$file" .yaml)"
  mkdir -p "$work/$name"
  "$bin" run "$file" --replications 3 --format json -q > "$work/$name/run.json"
  "$bin" run "$file" --replications 3 --format csv -q > "$work/$name/run.csv"
  "$bin" run "$file" --replications 3 --out "$work/$name/export" --items -q > /dev/null
  # run.json holds the command line and a timestamp; the notebook is the same text for every export.
  rm "$work/$name/export/run.json" "$work/$name/export/analysis.ipynb"
done
mkdir -p "$work/compare-all"
"$bin" compare --levels all --replications 3 --format json -q > "$work/compare-all/compare.json"
"$bin" compare --levels all --replications 3 --format csv -q > "$work/compare-all/compare.csv"
cd "$work"
find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum
