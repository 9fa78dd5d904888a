#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer) of FaultLine's readers of user text; see Fuzz/Package.swift.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]
#
# Builds the Fuzz/ package with -sanitize=fuzzer, seeds each target's corpus from the repository
# (examples/*.csv, scenarios/*.yaml, Tests/ScenarioTests/Broken/*.yaml and the timestamps and
# distributions found in them), then runs each target for SECONDS_PER_TARGET (default 60).
# The corpus grows in Fuzz/.corpus/TARGET (not committed). A crash or a violated property stops
# the run with exit 1 and leaves the input in Fuzz/.artifacts/; add it to Fuzz/Regressions/TARGET/
# so the normal test suite replays it (FuzzRegressionTests).
set -euo pipefail

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzTicketCSV FuzzTimestamp FuzzDistribution FuzzScenario)

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
cd "$fuzz"
swift build -c release -Xswiftc -sanitize=fuzzer

# seed TARGET FOLDER: writes the target's seed inputs, one file each.
seed() {
    local target="$1" folder="$2" count=0
    mkdir -p "$folder"
    case "$target" in
        FuzzTicketCSV) cp "$root"/examples/*.csv "$folder"/ ;;
        FuzzScenario) cp "$root"/scenarios/*.yaml "$root"/Tests/ScenarioTests/Broken/*.yaml "$folder"/ ;;
        FuzzTimestamp)
            grep -ohE '[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:]{5,8}(Z|[+-][0-9:]{2,5})?)?' "$root"/examples/*.csv \
                | sort -u | awk 'NR <= 200' | while IFS= read -r line; do
                    count=$((count + 1)); printf '%s' "$line" > "$folder/seed-$count"; done ;;
        FuzzDistribution)
            grep -ohE '[a-z]+\([^()"]*(\([^()"]*\)[^()"]*)*\)' "$root"/scenarios/*.yaml "$root"/Tests/ScenarioTests/Broken/*.yaml \
                | sort -u | while IFS= read -r line; do
                    count=$((count + 1)); printf '%s' "$line" > "$folder/seed-$count"; done ;;
    esac
    cp "$fuzz/Regressions/$target"/* "$folder"/ 2>/dev/null || true
}

status=0
passed=0
failed=0
for target in "${targets[@]}"; do
    corpus="$fuzz/.corpus/$target"
    seeds="$fuzz/.seeds/$target"
    rm -rf "$seeds"
    seed "$target" "$seeds"
    mkdir -p "$corpus" "$fuzz/.artifacts"
    echo "== $target: ${seconds}s"
    if ! ".build/release/$target" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$fuzz/.artifacts/$target-" 2> "$fuzz/.artifacts/$target.log"; then
        tail -40 "$fuzz/.artifacts/$target.log"
        echo "== $target: FAILED (input in Fuzz/.artifacts/)"
        status=1
        failed=$((failed + 1))
    else
        grep -E '^stat::number_of_executed_units|^stat::new_units_added|^stat::peak_rss_mb' "$fuzz/.artifacts/$target.log" || true
        echo "== $target: corpus $(ls "$corpus" | wc -l) inputs, no crash"
        passed=$((passed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
exit $status
