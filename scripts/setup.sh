#!/usr/bin/env bash
# Installs what FaultLine needs beyond the Swift toolchain: GSL (libgsl-dev) and pkg-config.
# Does nothing when both are present. Exits non-zero with a clear message when it cannot help.
set -euo pipefail

have_gsl() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; }

if have_gsl; then exit 0; fi

echo "setup: GSL or pkg-config is missing; installing them." >&2
if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libgsl-dev pkg-config
elif command -v brew >/dev/null 2>&1; then
    brew install gsl pkg-config
else
    echo "setup: cannot install GSL here: no apt-get or brew. Install GNU GSL (>= 2.5) and" >&2
    echo "       pkg-config with your package manager, then run make again." >&2
    exit 1
fi

if ! have_gsl; then
    echo "setup: GSL was installed but 'pkg-config --exists gsl' still fails; check PKG_CONFIG_PATH." >&2
    exit 1
fi
