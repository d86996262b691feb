#!/usr/bin/env bash
# Install what the tests need (PostgreSQL, a JDK, Chromium and ZooKeeper from Debian, the Python packages in .venv) and run
# them all: ruff, mypy, the SDL check and pytest against SQLite, a real PostgreSQL, a headless Chromium and real
# Flink 2.3.0 and 1.20.5 clusters (installed from PyPI into .hlink-test/flink-<version> on first use, each started
# once for the session).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    echo "== installing PostgreSQL (Debian package)"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

if ! command -v javac >/dev/null 2>&1; then
    echo "== installing a JDK (Debian package) for Flink and the SQL runner"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
fi

if [ ! -x /usr/bin/chromium ]; then
    echo "== installing Chromium (Debian package) for the browser tests"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -f /usr/share/java/zookeeper.jar ]; then
    echo "== installing ZooKeeper (Debian package) for the highly available clusters' tests"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq zookeeper >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    python3 -m venv .venv
fi
echo "== installing hlink and its test tools"
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'

echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy -p hlink -p tests -p bench
echo "== schema.graphql up to date"
.venv/bin/hlink export-schema --check
echo "== pytest (SQLite, PostgreSQL, Flink)"
.venv/bin/pytest -q "$@"
