"""A throwaway PostgreSQL server for the test session: initdb in a temp folder, loopback only."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: run .ci/run (it installs Debian's postgresql package), "
            "or set HLINK_TEST_DATABASES=sqlite to test SQLite only"
        )
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    data_dir: Path
    port: int
    bin_dir: Path
    as_user: list[str]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip() or done.stdout.strip()}")

    @classmethod
    def start(cls) -> PostgresServer:
        """initdb and start a server that only this test session uses."""
        bin_dir = _bin_dir()
        # a folder of its own: pytest's temp folders are private to root, and the server runs as postgres
        folder = Path(tempfile.mkdtemp(prefix="hlink-pg-"))
        data_dir = folder / "pgdata"
        data_dir.mkdir(parents=True)
        as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
            shutil.chown(folder, "postgres")
            shutil.chown(data_dir, "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        server = cls(data_dir=data_dir, port=_free_port(), bin_dir=bin_dir, as_user=as_user)
        server._run(str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "postgres", "-A", "trust", "--no-sync")
        server._start()
        return server

    def _start(self) -> None:
        folder = self.data_dir.parent
        options = f"-p {self.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        pg_ctl = str(self.bin_dir / "pg_ctl")
        self._run(pg_ctl, "-D", str(self.data_dir), "-o", options, "-l", str(folder / "pg.log"), "-w", "start")

    def restart(self, down_for: float = 0.0) -> None:
        """Restart exactly this server, keeping its data, port and options: a fast shutdown (open transactions
        are rolled back and every session is disconnected, as when an operator restarts the database), then,
        ``down_for`` seconds later (no server listens meanwhile), the same start as before."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
        time.sleep(down_for)
        self._start()

    def stop(self) -> None:
        """Stop exactly this server (pg_ctl signals the postmaster whose pid file is in our data folder)."""
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.data_dir.parent, ignore_errors=True)
