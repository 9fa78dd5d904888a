#!/usr/bin/env bash
# `make test`'s Slurm part: a one-node cluster on localhost (scripts/slurm-cluster.sh), a sharded
# baseline run submitted through `faultline cluster slurm … --submit --wait`, its merged JSON, CSV
# and HTML compared byte for byte with a one-machine run, then the failures: a task that fails
# (the merge job never runs, --wait names the task), a missing, a truncated and a foreign shard
# given to `faultline merge` (exit 2, nothing written). Every daemon is stopped by its PID on
# exit, pass or fail. Bounded: fails if the whole part takes over 120 s (a first install of the
# Debian packages comes before and is not counted).
#
#   scripts/test-slurm.sh [FAULTLINE_BINARY]     (default .build/release/faultline)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-${FAULTLINE_BINARY:-.build/release/faultline}}")
root=$(pwd)
if [[ $(id -u) == 0 ]]; then scripts/slurm-cluster.sh install; fi   # a first install is not timed
now() { echo $(( $(date +%s%N) / 1000000 )); }   # milliseconds
started=$(now)
elapsed() { local ms=$(( $(now) - $1 )); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
fail() { echo "test-slurm: FAILED: $*" >&2; exit 1; }

if [[ $(id -u) != 0 ]] && ! command -v slurmctld >/dev/null; then
    echo "test-slurm: skipped: slurm-wlm is not installed and installing it needs root"
    exit 0
fi

cluster=$(mktemp -d /tmp/faultline-slurm.XXXXXX)
work=$(mktemp -d /tmp/faultline-slurm-work.XXXXXX)
cleanup() { "$root/scripts/slurm-cluster.sh" stop "$cluster" || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
rmdir "$cluster"
eval "$(scripts/slurm-cluster.sh start "$cluster")"
echo "test-slurm: cluster up in $(elapsed "$started") s"
cd "$work"

run_args=(run --replications "${FAULTLINE_SLURM_REPLICATIONS:-8}" --seed 7)
"$binary" "${run_args[@]}" --omit-timing --json one.json --csv one-csv --html one.html >/dev/null
submitted=$(now)
"$binary" cluster slurm "${run_args[@]}" --omit-timing --json merged.json --csv merged-csv --html merged.html \
    --shards 4 --dir job --submit --wait
echo "test-slurm: 4 shards run and merged in $(elapsed "$submitted") s after submission, $(elapsed "$started") s after cluster start"
for task in 0 1 2 3; do
    grep -h "replications" "job/logs/shard-$task.out" || true
done
cmp one.json merged.json || fail "merged JSON differs from the one-machine run"
cmp one.html merged.html || fail "merged HTML differs from the one-machine run"
diff -r one-csv merged-csv >/dev/null || fail "merged CSV differs from the one-machine run"
echo "test-slurm: merged JSON, CSV and HTML identical to the one-machine run"

# A task that fails: its shard file's path is taken by a folder, so task 2 cannot write it.
mkdir -p failing/shards/shard-2-of-4.json
set +e
"$binary" cluster slurm "${run_args[@]}" --json failing.json --shards 4 --dir failing --submit --wait >wait.out 2>&1
status=$?
set -e
cat wait.out
[[ $status == 1 ]] || fail "--wait exited $status with a failed task (expected 1)"
grep -q "^task 2 failed" wait.out || fail "--wait did not name task 2"
grep -q "^task [013] failed" wait.out && fail "--wait named a task that succeeded"
[[ ! -e failing.json ]] || fail "the merge ran although a task failed"

expect_refusal() {   # expect_refusal NAME FOLDER PATTERN
    set +e
    "$binary" merge "$2" --json "$1.json" >/dev/null 2>"$1.err"
    local status=$?
    set -e
    [[ $status == 2 ]] || fail "merge of a $1 shard exited $status (expected 2)"
    grep -q "$3" "$1.err" || fail "merge of a $1 shard: $(cat "$1.err")"
    [[ ! -e "$1.json" ]] || fail "merge of a $1 shard wrote its output"
    echo "test-slurm: $1 shard refused: $(cat "$1.err")"
}
cp -r job/shards missing && rm missing/shard-3-of-4.json
expect_refusal missing missing "shard 3/4 missing"
cp -r job/shards truncated && truncate -s 5000 truncated/shard-0-of-4.json
expect_refusal truncated truncated "truncated/shard-0-of-4.json: not a complete shard file"
cp -r job/shards foreign && rm foreign/shard-1-of-4.json
"$binary" run --replications "${FAULTLINE_SLURM_REPLICATIONS:-8}" --seed 8 --shard 1/4 --shard-out foreign >/dev/null
expect_refusal foreign foreign "foreign/shard-1-of-4.json: a shard of another plan"

echo "test-slurm: passed in $(elapsed "$started") s"
(( $(now) - started <= 120000 )) || fail "the Slurm part took $(elapsed "$started") s (bound: 120 s)"
