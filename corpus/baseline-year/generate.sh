#!/usr/bin/env bash
# Regenerates this corpus: replication 0 of the built-in baseline (one simulated year after a
# 30-day warm-up, seed 20261124), exported with `faultline run --export-tickets`, cut to the
# north region's circuits and their tickets so the corpus stays small (about 7,400 circuits).
# Then rewrite expected.json: faultline rules check corpus/baseline-year --update
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
faultline="${FAULTLINE:-$here/../../.build/release/faultline}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$faultline" run --replications 1 --export-tickets "$work" > /dev/null
awk -F, 'NR == 1 || $7 == "north"' "$work/circuits.csv" > "$here/circuits.csv"
awk -F, 'NR == FNR { if (FNR > 1) keep[$1] = 1; next } FNR == 1 || ($2 in keep)' \
    "$here/circuits.csv" "$work/tickets.csv" > "$here/tickets.csv"
