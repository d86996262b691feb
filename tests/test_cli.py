"""The command line (issue 13, 8): a version, help for every subcommand, invalid options answered without a
traceback, and `hlink flink up` checking for a JDK before it downloads anything."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def hlink(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "hlink.cli", *args]
    return subprocess.run(command, cwd=ROOT, env=env or dict(os.environ), capture_output=True, text=True, timeout=60)


def test_version() -> None:
    done = hlink("--version")
    assert done.returncode == 0 and done.stdout.startswith("hlink "), done


@pytest.mark.parametrize(
    "args", [["serve"], ["migrate"], ["flink"], ["user", "add"], ["token", "create"], ["token", "revoke"]]
)
def test_every_subcommand_has_help(args: list[str]) -> None:
    done = hlink(*args, "--help")
    assert done.returncode == 0 and "usage: hlink" in done.stdout, done


def test_an_invalid_option_is_answered_without_a_traceback() -> None:
    done = hlink("serve", "--log-level", "nonsense")
    assert done.returncode == 2 and "invalid choice: 'nonsense'" in done.stderr, done
    assert "Traceback" not in done.stderr


def test_flink_up_checks_for_a_jdk_before_downloading(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path / "empty"), "HLINK_FLINK_DIR": str(tmp_path / "flink")}
    done = hlink("flink", "up", env=env)
    assert done.returncode == 1 and "no JDK found" in done.stderr and "Traceback" not in done.stderr, done
    assert not (tmp_path / "flink").exists(), "nothing was downloaded or made"


def test_a_long_install_reports_its_progress(tmp_path: Path) -> None:
    from hlink.flink.local import _growth_reported

    lines: list[str] = []
    with _growth_reported(tmp_path, lines.append, every=0.05):
        for i in range(4):
            (tmp_path / f"part{i}").write_bytes(b"x" * (1 << 20))
            time.sleep(0.08)
    assert lines and all("MB installed so far" in line for line in lines), lines
    grown = [int(line.split()[1]) for line in lines]
    assert grown == sorted(grown) and max(grown) >= 1, lines
