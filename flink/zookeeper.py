"""A local ZooKeeper for a highly available local Flink: Debian's ``zookeeper`` package run as our own process.

Nothing of the package's service is used (no /etc/zookeeper/conf, no /var/lib/zookeeper, no init script): the
server runs standalone from ``/usr/share/java/zookeeper.jar`` with its own ``zoo.cfg``, data folder and log in
``root``, on a free port of 127.0.0.1, and is stopped by the pid it was started with.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from hlink.flink.local import FlinkSetupError, free_port

#: Debian's ZooKeeper server jar (its manifest names the jars it needs)
ZOOKEEPER_JAR = Path("/usr/share/java/zookeeper.jar")
_MAIN = "org.apache.zookeeper.server.ZooKeeperServerMain"


@dataclass
class LocalZooKeeper:
    """One standalone ZooKeeper server living in ``root`` (``zoo.cfg``, ``data/``, ``zookeeper.log``, ``pid``)."""

    root: Path
    port: int = 0

    def __post_init__(self) -> None:
        self.root = self.root.resolve()  # its command line names it: the same whichever folder the caller is in
        config = self.root / "zoo.cfg"
        if not self.port and config.exists():  # the port of the server this folder runs (or last ran)
            found = re.search(r"^clientPort=(\d+)$", config.read_text(), re.M)
            self.port = int(found.group(1)) if found else 0

    @property
    def quorum(self) -> str:
        """What Flink's ``high-availability.zookeeper.quorum`` names."""
        return f"127.0.0.1:{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.root / "pid"

    def pid(self) -> int | None:
        """The server's pid while it runs (checked against its command line: a number the system gave again is
        not ours)."""
        if not self.pid_file.exists():
            return None
        text = self.pid_file.read_text().split()
        if not text or not text[0].isdigit():
            return None
        pid = int(text[0])
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            return None
        return pid if str(self.root / "zoo.cfg") in cmdline else None

    def answers(self) -> bool:
        """Whether the server answers ZooKeeper's ``ruok`` on its port (``imok``)."""
        if not self.port:
            return False
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1.0) as conn:
                conn.sendall(b"ruok")
                return conn.recv(16) == b"imok"
        except OSError:
            return False

    def start(self, wait: float = 30.0) -> None:
        """Start the server (once: a running one is kept) and return once it answers."""
        if not ZOOKEEPER_JAR.exists():
            raise FlinkSetupError(f"no ZooKeeper at {ZOOKEEPER_JAR}: install Debian's zookeeper package")
        if self.pid() is not None and self.answers():
            return
        self.stop()
        data = self.root / "data"
        data.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        config = self.root / "zoo.cfg"
        config.write_text(
            "\n".join(
                (
                    "tickTime=500",
                    f"dataDir={data}",
                    f"clientPort={self.port}",
                    "clientPortAddress=127.0.0.1",
                    "admin.enableServer=false",
                    "4lw.commands.whitelist=ruok,srvr",
                    "maxSessionTimeout=60000",
                )
            )
            + "\n"
        )
        log = (self.root / "zookeeper.log").open("ab")
        process = subprocess.Popen(
            ["java", "-Xmx128m", "-cp", str(ZOOKEEPER_JAR), _MAIN, str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: a terminal's Ctrl-C of the caller does not reach it
        )
        log.close()
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.answers():
                return
            if process.poll() is not None:
                break
            time.sleep(0.2)
        tail = (self.root / "zookeeper.log").read_text(errors="replace")[-1500:]
        self.stop()
        raise FlinkSetupError(f"ZooKeeper did not come up on {self.quorum}; last log lines:\n{tail}")

    def stop(self, wait: float = 10.0) -> None:
        """Stop exactly the server this folder started (SIGTERM, then SIGKILL)."""
        pid = self.pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + wait
            while self.pid() is not None and time.monotonic() < deadline:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)  # our own child: reaped, or it lingers as a zombie
                time.sleep(0.1)
            if self.pid() is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self.pid_file.unlink(missing_ok=True)
