#!/usr/bin/env bash
# Runs the same queue — M/M/10, ρ = 0.8, three priority classes — in SimPy 4.1 and in
# `faultline queue`, alternating, and prints the median customers/s of each and their ratio.
# Both figures come from the same run on the same machine, so the ratio is the number to
# quote; absolute rates move with the machine's load.
#
#   Benchmarks/compare-simpy.sh [rounds]        (default 3 rounds; needs python3 and simpy)
set -euo pipefail

rounds="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
model=(--servers 10 --arrival-rate 8 --class-shares 0.25,0.375,0.375 --seed 7)
simpy_customers=200000
faultline_customers=5000000

python3 -c 'import simpy, sys; sys.exit(0 if simpy.__version__.startswith("4.1") else 1)' 2>/dev/null \
    || { echo "SimPy 4.1 is missing: pip install simpy==4.1.1" >&2; exit 1; }
(cd "$root" && swift build -c release --product faultline >/dev/null)

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

simpy_rates=()
faultline_rates=()
ratios=()
for round in $(seq "$rounds"); do
    simpy=$(python3 "$root/Benchmarks/simpy/mmc_priority.py" "${model[@]}" --customers "$simpy_customers" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["customersPerSecond"])')
    # The second line of `faultline queue` ends "… · 6.28 M customers/s"; wall time is printed
    # to the millisecond, so recompute the rate from customers and seconds instead.
    seconds=$("$root/.build/release/faultline" queue "${model[@]}" --customers "$faultline_customers" \
        | sed -n 2p | sed -E 's/.* in ([0-9.]+) s .*/\1/')
    faultline=$(awk -v n="$faultline_customers" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
    printf 'round %d: SimPy %.0f customers/s · faultline %s customers/s · ratio %.1f\n' \
        "$round" "$simpy" "$faultline" "$(awk -v f="$faultline" -v p="$simpy" 'BEGIN { print f / p }')"
    simpy_rates+=("$simpy")
    faultline_rates+=("$faultline")
    ratios+=("$(awk -v f="$faultline" -v p="$simpy" 'BEGIN { print f / p }')")
done

simpy_median=$(printf '%s\n' "${simpy_rates[@]}" | median)
faultline_median=$(printf '%s\n' "${faultline_rates[@]}" | median)
printf 'median of %d rounds: SimPy %.0f customers/s · faultline %.0f customers/s · faultline/SimPy %.1f×\n' \
    "$rounds" "$simpy_median" "$faultline_median" \
    "$(awk -v f="$faultline_median" -v p="$simpy_median" 'BEGIN { print f / p }')"
printf 'median of the %d per-round ratios (each round runs both back to back): %.1f×\n' \
    "$rounds" "$(printf '%s\n' "${ratios[@]}" | median)"
