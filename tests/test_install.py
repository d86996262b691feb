"""``pip install .`` puts one name into site-packages, ``hlink``, with everything the service reads at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: what a copy of the repository for building leaves out (a venv, test clusters, local data)
SKIP = shutil.ignore_patterns(".git", ".venv", ".hlink-test", "data", "build", "*.egg-info", "__pycache__", ".*_cache")


def test_pip_install_adds_only_hlink(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=SKIP, symlinks=True)  # symlinks kept: .mypy-root/hlink links to the root
    target = tmp_path / "site-packages"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    names = {p.name for p in target.iterdir() if not p.name.endswith(".dist-info") and p.name != "bin"}
    assert names == {"hlink"}
    installed = target / "hlink"
    packages = {p.parent.relative_to(ROOT) for p in ROOT.rglob("__init__.py")}
    packages = {p for p in packages if p.parts and p.parts[0] not in {"tests", "bench", ".venv", ".hlink-test"}}
    assert packages and all((installed / p / "__init__.py").exists() for p in packages)
    assert not (installed / "setup.py").exists() and not (installed / "tests").exists()
    for asset in ("static/graphiql/graphiql.min.js", "static/apidocs/swagger-ui-bundle.js", "flink/runner"):
        assert (installed / asset).exists(), asset
    # the installed copy runs from there, not from this folder: the app finds its assets and migrations in it
    probe = "import hlink.app, hlink.database; print(hlink.app.STATIC_DIR); print(hlink.database.MIGRATIONS)"
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    static, migrations = done.stdout.split()
    assert Path(static) == installed / "static" and Path(migrations) == installed / "migrations"
