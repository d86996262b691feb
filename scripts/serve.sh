#!/usr/bin/env bash
# Install hlink into .venv and serve it on its embedded defaults (SQLite under ./data, 127.0.0.1:8086).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e .
exec .venv/bin/hlink serve "$@"
