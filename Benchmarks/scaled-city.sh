#!/usr/bin/env bash
# Prints the built-in baseline with every count that grows with the city (circuits, crews on
# duty and on call, monitoring agents, installs per day) multiplied by FACTOR: the same
# scaling as the `Workflow` benchmark's `scaledBaseline(by:)`. City ×100: 3,828,000 circuits.
#
#   Benchmarks/scaled-city.sh 100 > /tmp/city-x100.yaml
set -euo pipefail

factor="${1:-}"
[[ "$factor" =~ ^[1-9][0-9]*$ ]] || { echo "factor: expected a whole number ≥ 1, got \`$factor\`" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
perl -pe 's/\b(circuits|crews|onCall|agents|perDay): (\d+)/"$1: " . ($2 * '"$factor"')/ge' \
    "$root/Sources/Scenario/Resources/baseline.yaml"
