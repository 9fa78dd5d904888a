#!/usr/bin/env bash
# Re-runs every example marked in README.md and docs/usage.md and splices its real output in, so
# the figures quoted there are what the code produces today.
# Tests/FaultlineCLITests/ReadmeExamplesTests.swift re-runs the same commands and fails when a
# block differs (wall-clock seconds aside).
#
#   scripts/update-readme-examples.sh [FILE...]    (default: README.md docs/usage.md)
#
# A marked example:
#
#   <!-- example: faultline ARGS -->                  the whole output of `faultline ARGS`
#   <!-- example lines=1-11,13-16: faultline ARGS --> only those lines (1-based; "…" between ranges)
#   ```text
#   …the output, rewritten by this script…
#   ```
#   <!-- /example -->
#
# ARGS are split at spaces (no quoting) and run from the repository root; stdout is spliced in
# (trailing blank lines dropped). Exit codes 0 and 1 are accepted (1: evaluate with rejected rows).
# Choose deterministic flags: a fixed --seed or scenario seed, a fixed --threads, few replications.
# The binary is $FAULTLINE_BINARY when set, else a release build made here.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then set -- "$root/README.md" "$root/docs/usage.md"; fi
binary=${FAULTLINE_BINARY:-}
if [ -z "$binary" ]; then
    (cd "$root" && swift build -c release --product faultline >&2)
    binary=$(cd "$root" && swift build -c release --show-bin-path)/faultline
fi
marker='^<!-- example( lines=([0-9,-]+))?: faultline (.*) -->$'

# Prints the lines of $1 (text) selected by $2 (e.g. "1-11,13-16"; empty: all), "…" between ranges.
select_lines() {
    local text=$1 ranges=$2 first=1 range from to
    if [ -z "$ranges" ]; then printf '%s\n' "$text"; return; fi
    IFS=',' read -ra parts <<< "$ranges"
    for range in "${parts[@]}"; do
        from=${range%-*}; to=${range#*-}
        [ "$first" = 1 ] || printf '…\n'
        first=0
        printf '%s\n' "$text" | sed -n "${from},${to}p"
    done
}

# Runs one example (arguments after `faultline`) and prints its fenced output block.
run_example() {
    local arguments=$1 ranges=$2 output status=0
    read -ra words <<< "$arguments"
    output=$(cd "$root" && "$binary" "${words[@]}" 2>/dev/null) || status=$?
    if [ "$status" -gt 1 ]; then
        echo "update-readme-examples: \`faultline $arguments\` exited with $status" >&2
        exit 2
    fi
    printf '```text\n'
    select_lines "$output" "$ranges"
    printf '```\n'
}

# Rewrites the marked examples of one file (written to a temporary file, then moved over it).
update_file() {
    local readme=$1 temporary line inside=0 examples=0
    temporary=$(mktemp "${readme}.XXXXXX")
    trap 'rm -f "$temporary"' EXIT
    while IFS= read -r line || [ -n "$line" ]; do
        if [ "$inside" = 1 ]; then
            [ "$line" = '<!-- /example -->' ] || continue
            inside=0
        elif [[ $line =~ $marker ]]; then
            printf '%s\n' "$line"
            echo "running: faultline ${BASH_REMATCH[3]}" >&2
            run_example "${BASH_REMATCH[3]}" "${BASH_REMATCH[2]}"
            inside=1 examples=$((examples + 1))
            continue
        fi
        printf '%s\n' "$line"
    done < "$readme" > "$temporary"
    if [ "$inside" = 1 ]; then
        echo "update-readme-examples: $readme: an example is not closed by <!-- /example -->" >&2
        exit 2
    fi
    mv "$temporary" "$readme"
    trap - EXIT
    echo "update-readme-examples: $examples examples updated in $readme" >&2
}

for file in "$@"; do update_file "$file"; done
