"""A local standalone Flink for newcomers and tests: installed from PyPI into its own venv, bound to 127.0.0.1.

Everything lives under one folder (``<data dir>/flink`` by default): the venv, ``conf/config.yaml``, logs, pid
files, and the work folders Flink writes to (uploads, blobs, checkpoints, savepoints). Stopping kills exactly
the processes whose pid files this folder holds and whose command line names this folder's configuration.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import venv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

FLINK_VERSION = "2.3.0"
_ROLES = ("standalonesession", "taskexecutor")

Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class FlinkSetupError(RuntimeError):
    """The local Flink could not be installed, configured or started; the message says why."""


@dataclass
class LocalFlink:
    """One local Flink cluster living in ``root``."""

    root: Path
    rest_port: int = 8081
    version: str = FLINK_VERSION
    #: more config.yaml entries (or overrides), e.g. more task slots or faster heartbeats for a test
    extra_settings: dict[str, str] = field(default_factory=dict)
    #: high availability: the ZooKeeper quorum (``host:port``, flink/zookeeper.py) the job managers elect their
    #: leader through; ``None`` runs one job manager without HA
    ha_quorum: str | None = None
    #: the REST port of the second (standby) job manager of an HA cluster
    standby_rest_port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rest_port}"

    @property
    def rest_ports(self) -> list[int]:
        """Every job manager's REST port: one, or two with high availability."""
        return [self.rest_port, *([self.standby_rest_port] if self.ha_quorum and self.standby_rest_port else [])]

    @property
    def urls(self) -> list[str]:
        """Every job manager's REST address, the first one's first."""
        return [f"http://127.0.0.1:{port}" for port in self.rest_ports]

    @property
    def venv(self) -> Path:
        return self.root / "venv"

    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def log_dir(self) -> Path:
        return self.root / "log"

    @property
    def pid_dir(self) -> Path:
        return self.root / "pid"

    @property
    def work_dir(self) -> Path:
        return self.root / "work"

    @property
    def savepoint_dir(self) -> Path:
        return self.work_dir / "savepoints"

    # -- installation ---------------------------------------------------------------------------------------

    def pyflink(self) -> Path | None:
        """The installed ``pyflink`` folder (bin/, lib/, conf/), if any."""
        found = sorted(self.venv.glob("lib/python*/site-packages/pyflink"))
        return found[0] if found and (found[0] / "bin" / "jobmanager.sh").exists() else None

    def install(self, progress: Progress = _quiet) -> Path:
        """Install Flink from PyPI into the venv unless this version is already there; answer ``pyflink``."""
        marker = self.venv / ".flink-version"
        home = self.pyflink()
        installed = marker.read_text().strip() if marker.exists() else None
        if home is not None and installed == self.version:
            return home
        if installed is not None and self.pids():
            # replacing the jars under a running cluster breaks it: the folder belongs to that version now
            raise FlinkSetupError(
                f"Flink {installed} runs from {self.root}; "
                f"stop it (`hlink flink down`) before installing {self.version}"
            )
        progress(f"installing Flink {self.version} from PyPI into {self.venv} (about 330 MB, once)")
        if not (self.venv / "bin" / "python").exists():
            venv.EnvBuilder(with_pip=True).create(self.venv)
        pip = [str(self.venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        # the jars come without Python dependencies; the scripts package must not pull apache-beam and pandas
        with _growth_reported(self.venv, progress):
            self._run([*pip, f"apache-flink-libraries=={self.version}"], "pip install apache-flink-libraries")
            self._run([*pip, "--no-deps", f"apache-flink=={self.version}"], "pip install apache-flink")
        home = self.pyflink()
        if home is None:
            raise FlinkSetupError(f"pip finished but no pyflink/bin/jobmanager.sh under {self.venv}")
        marker.write_text(self.version)
        return home

    @staticmethod
    def _run(command: list[str], what: str) -> None:
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except FileNotFoundError as exc:
            raise FlinkSetupError(f"{what}: {exc.filename} not found") from None
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip()[-2000:]
            raise FlinkSetupError(f"{what} failed ({done.returncode}): {tail}")

    # -- configuration --------------------------------------------------------------------------------------

    def configure(self, home: Path) -> None:
        """Write conf/config.yaml: loopback only, sizes for a small machine, every folder under ``root``."""
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        for d in (self.log_dir, self.pid_dir, self.work_dir, self.savepoint_dir):
            d.mkdir(parents=True, exist_ok=True)
        java_opts = _shipped_java_opts(home / "conf" / "config.yaml")
        w = self.work_dir
        settings = {
            "jobmanager.rpc.address": "127.0.0.1",
            "jobmanager.rpc.port": str(free_port()),
            "jobmanager.bind-host": "127.0.0.1",
            "taskmanager.bind-host": "127.0.0.1",
            "taskmanager.host": "127.0.0.1",
            "rest.address": "127.0.0.1",
            "rest.bind-address": "127.0.0.1",
            "rest.port": str(self.rest_port),
            "jobmanager.memory.process.size": "1024m",
            "taskmanager.memory.process.size": "1536m",
            "taskmanager.numberOfTaskSlots": "4",
            "parallelism.default": "1",
            "web.upload.dir": str(w / "upload"),
            "blob.storage.directory": str(w / "blob"),
            "io.tmp.dirs": str(w / "tmp"),
            "execution.checkpointing.dir": f"file://{w / 'checkpoints'}",
            "execution.checkpointing.savepoint-dir": f"file://{self.savepoint_dir}",
        }
        if self.ha_quorum:
            settings.update(self._ha_settings())
        settings.update(self.extra_settings)
        for key in ("web.upload.dir", "blob.storage.directory", "io.tmp.dirs"):
            Path(settings[key]).mkdir(parents=True, exist_ok=True)
        lines = [f"{k}: {_yaml_scalar(v)}" for k, v in settings.items()]
        if java_opts:
            lines.append(f"env.java.opts.all: {_yaml_scalar(java_opts)}")
        (self.conf_dir / "config.yaml").write_text("\n".join(lines) + "\n")
        # the start scripts read log4j settings from the configuration folder
        for name in ("log4j.properties", "log4j-console.properties", "logback.xml"):
            shipped = home / "conf" / name
            if shipped.exists() and not (self.conf_dir / name).exists():
                (self.conf_dir / name).write_text(shipped.read_text())

    def _ha_settings(self) -> dict[str, str]:
        """High availability through ZooKeeper: job graphs, blobs and checkpoint pointers under ``work/ha`` of
        this folder, a cluster id of this folder's own (no other cluster on the same ZooKeeper recovers its
        jobs), every port chosen here or by the system (none of Flink's fixed defaults), and timeouts short
        enough that a killed leader is replaced within seconds."""
        w = self.work_dir.resolve()  # Flink reads file://relative as a host name
        return {
            "high-availability.type": "zookeeper",
            "high-availability.zookeeper.quorum": str(self.ha_quorum),
            "high-availability.storageDir": f"file://{w / 'ha'}",
            "high-availability.zookeeper.path.root": "/hlink",
            "high-availability.cluster-id": f"/{self.root.name}-{self.rest_port}",
            "high-availability.jobmanager.port": "0",
            "high-availability.zookeeper.client.session-timeout": "4000",
            "high-availability.zookeeper.client.connection-timeout": "3000",
            "high-availability.zookeeper.client.retry-wait": "1000",
            "blob.server.port": "0",
            "taskmanager.rpc.port": "0",
            "taskmanager.data.port": "0",
            "heartbeat.interval": "1000",
            "heartbeat.timeout": "6000",
        }

    # -- processes ------------------------------------------------------------------------------------------

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}  # the machine's default Java is right
        env.update(
            FLINK_CONF_DIR=str(self.conf_dir),
            FLINK_LOG_DIR=str(self.log_dir),
            FLINK_PID_DIR=str(self.pid_dir),
            FLINK_IDENT_STRING="hlink",
        )
        return env

    def pids(self) -> dict[str, int]:
        """The live processes of this cluster, by role (the newest one of a role that has several), checked
        against their command line; :meth:`role_pids` lists every one."""
        return {role: found[-1] for role in _ROLES if (found := self.role_pids(role))}

    def role_pids(self, role: str) -> list[int]:
        """Every live process of ``role`` (``standalonesession``, ``taskexecutor``), oldest first: the start
        scripts append one line per process to the role's pid file, so a cluster given more task managers
        (:meth:`start_taskmanager`) lists each. Dead ones (killed, exited) are left out, and so is any pid whose
        command line does not name this cluster's configuration folder (a number the system gave again)."""
        pid_file = self.pid_dir / f"flink-hlink-{role}.pid"
        if not pid_file.exists():
            return []
        return [int(line) for line in pid_file.read_text().split() if line.isdigit() and self._ours(int(line))]

    def taskmanager_pids(self) -> list[int]:
        """The live task managers of this cluster, oldest first (what a fault test kills)."""
        return self.role_pids("taskexecutor")

    def _ours(self, pid: int) -> bool:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            return False
        return str(self.conf_dir) in cmdline

    def answers(self, timeout: float = 2.0) -> dict[str, object] | None:
        """The cluster's /overview, or None if nothing answers on its REST port."""
        try:
            response = httpx.get(f"{self.url}/overview", timeout=timeout)
        except httpx.HTTPError:
            return None
        if response.status_code != 200:
            return None
        body: dict[str, object] = response.json()
        return body

    def start(self, progress: Progress = _quiet, wait: float = 120.0) -> None:
        """Start the job manager and one task manager; return once a task manager has registered."""
        home = self.install(progress)
        if self.pids():
            overview = self.answers()
            if overview and int(str(overview.get("taskmanagers", 0))) > 0:
                progress(f"Flink is already running at {self.url}")
                return
            self.stop(progress)
        if self.answers() is not None:
            raise FlinkSetupError(f"another process already answers on {self.url}; choose another port")
        self.configure(home)
        progress(f"starting Flink {self.version} at {', '.join(self.urls)}")
        # the task manager's start script runs beside the first job manager's (each spends seconds in a JVM
        # sizing memory); a second job manager's after the first's, since both append to one pid file
        taskmanager = subprocess.Popen(
            ["bash", str(home / "bin" / "taskmanager.sh"), "start"],
            env=self._env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in self.rest_ports:
            self._start_jobmanager(home, port)
        if taskmanager.wait() != 0:
            raise self._failed(f"taskmanager.sh start failed ({taskmanager.returncode})")
        started = time.monotonic()
        while (elapsed := time.monotonic() - started) < wait:
            overview = self.answers()
            if overview and int(str(overview.get("taskmanagers", 0))) > 0:
                progress(f"Flink {overview.get('flink-version')} is up: {overview.get('slots-total')} slots")
                return
            # the scripts write both pid files at once: a process missing after 10 s has died
            if elapsed > 10 and len(self.pids()) < len(_ROLES):
                raise self._failed("a Flink process exited during start-up")
            time.sleep(0.5)
        raise self._failed(f"Flink did not come up within {wait:.0f} s")

    def _start_jobmanager(self, home: Path, port: int) -> None:
        # the REST port on the command line: each job manager of an HA cluster has its own, and it tells them apart
        subprocess.run(
            ["bash", str(home / "bin" / "jobmanager.sh"), "start", "-D", f"rest.port={port}"],
            env=self._env(),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def jobmanager_pids(self) -> dict[int, int]:
        """The live job managers of this cluster by their REST port (two with high availability)."""
        found: dict[int, int] = {}
        for pid in self.role_pids("standalonesession"):
            with contextlib.suppress(OSError):
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
                ports = [arg.removeprefix("rest.port=") for arg in cmdline if arg.startswith("rest.port=")]
                if ports and ports[-1].isdigit():
                    found[int(ports[-1])] = pid
        return found

    def leading_port(self) -> int | None:
        """The REST port of the job manager that leads now (its own log says its dispatcher was granted
        leadership last, and not revoked since): what a failover test kills. ``None`` while none leads."""
        for port, pid in self.jobmanager_pids().items():
            with contextlib.suppress(OSError):
                args = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
                logs = [a.removeprefix("-Dlog.file=") for a in args if a.startswith("-Dlog.file=")]
                if not logs:
                    continue
                said = re.findall(
                    r"DefaultDispatcherRunner was (granted|revoked) leadership", Path(logs[-1]).read_text()
                )
                if said and said[-1] == "granted":
                    return port
        return None

    def start_jobmanager(self, port: int, wait: float = 60.0) -> int:
        """Start the job manager of REST port ``port`` again (after a test killed it): with high availability
        it joins as a standby. Answers its pid once its REST endpoint answers."""
        home = self.pyflink()
        if home is None or not (self.conf_dir / "config.yaml").exists():
            raise FlinkSetupError(f"no Flink is installed and configured in {self.root}; start() it first")
        self._start_jobmanager(home, port)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            pid = self.jobmanager_pids().get(port)
            if pid is None and time.monotonic() > deadline - wait + 10:
                raise self._failed(f"the job manager on port {port} exited during start-up")
            try:
                if pid is not None and httpx.get(f"http://127.0.0.1:{port}/config", timeout=2.0).status_code == 200:
                    return pid
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise self._failed(f"the job manager on port {port} did not answer within {wait:.0f} s")

    def start_taskmanager(self, resource_id: str, wait: float = 60.0) -> int:
        """Start one more task manager on this running cluster, named ``resource_id`` (Flink's
        ``taskmanager.resource-id``, so the job manager's ``/taskmanagers`` tells it from the others, dead ones
        included); answers its pid once it has registered. Tests use it to replace a task manager they killed."""
        home = self.pyflink()
        if home is None or not (self.conf_dir / "config.yaml").exists():
            raise FlinkSetupError(f"no Flink is installed and configured in {self.root}; start() it first")
        before = set(self.taskmanager_pids())
        subprocess.run(
            ["bash", str(home / "bin" / "taskmanager.sh"), "start", "-D", f"taskmanager.resource-id={resource_id}"],
            env=self._env(),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = [pid for pid in self.taskmanager_pids() if pid not in before]
        if not started:
            raise self._failed("the new task manager exited at once")
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if resource_id in self._taskmanager_ids():
                return started[-1]
            if not self._ours(started[-1]):
                raise self._failed(f"task manager {resource_id} exited during start-up")
            time.sleep(0.3)
        raise self._failed(f"task manager {resource_id} did not register within {wait:.0f} s")

    def _taskmanager_ids(self) -> set[str]:
        """The resource ids of the task managers the job manager knows now."""
        try:
            response = httpx.get(f"{self.url}/taskmanagers", timeout=2.0)
        except httpx.HTTPError:
            return set()
        if response.status_code != 200:
            return set()
        return {str(tm.get("id")) for tm in response.json().get("taskmanagers", [])}

    def _failed(self, reason: str) -> FlinkSetupError:
        """Stop what did start, and say why with the tail of the newest log."""
        logs = sorted(self.log_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)
        tail = logs[-1].read_text(errors="replace")[-1500:] if logs else "(no log written)"
        self.stop()
        return FlinkSetupError(f"{reason}; last log lines:\n{tail}")

    def stop(self, progress: Progress = _quiet, wait: float = 30.0) -> None:
        """Stop exactly this cluster's processes, every task manager included (SIGTERM, then SIGKILL after
        ``wait`` seconds)."""
        pids = [pid for role in _ROLES for pid in self.role_pids(role)]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + wait
        while pids and time.monotonic() < deadline:
            pids = [pid for pid in pids if self._ours(pid)]
            time.sleep(0.2)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for role in _ROLES:
            (self.pid_dir / f"flink-hlink-{role}.pid").unlink(missing_ok=True)
        progress("Flink stopped")


#: seconds between two progress lines while Flink downloads
PROGRESS_EVERY = 5.0


def _size_mb(folder: Path) -> float:
    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file():
                total += path.stat().st_size
    return total / (1024 * 1024)


@contextlib.contextmanager
def _growth_reported(folder: Path, progress: Progress, every: float = PROGRESS_EVERY) -> Iterator[None]:
    """While the block runs, report every ``every`` seconds how large ``folder`` has grown (a long download
    shows it moves, not one line for minutes)."""
    stop = threading.Event()
    start = _size_mb(folder) if folder.exists() else 0.0
    began = time.monotonic()

    def report() -> None:
        while not stop.wait(every):
            grown = (_size_mb(folder) if folder.exists() else 0.0) - start
            progress(f"... {grown:.0f} MB installed so far ({time.monotonic() - began:.0f} s)")

    reporter = threading.Thread(target=report, daemon=True)
    reporter.start()
    try:
        yield
    finally:
        stop.set()
        reporter.join()


def _shipped_java_opts(config: Path) -> str:
    """``env.java.opts.all`` of the shipped config.yaml (Java 17 needs its --add-opens list).

    The shipped file nests the key (env: java: opts: all:), so the line carrying the options is found by them.
    """
    if not config.exists():
        return ""
    found = re.search(r"^\s*(?:env\.java\.opts\.)?all:\s*(.*--add-opens.*)$", config.read_text(), re.M)
    return found.group(1).strip().strip("'\"") if found else ""


def _yaml_scalar(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def progress_to_stderr(message: str) -> None:
    """Print set-up progress where a terminal user sees it."""
    print(f"hlink flink: {message}", file=sys.stderr, flush=True)
