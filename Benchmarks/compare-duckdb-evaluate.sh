#!/usr/bin/env bash
# Runs `faultline evaluate` (release build, full judgement, JSON summary written) and DuckDB on
# one thread (per-tier checkpoint shares: a simpler job with no availability, repeats, credits
# or calendars) on the same generated inventory and ticket log, alternating, each under
# /usr/bin/time -v, and prints wall time, CPU time and peak memory of each (medians over the
# rounds) and their ratios. Then checks that DuckDB's per-tier shares equal FaultLine's for the
# checks both compute. Both figures come from the same run on the same machine, so the ratios
# are the numbers to quote; absolute times move with the machine's load (printed).
#
#   Benchmarks/compare-duckdb-evaluate.sh [rounds]     (default 3 rounds)
#
# The log (1,148,400 circuits, 975,480 tickets, 263 MB; Benchmarks/duckdb/generate_log.py, fixed
# seed) and a Python venv with DuckDB from PyPI go to $FAULTLINE_DUCKDB_DIR (default
# /tmp/faultline-duckdb) and are reused by later runs.
set -euo pipefail

rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "rounds: expected a whole number ≥ 1, got \`$rounds\`" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${FAULTLINE_DUCKDB_DIR:-/tmp/faultline-duckdb}"
log="$work/log"
mkdir -p "$work"

[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
if [[ ! -s "$log/tickets.csv" ]]; then
    echo "generating the log in $log …" >&2
    python3 "$root/Benchmarks/duckdb/generate_log.py" "$log"
fi
if ! "$work/venv/bin/python" -c 'import duckdb' 2>/dev/null; then
    echo "installing DuckDB from PyPI into $work/venv …" >&2
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet duckdb
fi
(cd "$root" && swift build -c release --product faultline >/dev/null)
faultline="$root/.build/release/faultline"
python="$work/venv/bin/python"
duckdb_version=$("$python" -c 'import duckdb; print(duckdb.__version__)')
tickets=$(($(wc -l < "$log/tickets.csv") - 1))
input_bytes=$(($(stat -c %s "$log/circuits.csv") + $(stat -c %s "$log/tickets.csv")))

# `measure NAME COMMAND…`: runs the command under /usr/bin/time -v and appends
# "wall_s cpu_s peak_MB" to $work/NAME.times.
measure() {
    local name="$1"; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/$name.out"
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
        /User time/ { cpu += $2 } /System time/ { cpu += $2 }
        /Maximum resident set size/ { rss = $2 / 1024 }
        END { printf "%.2f %.2f %.0f\n", wall, cpu, rss }' "$work/time.txt" >> "$work/$name.times"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { awk -v c="$2" '{ print $c }' "$work/$1.times" | median; }

rm -f "$work/duckdb.times" "$work/faultline.times"
echo "load before: $(uptime | sed 's/.*load/load/')"
for round in $(seq "$rounds"); do
    measure duckdb "$python" "$root/Benchmarks/duckdb/tier_shares.py" "$log/circuits.csv" "$log/tickets.csv" "$work/duckdb.json"
    # Exit 1 would mean rejected rows; the generated log has none, so any failure stops here.
    measure faultline "$faultline" evaluate --inventory "$log/circuits.csv" --tickets "$log/tickets.csv" \
        --json "$work/faultline.json" --summary-only
    printf 'round %d: DuckDB %s s · faultline %s s (wall)\n' "$round" \
        "$(tail -1 "$work/duckdb.times" | cut -d' ' -f1)" "$(tail -1 "$work/faultline.times" | cut -d' ' -f1)"
done
echo "load after: $(uptime | sed 's/.*load/load/')"

echo
printf 'Input: %s circuits + %s tickets, %.0f MB of CSV (2 × input = %.0f MB). Medians of %d rounds.\n' \
    "$(($(wc -l < "$log/circuits.csv") - 1))" "$tickets" "$(awk -v b="$input_bytes" 'BEGIN { print b / 1e6 }')" \
    "$(awk -v b="$input_bytes" 'BEGIN { print 2 * b / 1048576 }')" "$rounds"
printf '| %-32s | %8s | %8s | %13s | %13s |\n' "" "wall (s)" "CPU (s)" "peak RSS (MB)" "tickets/s"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..34})" "----------" "----------" "---------------" "---------------"
for name in duckdb faultline; do
    label=$([[ $name == duckdb ]] && echo "DuckDB $duckdb_version, 1 thread" || echo "faultline evaluate")
    wall=$(column_median "$name" 1)
    printf '| %-32s | %8.2f | %8.2f | %13.0f | %13.0f |\n' "$label" "$wall" "$(column_median "$name" 2)" \
        "$(column_median "$name" 3)" "$(awk -v n="$tickets" -v s="$wall" 'BEGIN { print n / s }')"
done
printf 'faultline / DuckDB: wall %.2f×, CPU %.2f×, peak RSS %.2f×; peak RSS / input %.2f×\n' \
    "$(awk -v f="$(column_median faultline 1)" -v d="$(column_median duckdb 1)" 'BEGIN { print f / d }')" \
    "$(awk -v f="$(column_median faultline 2)" -v d="$(column_median duckdb 2)" 'BEGIN { print f / d }')" \
    "$(awk -v f="$(column_median faultline 3)" -v d="$(column_median duckdb 3)" 'BEGIN { print f / d }')" \
    "$(awk -v f="$(column_median faultline 3)" -v b="$input_bytes" 'BEGIN { print f * 1048576 / b }')"

echo
python3 "$root/Benchmarks/duckdb/cross_check.py" "$work/duckdb.json" "$work/faultline.json"
