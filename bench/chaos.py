"""Chaos benchmark: run, cancel and restart requests over two hlink replicas while faults are injected; then
whether hlink and Flink agree. The goal (issue 11): no job lost, duplicated or orphaned, whatever breaks.

Set-up, all its own and all torn down at the end: a PostgreSQL server (tests/pg.py), a Flink cluster
(flink/local.py, in a temporary folder, with a task slot for every job and a few spare; the Flink installed once
in .hlink-test/bench/flink-<version>/venv is reused), two `hlink serve` replicas on that database
(tests/replicas.py; reconciling every second, a submission whose answer was lost released after 15 s) and the
cluster registered behind a TCP proxy that can stop forwarding (tests/proxy.py); --jobs SELECT jobs (datagen ->
blackhole), each made with tests/replicas.select_job.

The chaos: --actions requests (run, cancel or restart of a random job through a random replica), --workers at a
time. Every answer is accepted and counted by its status (409 conflict, 503 unavailable, a connection lost with a
killed replica are expected outcomes). At random points a fault: a replica killed with SIGKILL (its requests in
flight are lost) and started again on the same database, or the proxy paused for a few seconds (the cluster
silent: requests taken, never answered) and then resumed. Meanwhile Flink's job list is sampled twice a second to
catch two live Flink jobs of one hlink job.

Then convergence (at most --converge seconds): no job submitting (jobStatus 9), none UNKNOWN, and for every hlink
job the Flink job it tracks agrees with it (live when hlink says running, ended when hlink says it is not).

It prints the actions by kind and answer; runs requested (run and restart requests, and those answered 200)
against the runs hlink recorded and the Flink jobs started (Flink's /jobs/overview, the jobs named with the
pipeline names of this benchmark's runs, t_job_run.pipeline_name); duplicates (hlink jobs with more than one live
Flink job at the end, or seen with two at once during the chaos); orphans (Flink jobs live at the end that no
running hlink job tracks, t_job.flink_job_id); stuck jobs (still submitting, UNKNOWN or disagreeing with Flink at
the deadline); and the time to converge. From the replicas' logs it counts the status events that did not reach
the other replica and prints the ERROR lines (a 500 answer's cause). At the end every job is cancelled through
hlink. The exit status is 1 when there are duplicates, orphans or stuck jobs; their rows and Flink jobs are
printed, and the working folder (replica logs, PostgreSQL's log, Flink's logs) is kept, as it is when a replica
logged an ERROR. The action log (every request with its answer, every fault, and at the end every run row) goes
to --log.

Run: .venv/bin/python -m bench.chaos [--actions 200] [--jobs 6] [--seed S] [--workers 4] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import logging
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import asyncpg
import httpx

from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.models.status import TERMINAL
from hlink.services.jobs.states import code_of
from tests.helpers import AUTH
from tests.pg import PostgresServer
from tests.proxy import Proxy
from tests.replicas import select_job, serve_replica, stop_replica

ROOT = Path(__file__).resolve().parent.parent
#: the hlink job id in a Flink job's name (services/jobs/submission.pipeline_name)
PIPELINE = re.compile(r"\[hlink job (\d+) [0-9a-f]+\]$")
KINDS = ("run", "cancel", "restart")
WEIGHTS = (0.4, 0.3, 0.3)
#: Flink states of a job that is not (or no longer) running: two of these at once for one hlink job are fine
NOT_LIVE = TERMINAL | {"CANCELLING"}
SUBMITTING = 9
Row = dict[str, Any]
#: the last line of a traceback in a replica's log
EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit)\b")
#: prctl(2): the signal a process gets when its parent ends
PR_SET_PDEATHSIG = 1
REPLICA_ENV = {"HLINK_RECONCILE_SECONDS": "1", "HLINK_SUBMISSION_GRACE": "15"}


def say(message: str) -> None:
    print(f"chaos: {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Action:
    index: int
    kind: str
    job: int  # index into the benchmark's jobs
    replica: int
    delay: float  # seconds the worker waits before sending it


@dataclass(frozen=True)
class Fault:
    at: int  # injected when this action is taken
    kind: str  # "kill" or "pause"
    replica: int
    seconds: float  # the replica's downtime, or the pause


def plan(actions: int, jobs: int, seed: int) -> tuple[list[Action], dict[int, Fault]]:
    """The actions and the faults, drawn from ``seed``: one fault every 12 actions or so, at least one of each."""
    rng = random.Random(seed)
    steps = [
        Action(i, rng.choices(KINDS, WEIGHTS)[0], rng.randrange(jobs), rng.randrange(2), rng.uniform(0, 0.4))
        for i in range(actions)
    ]
    count = max(2, actions // 12)
    kinds = ["kill", "pause"] + [rng.choice(("kill", "pause")) for _ in range(count - 2)]
    rng.shuffle(kinds)
    points = sorted(rng.sample(range(min(5, actions - 1), actions), min(count, max(1, actions - 5))))
    faults = {
        at: Fault(at, kind, rng.randrange(2), rng.uniform(0.5, 3) if kind == "kill" else rng.uniform(2, 6))
        for at, kind in zip(points, kinds, strict=False)
    }
    return steps, faults


@dataclass
class Replica:
    name: str
    data: Path
    log: Path
    process: asyncio.subprocess.Process | None = None
    base: str | None = None
    starts: int = 0

    @property
    def up(self) -> bool:
        return self.base is not None and self.process is not None and self.process.returncode is None


@dataclass
class Chaos:
    database_url: str
    flink: LocalFlink
    proxy: Proxy
    replicas: list[Replica]
    http: httpx.AsyncClient
    journal: TextIO
    started: float = field(default_factory=time.monotonic)
    job_ids: list[int] = field(default_factory=list)
    answers: Counter[tuple[str, str]] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    paused_seconds: float = 0.0
    rerouted: int = 0
    #: hlink job id -> samples of Flink's list in which it had two live Flink jobs
    overlaps: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    samples: int = 0

    def note(self, line: str) -> None:
        wall = time.strftime("%H:%M:%S") + f".{int(time.time() * 1000) % 1000:03d}"
        self.journal.write(f"{wall} {time.monotonic() - self.started:8.2f} {line}\n")
        self.journal.flush()

    # -- replicas ---------------------------------------------------------------------------------------------

    async def start(self, replica: Replica) -> None:
        launcher = ["-m", "bench.chaos", "_replica", str(replica.log)]
        try:
            replica.process, replica.base = await serve_replica(self.database_url, replica.data, REPLICA_ENV, launcher)
        except (AssertionError, ProcessLookupError) as error:  # it exited, or never answered (and was killed)
            raise RuntimeError(f"replica {replica.name} did not come up: see {replica.log}") from error
        replica.starts += 1
        self.note(f"replica {replica.name} up: pid {replica.process.pid} at {replica.base}")

    async def stop(self, replica: Replica) -> None:
        process, replica.base = replica.process, None
        if process is not None:  # a process this benchmark started
            with contextlib.suppress(ProcessLookupError):  # it may have exited on its own
                await stop_replica(process)

    def live_base(self) -> str:
        return next(r.base for r in self.replicas if r.up and r.base)

    # -- the chaos --------------------------------------------------------------------------------------------

    async def act(self, action: Action) -> None:
        replica = self.replicas[action.replica]
        if not replica.up:  # down (killed, starting again): the request goes to the other, as a balancer would
            replica = self.replicas[1 - action.replica]
            self.rerouted += 1
        base = replica.base
        job_id = self.job_ids[action.job]
        status, message = "down", ""
        began = time.monotonic()
        if base is not None:
            try:
                response = await self.http.post(f"{base}/jobs/{action.kind}/{job_id}", timeout=180)
                status = str(response.status_code)
                with contextlib.suppress(ValueError):
                    # a refusal is HTTP 200 with its code in the envelope, as the original answered
                    status = str(response.json().get("code", status))
                    message = str(response.json().get("msg", ""))
            except httpx.TimeoutException:
                status = "timeout"
            except httpx.ConnectError:
                status = "refused"
            except httpx.TransportError as error:  # the replica died with the request in flight
                status, message = "lost", type(error).__name__
        self.answers[(action.kind, status)] += 1
        took = time.monotonic() - began
        self.note(
            f"action {action.index:4} {action.kind:7} job {job_id} via {replica.name}: {status} "
            f"in {took:.2f} s {message[:160]}"
        )

    async def inject(self, fault: Fault) -> None:
        if fault.kind == "pause":
            self.note(f"fault at action {fault.at}: proxy paused for {fault.seconds:.1f} s")
            self.proxy.pause()
            try:
                await asyncio.sleep(fault.seconds)
            finally:
                self.proxy.resume()
            self.paused_seconds += fault.seconds
            self.faults["cluster paused"] += 1
            self.note("fault: proxy resumed")
            return
        replica = self.replicas[fault.replica]
        if not replica.up:
            replica = self.replicas[1 - fault.replica]
        process = replica.process
        if process is None or not replica.up:
            return
        self.note(f"fault at action {fault.at}: replica {replica.name} (pid {process.pid}) killed with SIGKILL")
        replica.base = None
        process.send_signal(signal.SIGKILL)  # a process this benchmark started, by its handle
        await process.wait()
        self.faults["replica killed"] += 1
        await asyncio.sleep(fault.seconds)
        await self.start(replica)

    async def chaos(self, steps: list[Action], faults: dict[int, Fault], workers: int) -> None:
        pending: asyncio.Queue[Fault] = asyncio.Queue()
        todo = iter(steps)

        async def worker() -> None:
            for action in todo:  # shared: each action is taken by one worker
                if action.index in faults:
                    pending.put_nowait(faults[action.index])
                await asyncio.sleep(action.delay)
                await self.act(action)
                if (action.index + 1) % 25 == 0:
                    say(f"{action.index + 1} of {len(steps)} actions taken")

        async def injector() -> None:
            while True:  # one fault at a time, while the workers go on
                fault = await pending.get()
                try:
                    await self.inject(fault)
                finally:
                    pending.task_done()

        async def everyone() -> None:
            await asyncio.gather(*(worker() for _ in range(workers)))

        async def while_injecting(awaited: asyncio.Task[None]) -> None:
            # the injector only ends by failing (a replica that does not come back): the benchmark ends with its error
            await asyncio.wait({injecting, awaited}, return_when=asyncio.FIRST_COMPLETED)
            if injecting.done():
                injecting.result()
            awaited.result()

        injecting = asyncio.create_task(injector())
        tasks = [injecting, asyncio.create_task(everyone())]
        try:
            await while_injecting(tasks[-1])
            tasks.append(asyncio.create_task(pending.join()))  # the faults still queued or under way, once all sent
            await while_injecting(tasks[-1])
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def watch(self) -> None:
        """Sample Flink's job list (straight, not through the proxy) for two live Flink jobs of one hlink job."""
        while True:
            try:
                listed = await self.flink_jobs()
            except httpx.HTTPError:
                await asyncio.sleep(0.5)
                continue
            self.samples += 1
            live: dict[int, list[str]] = defaultdict(list)
            for job in listed:
                found = PIPELINE.search(str(job.get("name", "")))
                if found and job.get("state") not in NOT_LIVE:
                    live[int(found[1])].append(f"{job['jid']} {job['state']}")
            for job_id, seen in live.items():
                if len(seen) > 1:
                    self.overlaps[job_id].append(f"{time.monotonic() - self.started:.1f} s: {', '.join(seen)}")
                    self.note(f"two live Flink jobs of job {job_id}: {', '.join(seen)}")
            await asyncio.sleep(0.5)

    # -- hlink's view and Flink's -----------------------------------------------------------------------------

    async def flink_jobs(self) -> list[Row]:
        response = await self.http.get(f"{self.flink.url}/jobs/overview", timeout=10)
        jobs: list[Row] = response.json()["jobs"]
        return jobs

    async def failures(self, listed: list[Row]) -> dict[str, str]:
        """The root cause Flink gives for each of these jobs that FAILED (the innermost "Caused by")."""
        causes = {}
        for job in listed:
            if job["state"] == "FAILED":
                answer = (await self.http.get(f"{self.flink.url}/jobs/{job['jid']}/exceptions", timeout=10)).json()
                entries = answer.get("exceptionHistory", {}).get("entries") or [{}]
                trace = str(answer.get("root-exception") or entries[0].get("stacktrace") or "no exception recorded")
                lines = trace.strip().splitlines()
                causes[job["jid"]] = ([line for line in lines if line.startswith("Caused by:")] or lines)[-1][:400]
        return causes

    async def rows(self, query: str) -> list[Row]:
        conn = await asyncpg.connect(self.database_url)
        try:
            return [dict(r) for r in await conn.fetch(query, self.job_ids)]
        finally:
            await conn.close()

    async def snapshot(self) -> tuple[list[Row], list[Row]]:
        jobs = await self.rows(
            "SELECT id, job_status, flink_state, flink_job_id FROM t_job WHERE id = ANY($1::bigint[]) ORDER BY id"
        )
        return jobs, await self.flink_jobs()

    async def converge(self, within: float) -> tuple[float | None, dict[int, str], list[Row], list[Row]]:
        """Seconds until hlink agrees with Flink (None: not within ``within``), what still disagrees, and the last
        look: hlink's jobs and Flink's."""
        began = time.monotonic()
        while True:
            jobs, listed = await self.snapshot()
            problems = disagreements(jobs, listed)
            if not problems:
                return time.monotonic() - began, {}, jobs, listed
            if time.monotonic() - began > within:
                return None, problems, jobs, listed
            await asyncio.sleep(0.5)

    async def cancel_everything(self) -> int:
        """Cancel every job through hlink; answers how many Flink jobs are still live after it."""
        for _ in range(60):
            jobs, _listed = await self.snapshot()
            active = [j["id"] for j in jobs if j["job_status"] in (1, SUBMITTING)]
            if not active:
                break
            for job_id in active:
                with contextlib.suppress(httpx.HTTPError):
                    await self.http.post(f"{self.live_base()}/jobs/cancel/{job_id}", timeout=180)
            await asyncio.sleep(1)
        for _ in range(60):
            live = [j for j in await self.flink_jobs() if j["state"] not in TERMINAL]
            if not live:
                return 0
            await asyncio.sleep(0.5)
        return len(live)


def disagreements(jobs: list[Row], listed: list[Row]) -> dict[int, str]:
    """Each hlink job whose state is not settled, or not Flink's, with what is wrong."""
    by_id = {j["jid"]: j for j in listed}
    problems: dict[int, str] = {}
    for job in jobs:
        status, state, tracked = job["job_status"], job["flink_state"], job["flink_job_id"]
        seen = by_id.get(tracked) if tracked else None
        if status == SUBMITTING:
            problems[job["id"]] = f"still submitting ({state})"
        elif state == "UNKNOWN":
            problems[job["id"]] = "UNKNOWN while the cluster answers"
        elif status == 1 and (seen is None or code_of(seen["state"]) != 1):
            problems[job["id"]] = f"running in hlink, Flink job {tracked} is {seen['state'] if seen else 'not listed'}"
        elif status != 1 and seen is not None and seen["state"] not in TERMINAL:
            problems[job["id"]] = f"code {status} ({state}) in hlink, Flink job {tracked} is {seen['state']}"
    return problems


def duplicates_and_orphans(
    jobs: list[Row], listed: list[Row], names: set[str]
) -> tuple[dict[int, list[str]], list[Row]]:
    """Hlink jobs with more than one live Flink job, and the live Flink jobs no running hlink job tracks."""
    tracked = {j["flink_job_id"] for j in jobs if j["job_status"] == 1 and j["flink_job_id"]}
    live: dict[int, list[str]] = defaultdict(list)
    orphans = []
    for job in listed:
        if job["state"] in TERMINAL or job["name"] not in names:
            continue
        found = PIPELINE.search(job["name"])
        if found:
            live[int(found[1])].append(f"{job['jid']} {job['state']}")
        if job["jid"] not in tracked:
            orphans.append(job)
    return {k: v for k, v in live.items() if len(v) > 1}, orphans


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


async def evidence(chaos: Chaos, job_ids: set[int], listed: list[Row]) -> None:
    """The rows and Flink jobs of the jobs at fault, printed and written to the action log."""
    runs = await chaos.rows(
        "SELECT job_id, id, pipeline_name, flink_job_id, create_time, start_time, end_time, final_state, failure "
        "FROM t_job_run WHERE job_id = ANY($1::bigint[]) ORDER BY id"
    )
    jobs = await chaos.rows("SELECT * FROM t_job WHERE id = ANY($1::bigint[])")
    for job_id in sorted(job_ids):
        lines = [f"job {job_id}: {next((j for j in jobs if j['id'] == job_id), {})}"]
        lines += [f"  run {r}" for r in runs if r["job_id"] == job_id]
        for f in listed:
            found = PIPELINE.search(str(f.get("name", "")))
            if found and int(found[1]) == job_id:
                lines.append(f"  flink {f['jid']} {f['state']} start {f.get('start-time')} end {f.get('end-time')}")
        for line in lines:
            print(line)
            chaos.note(line)


def flink_venv(version: str) -> Path:
    """An installed Flink of this version to reuse (the benchmarks' or the tests'), installed once if none."""
    for folder in (ROOT / ".hlink-test" / "bench" / f"flink-{version}", ROOT / ".hlink-test" / f"flink-{version}"):
        marker = folder / "venv" / ".flink-version"
        if marker.exists() and marker.read_text().strip() == version:
            return folder / "venv"
    home = ROOT / ".hlink-test" / "bench" / f"flink-{version}"
    LocalFlink(home, version=version).install(progress_to_stderr)
    return home / "venv"


async def create_database(server: PostgresServer, name: str) -> str:
    conn = await asyncpg.connect(f"{server.url}/postgres")
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return f"{server.url}/{name}"


async def main(arguments: argparse.Namespace) -> int:
    steps, faults = plan(arguments.actions, arguments.jobs, arguments.seed)
    work = Path(tempfile.mkdtemp(prefix="hlink-chaos-"))
    (work / "flink").mkdir()
    (work / "flink" / "venv").symlink_to(flink_venv(arguments.flink_version))
    slots = {"taskmanager.numberOfTaskSlots": str(arguments.jobs + 4)}
    flink = LocalFlink(work / "flink", rest_port=free_port(), version=arguments.flink_version, extra_settings=slots)
    arguments.log.parent.mkdir(parents=True, exist_ok=True)
    failed = True
    errors_logged = 0
    server: PostgresServer | None = None
    proxy = Proxy(0)
    watching: asyncio.Task[None] | None = None
    with arguments.log.open("w") as journal:
        async with httpx.AsyncClient(timeout=120, headers=AUTH) as http:  # set-up validates each job on a busy cluster
            replicas = [Replica(n, work / n, work / f"replica-{n}.log") for n in ("a", "b")]
            chaos: Chaos | None = None
            try:
                say(f"working folder {work}")
                server = PostgresServer.start()
                flink.start(progress_to_stderr)
                proxy.target_port = flink.rest_port
                address = await proxy.start()
                url = await create_database(server, "hlink_chaos")
                chaos = Chaos(url, flink, proxy, replicas, http, journal)
                for replica in replicas:
                    await chaos.start(replica)
                for i in range(arguments.jobs):
                    made = await select_job(http, replicas[i % 2].base or "", address, f"c{i}", f"chaos{i}")
                    chaos.job_ids.append(int(made["id"]))
                say(f"jobs {chaos.job_ids}; {len(steps)} actions, {len(faults)} faults, seed {arguments.seed}")
                watching = asyncio.create_task(chaos.watch())
                began = time.monotonic()
                await chaos.chaos(steps, faults, arguments.workers)
                chaos_seconds = time.monotonic() - began
                say(f"actions done in {chaos_seconds:.0f} s; converging (at most {arguments.converge:.0f} s)")
                converged, problems, jobs, listed = await chaos.converge(arguments.converge)
                watching.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watching
                runs = await chaos.rows(
                    "SELECT pipeline_name, flink_job_id FROM t_job_run WHERE job_id = ANY($1::bigint[])"
                )
                names = {r["pipeline_name"] for r in runs}
                started = [j for j in listed if j["name"] in names]
                run_ids = {r["flink_job_id"] for r in runs if r["flink_job_id"]}
                duplicates, orphans = duplicates_and_orphans(jobs, listed, names)
                duplicated = set(duplicates) | set(chaos.overlaps)
                failures = await chaos.failures(started)
                # a Flink job of an hlink job (by its name) that no run row names, or whose id its run does not hold
                untracked = [
                    j
                    for j in listed
                    if PIPELINE.search(j["name"]) and (j["name"] not in names or j["jid"] not in run_ids)
                ]
                figures = (runs, started, run_ids, untracked, failures, duplicates, orphans, problems)
                errors_logged = report(arguments, chaos, chaos_seconds, *figures, converged)
                failed = bool(duplicated or orphans or problems)
                if failed:
                    at_fault = duplicated | set(problems)
                    at_fault |= {int(found[1]) for o in orphans if (found := PIPELINE.search(o["name"]))}
                    print("\nevidence:")
                    for job_id, seen in chaos.overlaps.items():
                        print(f"job {job_id}: two live Flink jobs at once: {seen[:3]}")
                    await evidence(chaos, at_fault, listed)
                for row in await chaos.rows("SELECT * FROM t_job_run WHERE job_id = ANY($1::bigint[]) ORDER BY id"):
                    chaos.note(f"run row {row}")  # the history, for whoever reads the action log
                left = await chaos.cancel_everything()
                print(f"after cancelling every job through hlink: {left} Flink jobs still live")
            finally:
                if watching is not None and not watching.done():
                    watching.cancel()
                for replica in replicas:
                    if chaos is not None:
                        await chaos.stop(replica)
                await proxy.stop()
                flink.stop()
                if server is not None:
                    with contextlib.suppress(OSError):  # its log names the statements of any deadlock
                        shutil.copy(server.data_dir.parent / "pg.log", work / "postgres.log")
                    server.stop()
                if failed or errors_logged or arguments.keep:
                    say(f"kept {work} (replica-*.log, postgres.log, Flink's flink/log); action log {arguments.log}")
                else:
                    shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


def report(
    arguments: argparse.Namespace,
    chaos: Chaos,
    chaos_seconds: float,
    runs: list[Row],
    started: list[Row],
    run_ids: set[str],
    untracked: list[Row],
    failures: dict[str, str],
    duplicates: dict[int, list[str]],
    orphans: list[Row],
    problems: dict[int, str],
    converged: float | None,
) -> int:
    """Print the tables and what went wrong; answers how many ERROR lines the replicas logged."""
    statuses = sorted({s for _, s in chaos.answers}, key=lambda s: (not s.isdigit(), s))
    rows = [["action", "sent", *statuses]]
    for kind in KINDS:
        counts = [chaos.answers[(kind, s)] for s in statuses]
        rows.append([kind, str(sum(counts)), *(str(c) for c in counts)])
    totals = [sum(chaos.answers[(k, s)] for k in KINDS) for s in statuses]
    rows.append(["all", str(sum(totals)), *(str(t) for t in totals)])
    requested = sum(chaos.answers[(k, s)] for k in ("run", "restart") for s in statuses)
    answered = chaos.answers[("run", "200")] + chaos.answers[("restart", "200")]
    duplicated = set(duplicates) | set(chaos.overlaps)
    logged: Counter[str] = Counter()
    errors: list[str] = []
    for replica in chaos.replicas:
        for line in replica.log.read_text(errors="replace").splitlines() if replica.log.exists() else []:
            logged["events"] += "did not reach the other replicas" in line
            if " ERROR " in line:
                logged["errors"] += 1
                errors.append(f"replica {replica.name}: {line[:300]}")
            elif errors and EXCEPTION.match(line) and " ERROR " in errors[-1] and "->" not in errors[-1]:
                errors[-1] += f" -> {line[:300]}"  # the traceback's last line: what was raised
    print(
        f"\nchaos over two replicas: {arguments.actions} actions on {arguments.jobs} jobs, {arguments.workers} at a "
        f"time, seed {arguments.seed}, {chaos_seconds:.0f} s"
    )
    print(table(rows))
    print(
        f"faults: {chaos.faults['replica killed']} replicas killed (SIGKILL, started again), "
        f"{chaos.faults['cluster paused']} cluster pauses ({chaos.paused_seconds:.0f} s in all); "
        f"{chaos.rerouted} requests sent to the other replica while one was down\n"
    )
    converge_text = f"{converged:.1f} s" if converged is not None else f"not within {arguments.converge:.0f} s"
    figures = [
        ["measure", "value"],
        ["runs requested (run + restart requests)", str(requested)],
        ["runs requested and answered 200", str(answered)],
        ["runs recorded by hlink (t_job_run rows)", str(len(runs))],
        ["runs with a Flink job id", str(len(run_ids))],
        ["Flink jobs started (named by this benchmark's runs)", str(len(started))],
        ["Flink jobs of these jobs that no run records", str(len(untracked))],
        ["Flink jobs that FAILED (causes below)", str(len(failures))],
        ["duplicates (jobs with two live Flink jobs)", str(len(duplicated))],
        ["  at the end / seen at once during the chaos", f"{len(duplicates)} / {len(chaos.overlaps)}"],
        ["orphans (live Flink jobs no running hlink job tracks)", str(len(orphans))],
        ["stuck jobs (submitting, UNKNOWN or disagreeing at the deadline)", str(len(problems))],
        ["time to converge (after the last action)", converge_text],
        ["Flink job-list samples taken", str(chaos.samples)],
        ["replica log: status events that did not reach the other replica", str(logged["events"])],
        ["replica log: errors (ERROR lines)", str(logged["errors"])],
    ]
    print(table(figures))
    for job_id, why in sorted(problems.items()):
        print(f"stuck: job {job_id}: {why}")
    for job_id, seen in sorted(duplicates.items()):
        print(f"duplicate: job {job_id}: {', '.join(seen)}")
    for orphan in orphans:
        print(f"orphan: Flink job {orphan['jid']} {orphan['state']} {orphan['name']!r}")
    for jid, cause in failures.items():
        print(f"failed: Flink job {jid}: {cause}")
    for line in errors:
        print(f"logged: {line}")
    return len(errors)


def replica(log: str, argv: list[str]) -> int:
    """The launcher of one replica (tests/replicas.serve_replica runs it): its stderr into ``log``, hlink's and
    httpx's log lines with the time, then `hlink serve`."""
    with contextlib.suppress(OSError, AttributeError):  # Linux: SIGTERM when the benchmark's process ends, however
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(process)d %(name)s %(levelname)s %(message)s")
    logging.getLogger("tortoise").setLevel(logging.WARNING)
    from hlink.cli import main as hlink

    return hlink(argv)


if __name__ == "__main__":
    if sys.argv[1:2] == ["_replica"]:
        raise SystemExit(replica(sys.argv[2], sys.argv[3:]))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=None, help="random by default; printed")
    parser.add_argument("--workers", type=int, default=4, help="actions in flight at once")
    parser.add_argument("--converge", type=float, default=180.0, help="seconds allowed to converge")
    parser.add_argument("--flink-version", default="2.3.0")
    parser.add_argument("--log", type=Path, default=ROOT / ".hlink-test" / "bench" / "chaos.log", help="action log")
    parser.add_argument("--keep", action="store_true", help="keep the working folder (logs) even on success")
    arguments = parser.parse_args()
    if arguments.seed is None:
        arguments.seed = random.randrange(1_000_000)
    raise SystemExit(asyncio.run(main(arguments)))
