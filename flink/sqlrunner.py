"""hlink's SQL runner jar: built from its Java source with a plain JDK, no Flink needed.

The runner reaches Flink's Table API by reflection, so ``javac --release 11`` compiles it without any Flink on
the class path and one jar serves every cluster from Flink 1.20 to 2.x. The jar is packed with :mod:`zipfile`
(only ``javac`` is needed, not the ``jar`` tool) and rebuilt when its source is newer than it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path

RUNNER_SOURCE = Path(__file__).resolve().parent / "runner" / "HlinkSqlRunner.java"
RUNNER_CLASS = "hlink.runner.HlinkSqlRunner"
#: the runner's first argument for its plan modes (flink/runner/HlinkSqlRunner.java)
COMPILE_PLAN, EXECUTE_PLAN = "--hlink-compile-plan", "--hlink-execute-plan"
#: the runner's first argument for a data preview (its rows come back through the run request's answer)
PREVIEW = "--hlink-preview"
#: the runner's first argument for a state map (plans' operator ids and a savepoint's operators), and the
#: argument that ends one plan's statements, followed by its JSON
STATE_MAP, PLAN = "--hlink-state-map", "--hlink-plan"
_MANIFEST = "Manifest-Version: 1.0\r\nCreated-By: hlink\r\n\r\n"
_lock = threading.Lock()


class RunnerBuildError(RuntimeError):
    """The runner could not be compiled; the message says why (most often: no JDK)."""


def runner_is_current(jar: Path) -> bool:
    """Whether ``jar`` exists and was built from the current source."""
    return jar.exists() and jar.stat().st_mtime >= RUNNER_SOURCE.stat().st_mtime


def build_runner(jar: Path) -> Path:
    """Compile the runner into ``jar`` unless it is current; answer its path.

    Written to a temporary file and renamed, so a reader never sees half a jar (several processes may build).
    """
    with _lock:
        if runner_is_current(jar):
            return jar
        javac = shutil.which("javac")
        if javac is None:
            raise RunnerBuildError(
                "SQL jobs need hlink's SQL runner, compiled with a JDK's javac, and none was found; "
                "install a JDK (scripts/serve.sh installs one) and run `hlink runner`"
            )
        jar.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="hlink-runner-") as work:
            classes = Path(work) / "classes"
            done = subprocess.run(
                [javac, "--release", "11", "-nowarn", "-d", str(classes), str(RUNNER_SOURCE)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise RunnerBuildError(f"javac failed on the SQL runner: {(done.stderr or done.stdout)[-2000:]}")
            partial = jar.with_name(f".{jar.name}.{os.getpid()}.part")
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("META-INF/MANIFEST.MF", _MANIFEST)
                for path in sorted(classes.rglob("*.class")):
                    archive.write(path, path.relative_to(classes).as_posix())
            partial.replace(jar)
        return jar


def bundle(runner: Path, extras: list[Path], folder: Path, key: str) -> Path:
    """The runner with the classes of ``extras`` (a job's UDF jars) in one jar, named by ``key`` (which the
    caller derives from the contents, so the same jars give the same bundle and a built one is reused).

    Flink compiles the code it generates for a query with the job's own class loader; functions registered
    with ``USING JAR`` are missing from it on some versions (1.20 and 2.3 fail with "Cannot determine simple
    type name"), so the classes travel inside the job's jar instead. The first entry of a name wins (the
    runner's own first), manifests and signatures of the extras are left out.
    """
    target = folder / f"hlink-sql-runner-udfs-{key}.jar"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    # a name of its own per writer: several requests (or processes) may bundle the same jars at once
    descriptor, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=folder)
    os.close(descriptor)
    partial = Path(name)
    seen: set[str] = set()
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as out:
        for index, path in enumerate((runner, *extras)):
            with zipfile.ZipFile(path) as jar:
                for entry in jar.infolist():
                    name = entry.filename
                    if name in seen or (index > 0 and _metadata(name)):
                        continue
                    seen.add(name)
                    out.writestr(entry, jar.read(entry))
    partial.replace(target)
    return target


def _metadata(name: str) -> bool:
    upper = name.upper()
    return upper == "META-INF/MANIFEST.MF" or (
        upper.startswith("META-INF/") and upper.endswith((".SF", ".DSA", ".RSA", ".EC"))
    )
