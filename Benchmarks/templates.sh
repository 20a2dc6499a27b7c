#!/usr/bin/env bash
# `casebook check` on a playbook whose draft holds 4,000, 8,000 and 16,000 `{{client}}` tags (each
# doubling should double the time: checking is linear), 200,000 tags (refused by the length
# limit), and a condition and a template nested 20,000 and 5,000 deep (refused at their line).
#
# usage: Benchmarks/templates.sh [RUNS]     (default 5; CASEBOOK=path uses that binary, unbuilt)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-templates-XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -z "${CASEBOOK:-}" ]; then
  (cd "$root" && swift build -c release --product casebook >/dev/null)
  CASEBOOK=$(cd "$root" && swift build -c release --show-bin-path)/casebook
fi
python3 - "$work" <<'PY'
import sys
folder = sys.argv[1]
def playbook(draft, when="reached"):
    return ("id: t\ntitle: T\nstart: a\nsteps:\n  - id: a\n    ask: Reached?\n    save: reached\n"
            "    choices:\n      - answer: yes\n        next: b\n      - answer: no\n        next: b\n"
            f"  - id: b\n    branch:\n      - when: '{when}'\n        next: e\n      - next: e\n"
            f"  - id: e\n    end: Done.\n    drafts:\n      - kind: email\n        text: \"{draft}\"\n")
for tags in (4000, 8000, 16000, 200000):
    open(f"{folder}/tags{tags}.yaml", "w").write(playbook("{{client}} " * tags))
open(f"{folder}/sections.yaml", "w").write(playbook("{{#client}}" * 5000 + "x" + "{{/client}}" * 5000))
open(f"{folder}/parens.yaml", "w").write(playbook("x", "(" * 20000 + "reached" + ")" * 20000))
PY
echo "casebook check, best of $runs runs, seconds:"
for name in tags4000 tags8000 tags16000 tags200000 sections parens; do
  best=$(for _ in $(seq "$runs"); do
    { /usr/bin/time -f "%e" "$CASEBOOK" check "$work/$name.yaml" 2>&1 >/dev/null || true; } | tail -1
  done | sort -n | head -1)
  printf "  %-11s %6s\n" "$name" "$best"
done
