#!/usr/bin/env bash
# Listing at scale: `next`, `cases --client X`, `client X`, `search WORD` (whole process) over homes of
# N generated cases spread over 3 years (Benchmarks/Scripts/generate_cases.py).
#
# usage: Benchmarks/clients.sh [N ...]     (default 1000 10000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-clients-XXXXXX")
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "installing hyperfine (apt)" >&2; apt-get install -y -qq hyperfine >/dev/null; }
(cd "$root" && swift build -c release --product casebook >/dev/null)
casebook=$(cd "$root" && swift build -c release --show-bin-path)/casebook
export TZ=UTC CASEBOOK_NO_HISTORY=1 CASEBOOK_FAKE_NOW=2026-11-24T09:00:00Z

# A few real cases to copy: no-shows left waiting for a reply, a rebooked one, a pattern.
export CASEBOOK_HOME=$work/template
printf 'no\nno\nno\n' | "$casebook" run no-show --client Template >/dev/null
printf 'yes\n2026-12-01 10:00\nno\n' | "$casebook" run no-show --client Template >/dev/null 2>&1 || true
printf 'no\nno\nyes\n3\n' | "$casebook" run no-show --client Template >/dev/null 2>&1 || true
rm -rf "$CASEBOOK_HOME"/cases/*root-cause*

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d); whole process, ms (hyperfine mean ± σ)"
for size in "${sizes[@]}"; do
  home=$work/home-$size
  python3 "$root/Benchmarks/Scripts/generate_cases.py" "$CASEBOOK_HOME" "$home" "$size" 3
  client="Dana Ruiz 0"
  for command in "next" "cases --client 'Dana Ruiz 0'" "client 'Dana Ruiz 0'" "search parking"; do
    CASEBOOK_HOME=$home hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$work/r.json" \
      "$casebook $command" >/dev/null 2>&1 || CASEBOOK_HOME=$home hyperfine --warmup 1 --runs "${RUNS:-5}" \
      --export-json "$work/r.json" "$casebook $command" >/dev/null
    python3 -c "import json,sys; r=json.load(open('$work/r.json'))['results'][0]; print('  %6d cases  %-28s %8.1f ± %.1f' % ($size, sys.argv[1], r['mean']*1000, r['stddev']*1000))" "$command"
  done
done
