#!/usr/bin/env bash
# `casebook check` on generated playbooks of 100, 1,000 and 10,000 steps, whole process, against
# yamllint (PyPI) on the same files; peak memory of the 10,000-step check.
#
# usage: Benchmarks/check.sh [RUNS]     (default 10)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-check-XXXXXX")
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
command -v yamllint >/dev/null || pip install -q yamllint
(cd "$root" && swift build -c release --product casebook --static-swift-stdlib --scratch-path .build-static >/dev/null)
casebook=$(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/casebook
for size in 100 1000 10000; do
  python3 "$root/Benchmarks/Scripts/generate_playbook.py" "$size" >"$work/p$size.yaml"
done
echo "whole process, median ms ($runs runs each):"
for size in 100 1000 10000; do
  hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$work/h$size.json" \
    "$casebook check $work/p$size.yaml" "yamllint -d relaxed $work/p$size.yaml" >/dev/null
  python3 - "$work/h$size.json" "$size" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
check, lint = (r["median"] * 1000 for r in results)
print(f"  {sys.argv[2]:>6} steps: casebook check {check:8.1f}   yamllint {lint:8.1f}   ({lint / check:4.1f}x slower)")
PY
done
echo
printf "peak memory of the 10,000-step check: "
/usr/bin/time -f "%M KiB" "$casebook" check "$work/p10000.yaml" 2>&1 >/dev/null | tail -1
