#!/bin/sh
# Renders an HTML report to a PNG with headless Chromium, to look at it as a reader would.
#   scripts/screenshot-report.sh report.html docs/report-run.png [WIDTH [HEIGHT]]
# WIDTH defaults to 1280 px; HEIGHT to the page's full length, measured on a temporary copy of
# the page with one line of script added (the report itself has no script). Needs the Debian
# package `chromium` (apt-get install -y chromium). Exit 2 on a missing file or browser.
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 HTML PNG [WIDTH [HEIGHT]]" >&2
    exit 2
fi
html=$1
png=$2
width=${3:-1280}
height=${4:-}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "$0: chromium not found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
[ -f "$html" ] || { echo "$0: $html: no such file" >&2; exit 2; }
flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --mute-audio --force-device-scale-factor=1"
if [ -z "$height" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    sed 's|</body>|<script>document.body.dataset.height = document.documentElement.scrollHeight;</script></body>|' \
        "$html" > "$work/measure.html"
    height=$("$browser" $flags --window-size="$width,1000" --dump-dom "file://$work/measure.html" 2>/dev/null \
        | sed -n 's/.*data-height="\([0-9]*\)".*/\1/p' | head -n 1)
    [ -n "$height" ] || { echo "$0: could not measure the page; give a HEIGHT" >&2; exit 2; }
fi
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
"$browser" $flags --window-size="$width,$height" --screenshot="$png" "$url" >/dev/null 2>&1
echo "$png (${width} × ${height} px)"
