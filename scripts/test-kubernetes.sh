#!/usr/bin/env bash
# `make test`'s Kubernetes part, offline (no control plane runs here): the manifests of
# `faultline cluster kubernetes` validated against the Kubernetes schemas (the PyPI package
# kubernetes-validate; skipped with a message only when pip cannot install it), then run by
# scripts/k8s-emulate.py (every index with JOB_COMPLETION_INDEX set, then the merge), and the
# merged JSON, CSV and HTML compared byte for byte with a one-machine run.
#
#   scripts/test-kubernetes.sh [FAULTLINE_BINARY]     (default .build/release/faultline)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
binary=$(realpath "${1:-${FAULTLINE_BINARY:-.build/release/faultline}}")
replications=${FAULTLINE_K8S_REPLICATIONS:-6}
fail() { echo "test-kubernetes: FAILED: $*" >&2; exit 1; }
work=$(mktemp -d /tmp/faultline-k8s.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

run_args=(run --replications "$replications" --seed 11 --by region)
"$binary" "${run_args[@]}" --omit-timing --json one.json --csv one-csv --html one.html >/dev/null
"$binary" cluster kubernetes "${run_args[@]}" --omit-timing --json merged.json --csv merged-csv --html merged.html \
    --shards 4 --parallelism 2 --mount "$work" --claim faultline-data --dir k8s

if python3 -c 'import kubernetes_validate' 2>/dev/null || python3 -m pip install -q kubernetes-validate >/dev/null 2>&1; then
    python3 -m kubernetes_validate --strict k8s/job.yaml k8s/merge-job.yaml \
        || fail "the manifests do not validate against the Kubernetes schemas"
    echo "test-kubernetes: job.yaml and merge-job.yaml valid (kubernetes-validate --strict)"
else
    echo "test-kubernetes: schema validation skipped: pip cannot install kubernetes-validate (no PyPI)"
fi
grep -q '^  completionMode: Indexed$' k8s/job.yaml || fail "not an Indexed Job"
grep -q '^  completions: 4$' k8s/job.yaml || fail "completions is not 4"
grep -q 'swift build -c release --static-swift-stdlib' k8s/Containerfile || fail "the Containerfile builds no static binary"

python3 "$root/scripts/k8s-emulate.py" k8s --path "$(dirname "$binary")"
cmp one.json merged.json || fail "merged JSON differs from the one-machine run"
cmp one.html merged.html || fail "merged HTML differs from the one-machine run"
diff -r one-csv merged-csv >/dev/null || fail "merged CSV differs from the one-machine run"
echo "test-kubernetes: 4 emulated pods and the merge give the one-machine JSON, CSV and HTML byte for byte"
