#!/usr/bin/env bash
# Runs the dispatch workflow of issue 12 — three fault classes, two agents, twelve crews, judged
# against the tiers' rules — in SimPy 4.1 (simpy/workflow.py) and in `faultline run
# Benchmarks/workflow.yaml --threads 1`, alternating, 10 simulated years each (10 replications
# of one year), and prints the faults simulated and judged per second of each, the ratio per
# round and the medians. Both sides are timed on one core: wall clock (the figure to quote on a
# quiet machine) and CPU time (user + system; steadier when other jobs share the cores).
# FaultLine's time is the whole process (parsing, run, judging, report), SimPy's the replications
# and their judging (not the interpreter's start).
#
#   Benchmarks/compare-simpy-workflow.sh [rounds]   (default 3 rounds; needs python3 and simpy)
set -euo pipefail

rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "rounds: expected a whole number ≥ 1, got \`$rounds\`" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
scenario="$root/Benchmarks/workflow.yaml"

python3 -c 'import simpy, sys; sys.exit(0 if simpy.__version__.startswith("4.1") else 1)' 2>/dev/null \
    || { echo "SimPy 4.1 is missing: pip install simpy==4.1.1" >&2; exit 1; }
(cd "$root" && swift build -c release --product faultline >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

# Prints "faults wall-seconds cpu-seconds" of one SimPy run.
simpy_run() {
    python3 "$root/Benchmarks/simpy/workflow.py" --replications 10 --days 365 \
        | python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["faults"], r["wallSeconds"], r["cpuSeconds"])'
}

# Prints "faults wall-seconds cpu-seconds" of one `faultline run` (the scenario's 10 replications).
faultline_run() {
    local TIMEFORMAT='%R %U %S'
    if ! { time "$root/.build/release/faultline" run "$scenario" --threads 1 --omit-timing \
        --json "$work/run.json" >/dev/null 2>"$work/stderr"; } 2>"$work/time"; then
        cat "$work/stderr" >&2
        return 1
    fi
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))
print(round(r["overall"]["tickets"]["mean"] * r["scenario"]["replications"]))' "$work/run.json" | tr '\n' ' '
    awk '{ print $1, $2 + $3 }' "$work/time"
}

declare -a simpy_wall simpy_cpu faultline_wall faultline_cpu wall_ratios cpu_ratios
for round in $(seq "$rounds"); do
    simpy_run >"$work/simpy"
    faultline_run >"$work/faultline"
    read -r s_faults s_wall s_cpu <"$work/simpy"
    read -r f_faults f_wall f_cpu <"$work/faultline"
    simpy_wall+=("$(ratio "$s_faults" "$s_wall")")
    simpy_cpu+=("$(ratio "$s_faults" "$s_cpu")")
    faultline_wall+=("$(ratio "$f_faults" "$f_wall")")
    faultline_cpu+=("$(ratio "$f_faults" "$f_cpu")")
    wall_ratios+=("$(ratio "${faultline_wall[-1]}" "${simpy_wall[-1]}")")
    cpu_ratios+=("$(ratio "${faultline_cpu[-1]}" "${simpy_cpu[-1]}")")
    printf 'round %d: SimPy %s faults in %.2f s wall (%.2f s CPU) = %.0f faults/s (%.0f per CPU s) · ' \
        "$round" "$s_faults" "$s_wall" "$s_cpu" "${simpy_wall[-1]}" "${simpy_cpu[-1]}"
    printf 'faultline %s faults in %.2f s wall (%.2f s CPU) = %.0f faults/s (%.0f per CPU s) · ratio %s× wall, %s× CPU\n' \
        "$f_faults" "$f_wall" "$f_cpu" "${faultline_wall[-1]}" "${faultline_cpu[-1]}" "${wall_ratios[-1]}" "${cpu_ratios[-1]}"
done

printf 'median of %d rounds, wall clock: SimPy %.0f faults/s · faultline %.0f faults/s\n' "$rounds" \
    "$(printf '%s\n' "${simpy_wall[@]}" | median)" "$(printf '%s\n' "${faultline_wall[@]}" | median)"
printf 'median of %d rounds, CPU time: SimPy %.0f faults/s · faultline %.0f faults/s\n' "$rounds" \
    "$(printf '%s\n' "${simpy_cpu[@]}" | median)" "$(printf '%s\n' "${faultline_cpu[@]}" | median)"
printf 'median of the %d per-round ratios faultline/SimPy: %.1f× wall clock · %.1f× CPU time\n' "$rounds" \
    "$(printf '%s\n' "${wall_ratios[@]}" | median)" "$(printf '%s\n' "${cpu_ratios[@]}" | median)"
