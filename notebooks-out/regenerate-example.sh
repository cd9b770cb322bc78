#!/usr/bin/env bash
# Regenerates notebooks-out/example/: `compare --levels all` (the five CD maturity levels and the
# three MLOps levels, 5 paired replications each, to keep the repository small) with its CSVs, resolved scenarios, run.json,
# the HTML report, and the notebook executed with its outputs.
#
#   bash notebooks-out/regenerate-example.sh
#
# Needs the Swift toolchain and GSL (see README.md), and for the notebook
# `pip install pandas matplotlib nbclient nbformat ipykernel`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi

# SCRATCH_PATH: another build folder than .build, if wanted.
scratch=(--scratch-path "${SCRATCH_PATH:-.build}")
swift build -c release "${scratch[@]}" --product deliverysim
bin="$(swift build -c release "${scratch[@]}" --show-bin-path)/deliverysim"
"$bin" compare --levels all --replications 5 --out notebooks-out/example --force --report --quiet > /dev/null
python3 notebooks-out/execute-notebook.py notebooks-out/example/analysis.ipynb
echo "notebooks-out/example: $(ls notebooks-out/example | tr '\n' ' ')"
