#!/usr/bin/env bash
# Install hlink into .venv and serve it on its embedded defaults (SQLite under ./data, 127.0.0.1:8086).
# A JDK is installed from Debian when missing: `hlink serve` compiles the SQL runner with it (SQL jobs need the
# runner on any cluster) and, unless HLINK_LOCAL_FLINK=0, runs a local Flink with it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v javac >/dev/null 2>&1; then
    echo "== installing a JDK (Debian package) for the SQL runner and the local Flink"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e .
exec .venv/bin/hlink serve "$@"
