#!/usr/bin/env bash
# Start-up to the first prompt, measured on the installed binary (`install.sh` into a temporary
# prefix, run from `/`): a bare Swift hello world, `casebook --version`, `casebook run no-show`
# and the `casebook` home screen to their first prompt on a pseudo terminal, `casebook check playbooks/`,
# and a minimal prompt_toolkit prompt as the peer. Interleaved runs; medians and ratios to the
# hello world of the same run.
#
# usage: Benchmarks/startup.sh [RUNS [PREFIX]]   (default 60 runs; PREFIX: an installed Casebook to measure
#        instead of installing one into a temporary prefix)
set -euo pipefail
runs=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-startup-XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "installing hyperfine (apt)" >&2; apt-get install -y -qq hyperfine >/dev/null; }
python3 -c "import prompt_toolkit" 2>/dev/null || pip install -q prompt_toolkit

prefix=${2:-}
if [ -z "$prefix" ]; then
  echo "installing into a temporary prefix (bash install.sh: release, Swift runtime linked statically)…" >&2
  prefix=$work/prefix
  bash "$root/install.sh" --prefix "$prefix" >/dev/null
fi
casebook=$prefix/bin/casebook
printf 'print("hello")\n' >"$work/hello.swift"
swiftc -O "$work/hello.swift" -o "$work/hello" 2>/dev/null

# The Python that has prompt_toolkit, found before PATH is narrowed to the installed binary's.
python=$(python3 -c 'import sys; print(sys.executable)')
export CASEBOOK_HOME=$work/home CASEBOOK_NO_HISTORY=1
cd /   # as an installed command is used: from anywhere, on its own PATH
export PATH="$prefix/bin:/usr/bin:/bin"
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "first output or prompt on a pseudo terminal, ms (median p10 p90), $runs interleaved runs:"
"$python" "$root/Benchmarks/Scripts/first_prompt.py" "$runs" \
  "hello-world=hello=$work/hello" \
  "casebook-run-no-show=> =$casebook run no-show" \
  "casebook-home=> =$casebook" \
  "prompt_toolkit-peer=>=$python $root/Benchmarks/Scripts/prompt_toolkit_peer.py" | tee "$work/pty.txt"
hello=$(awk '$1=="hello-world"{print $2}' "$work/pty.txt")
echo
echo "ratio to the hello world of this run:"
awk -v h="$hello" '{printf "  %-22s %6.2f ms  %5.2fx\n", $1, $2, $2/h}' "$work/pty.txt"
echo
echo "whole processes (hyperfine, median):"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/h.json" \
  "$work/hello" "$casebook --version" "$casebook check $root/playbooks/" >/dev/null
"$python" - "$work/h.json" "$hello" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
base = data["results"][0]["median"]
for result in data["results"]:
    median = result["median"] * 1000
    print(f"  {result['command'][:60]:<60} {median:7.2f} ms  {result['median'] / base:5.2f}x")
PY
