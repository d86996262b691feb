"""An async client of Flink's JobManager REST API: typed answers, timeouts, retries where safe, readable errors."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx
from prometheus_client import Counter

from hlink.flink.errors import FlinkRejected, FlinkUnavailable, failed_statement, readable_cause
from hlink.flink.versions import NEWEST, FlinkVersion

#: failed calls, for /metrics: ``unavailable`` (no answer) or ``rejected`` (Flink answered an error)
CALL_ERRORS = Counter("hlink_flink_call_errors_total", "Flink REST calls that failed, by kind.", ["kind"])
#: GETs are retried this many times when the connection fails (never a POST: it may have been applied)
GET_RETRIES = 2
#: how long a job manager that refused a connection or answered 503 is skipped before it is asked first again
#: (a highly available cluster's other job managers are asked meanwhile)
SKIP_SECONDS = 2.0
_JOB_ID = re.compile(r"^[0-9a-f]{32}$")
#: how the SQL runner hands a compiled plan back through a failing /jars/{id}/plan (flink/runner)
_COMPILED = re.compile(r"hlink compiled plan: ([A-Za-z0-9+/=]+) :end of plan")
#: how the SQL runner hands a data preview's rows back through a failing /jars/{id}/run (flink/runner)
_PREVIEWED = re.compile(r"hlink preview: ([A-Za-z0-9+/=]+) :end of preview")
#: how the SQL runner hands a state map (plans' operator ids, a savepoint's operators) back (flink/runner)
_STATE_MAP = re.compile(r"hlink state map: ([A-Za-z0-9+/=]+) :end of state map")
#: a file name of the job manager's log folder hlink asks for: a name, never a path
_LOG_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")


@dataclass(frozen=True)
class FlinkJob:
    """One line of /jobs/overview."""

    jid: str
    name: str
    state: str
    start_time: int | None
    end_time: int | None


@dataclass(frozen=True)
class Operation:
    """The end of an asynchronous operation (savepoint, stop): where it wrote, or why it failed."""

    location: str | None
    failure: str | None


@dataclass
class RunRequest:
    """The body of /jars/{id}/run and /jars/{id}/plan."""

    entry_class: str
    program_args: list[str] = field(default_factory=list)
    parallelism: int | None = None
    savepoint_path: str | None = None
    allow_non_restored_state: bool = False
    configuration: dict[str, str] = field(default_factory=dict)
    #: the Flink job id to run under (32 hex digits, chosen by the caller): Flink 1.20 and 2.x start the job
    #: under exactly this id and refuse a second run with it, so a lost answer is settled by asking for the id
    job_id: str | None = None
    #: the cluster's version: which configuration key names and request fields it reads
    version: FlinkVersion = NEWEST

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"entryClass": self.entry_class, "programArgsList": self.program_args}
        if self.parallelism:
            body["parallelism"] = self.parallelism
        if self.savepoint_path:
            body["savepointPath"] = self.savepoint_path
            body["allowNonRestoredState"] = self.allow_non_restored_state
            # the savepoint stays hlink's: a later restart may restore from it again (1.20 and 2.x read claimMode)
            body["claimMode"] = "NO_CLAIM"
        if self.job_id:
            body["jobId"] = check_job_id(self.job_id)
        if self.configuration:
            body["flinkConfiguration"] = self.version.keys(self.configuration)
        return body


def check_job_id(jid: str) -> str:
    """Flink job ids are 32 hex digits; anything else never reaches a URL."""
    if not _JOB_ID.match(jid):
        raise FlinkRejected(f"{jid!r} is not a Flink job id", status=400)
    return jid


class FlinkClient:
    """The REST API of one cluster: one job manager, or several of a highly available cluster (addresses joined
    by commas), of which it asks the one that answered last and moves on when that one refuses the connection or
    answers 503 (a failover: the new leader answers on another address). Use as an async context manager, or
    share and :meth:`close` it."""

    def __init__(
        self,
        address: str,
        *,
        timeout: float = 10.0,
        long_timeout: float = 120.0,
        transport: httpx.AsyncBaseTransport | None = None,
        refusal: str | None = None,
    ) -> None:
        """``refusal``: why nothing may be sent to this address (every call then fails with it, unsent)."""
        self.refusal = refusal
        #: the key this client is known by (every address, comma-separated)
        self.key = address.strip()
        self.endpoints = [_base(part) for part in address.split(",") if part.strip()] or [_base(address)]
        self.long_timeout = long_timeout
        self._leader = 0
        self._skipped: dict[int, float] = {}
        # Flink's access log (and a proxy) tell which hlink process asked
        agent = f"hlink ({socket.gethostname()}; pid {os.getpid()})"
        self._https = [
            httpx.AsyncClient(base_url=base, timeout=timeout, transport=transport, headers={"User-Agent": agent})
            for base in self.endpoints
        ]

    @property
    def address(self) -> str:
        """The job manager asked now: the one that answered last (the leader, as far as hlink knows)."""
        return self.endpoints[self._leader]

    @property
    def _http(self) -> httpx.AsyncClient:
        return self._https[self._leader]

    async def __aenter__(self) -> FlinkClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        for http in self._https:
            await http.aclose()

    # -- transport ------------------------------------------------------------------------------------------

    async def _call(self, method: Literal["GET", "POST", "PATCH", "DELETE"], path: str, **options: Any) -> Any:
        """One request (see :meth:`_request`), its failure counted for /metrics."""
        try:
            return await self._request(method, path, **options)
        except FlinkUnavailable:
            CALL_ERRORS.labels("unavailable").inc()
            raise
        except FlinkRejected:
            CALL_ERRORS.labels("rejected").inc()
            raise

    def _order(self) -> list[int]:
        """The job managers to ask, in turn: the one that answered last, then the others (one skipped lately
        for a refused connection or a 503 goes last)."""
        count = len(self.endpoints)
        turn = [(self._leader + i) % count for i in range(count)]
        now = time.monotonic()
        return sorted(turn, key=lambda i: self._skipped.get(i, 0.0) > now)

    async def _request(
        self,
        method: Literal["GET", "POST", "PATCH", "DELETE"],
        path: str,
        *,
        json: Any = None,
        files: Any = None,
        limit: float | None = None,
        accept: tuple[int, ...] = (200, 202),
    ) -> Any:
        """One request to the cluster: each job manager in turn while they refuse the connection (nothing was
        sent: safe for any method) or answer 503 (not leading, or electing a leader); every one of them at most
        once, so a call is bounded by the number of addresses."""
        if self.refusal is not None:
            raise FlinkUnavailable(self.refusal, maybe_sent=False)
        order = self._order()
        for position, index in enumerate(order):
            last = position + 1 == len(order)
            try:
                response = await self._once(index, method, path, json=json, files=files, limit=limit)
            except FlinkUnavailable as error:
                if last or error.maybe_sent:  # a request that may have arrived is never sent to another
                    raise
                self._skip(index)
                continue
            if response.status_code == 503 and not last and (files is None):
                self._skip(index)
                continue
            self._leader = index
            self._skipped.pop(index, None)
            return self._answer(response, accept)
        raise AssertionError("unreachable: the last job manager's answer or error is returned above")

    def _skip(self, index: int) -> None:
        self._skipped[index] = time.monotonic() + SKIP_SECONDS
        if index == self._leader:
            self._leader = (index + 1) % len(self.endpoints)

    async def _once(
        self,
        index: int,
        method: Literal["GET", "POST", "PATCH", "DELETE"],
        path: str,
        *,
        json: Any,
        files: Any,
        limit: float | None,
    ) -> httpx.Response:
        """One request to one job manager (GETs retried on a dropped connection)."""
        http, address = self._https[index], self.endpoints[index]
        attempts = 1 + (GET_RETRIES if method == "GET" else 0)
        for attempt in range(attempts):
            try:
                return await http.request(
                    method, path, json=json, files=files, timeout=limit or httpx.USE_CLIENT_DEFAULT
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
                # a refused connection means the job manager is down: say so at once; a dropped one is retried
                if attempt + 1 == attempts or isinstance(exc, httpx.ConnectError):
                    raise FlinkUnavailable(
                        f"Flink at {address} does not answer ({type(exc).__name__})", maybe_sent=_sent(exc)
                    ) from None
                await asyncio.sleep(0.2 * (attempt + 1))
            except httpx.TimeoutException as exc:
                raise FlinkUnavailable(
                    f"Flink at {address} did not answer {method} {path} in time", maybe_sent=_sent(exc)
                ) from None
            except httpx.HTTPError as exc:
                raise FlinkUnavailable(f"Flink at {address}: {exc}", maybe_sent=_sent(exc)) from None
        raise AssertionError("unreachable: the last attempt returns or raises")

    @staticmethod
    def _answer(response: httpx.Response, accept: tuple[int, ...]) -> Any:
        if response.status_code not in accept:
            text, statement = _error_text(response)
            rejected = FlinkRejected(text, status=response.status_code, statement=statement)
            rejected.trace = _trace(response)
            raise rejected
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            return response.text

    # -- cluster --------------------------------------------------------------------------------------------

    def _flink_object(self, answer: Any, path: str, key: str) -> dict[str, Any]:
        """An answer as Flink gives it (a JSON object holding ``key``), or FlinkRejected: something that answers
        at the address but is not Flink (a web page, another service) is refused, and not echoed back."""
        if not isinstance(answer, dict) or key not in answer:
            raise FlinkRejected(
                f"the server at {self.address} answered GET {path}, but not as Flink does: not a Flink cluster?"
            )
        return answer

    async def overview(self) -> dict[str, Any]:
        """Task managers, slots, job counts and version."""
        return self._flink_object(await self._call("GET", "/overview"), "/overview", "taskmanagers")

    async def version(self) -> str:
        """The cluster's Flink version, e.g. ``2.3.0`` or ``1.20.5`` (``GET /config``)."""
        answer = self._flink_object(await self._call("GET", "/config"), "/config", "flink-version")
        return str(answer.get("flink-version") or "")

    async def jobs(self) -> list[FlinkJob]:
        """Every job the cluster knows (one call: what the reconciler polls)."""
        answer = await self._call("GET", "/jobs/overview")
        return [
            FlinkJob(
                jid=j["jid"],
                name=j.get("name", ""),
                state=j.get("state", "UNKNOWN"),
                start_time=_time(j.get("start-time")),
                end_time=_time(j.get("end-time")),
            )
            for j in answer.get("jobs", [])
        ]

    # -- jars -----------------------------------------------------------------------------------------------

    async def jars(self) -> list[dict[str, Any]]:
        answer = await self._call("GET", "/jars")
        files: list[dict[str, Any]] = answer.get("files", [])
        return files

    async def upload_jar(self, path: Path, name: str | None = None) -> tuple[str, str]:
        """Upload a jar; answer its id on the cluster and its path on the job manager (for USING JAR)."""
        with path.open("rb") as handle:
            answer = await self._call(
                "POST",
                "/jars/upload",
                files={"jarfile": (name or path.name, handle, "application/x-java-archive")},
                limit=self.long_timeout,
            )
        server_path = str(answer.get("filename", ""))
        if not server_path:
            raise FlinkRejected(f"Flink accepted the upload of {path.name} but named no file", status=502)
        return server_path.rsplit("/", 1)[-1], server_path

    async def plan(self, jar_id: str, request: RunRequest) -> dict[str, Any]:
        """Plan the program without running it: its job graph, or Flink's error (FlinkRejected)."""
        answer = await self._call("POST", f"/jars/{jar_id}/plan", json=request.body(), limit=self.long_timeout)
        plan: dict[str, Any] = answer.get("plan", {})
        return plan

    async def compile_plan(self, jar_id: str, request: RunRequest) -> str:
        """The compiled plan's JSON (FLIP-190) of the SQL runner started with ``--hlink-compile-plan``: the
        runner compiles its statement set and fails with the plan instead of running it, so ``/jars/{id}/plan``
        hands it back and no Flink job starts. Flink's error (FlinkRejected) when the script does not compile."""
        try:
            await self._call("POST", f"/jars/{jar_id}/plan", json=request.body(), limit=self.long_timeout)
        except FlinkRejected as error:
            found = _COMPILED.search(error.trace)
            if found is None:
                raise
            return base64.b64decode(found.group(1)).decode("utf-8")
        raise FlinkRejected("the SQL runner planned its statements without compiling a plan", status=502)

    async def preview(self, jar_id: str, request: RunRequest, within: float) -> dict[str, Any]:
        """The answer of the SQL runner started with ``--hlink-preview`` (its columns, rows and why it stopped):
        the runner's ``main()`` runs the query inside the job manager, collects its rows there and fails with
        them, so ``/jars/{id}/run`` hands them back (the request lasts as long as the preview, at most
        ``within`` seconds). Flink's error (FlinkRejected) when the query does not plan or the preview failed."""
        try:
            await self._call("POST", f"/jars/{jar_id}/run", json=request.body(), limit=within)
        except FlinkRejected as error:
            found = _PREVIEWED.search(error.trace)
            if found is None:
                raise
            answer: dict[str, Any] = json.loads(base64.b64decode(found.group(1)).decode("utf-8"))
            return answer
        raise FlinkRejected("the SQL runner ran its preview without handing rows back", status=502)

    async def state_map(self, jar_id: str, request: RunRequest, within: float) -> dict[str, Any]:
        """The answer of the SQL runner started with ``--hlink-state-map``: each plan's stream nodes with their
        operator ids, and the savepoint's operators with their state. The runner translates the plans and reads
        the savepoint's metadata in its ``main()`` on the job manager and fails with the answer, so
        ``/jars/{id}/plan`` hands it back and no Flink job starts (at most ``within`` seconds)."""
        try:
            await self._call("POST", f"/jars/{jar_id}/plan", json=request.body(), limit=within)
        except FlinkRejected as error:
            found = _STATE_MAP.search(error.trace)
            if found is None:
                raise
            answer: dict[str, Any] = json.loads(base64.b64decode(found.group(1)).decode("utf-8"))
            return answer
        raise FlinkRejected("the SQL runner answered no state map", status=502)

    async def run(self, jar_id: str, request: RunRequest) -> str:
        """Submit the program; answer the Flink job id."""
        answer = await self._call("POST", f"/jars/{jar_id}/run", json=request.body(), limit=self.long_timeout)
        return str(answer["jobid"])

    # -- jobs -----------------------------------------------------------------------------------------------

    async def log_names(self) -> list[str]:
        """The files of the job manager's log folder (``GET /jobmanager/logs``): a live preview's rows among them."""
        answer = await self._call("GET", "/jobmanager/logs")
        return [str(f.get("name")) for f in (answer.get("logs") if isinstance(answer, dict) else None) or []]

    async def log_file(self, name: str) -> Any:
        """One file of the job manager's log folder, parsed when it is JSON (a live preview's rows are)."""
        if not _LOG_NAME.fullmatch(name):
            raise ValueError(f"not a log file name: {name[:80]!r}")
        return await self._call("GET", f"/jobmanager/logs/{name}")

    async def job(self, jid: str) -> dict[str, Any]:
        result: dict[str, Any] = await self._call("GET", f"/jobs/{check_job_id(jid)}")
        return result

    async def exceptions(self, jid: str) -> dict[str, Any]:
        result: dict[str, Any] = await self._call("GET", f"/jobs/{check_job_id(jid)}/exceptions")
        return result

    async def checkpoints(self, jid: str) -> dict[str, Any]:
        result: dict[str, Any] = await self._call("GET", f"/jobs/{check_job_id(jid)}/checkpoints")
        return result

    async def cancel(self, jid: str) -> None:
        await self._call("PATCH", f"/jobs/{check_job_id(jid)}?mode=cancel")

    async def trigger_savepoint(self, jid: str, target: str | None = None, trigger_id: str | None = None) -> str:
        """Trigger a savepoint; answer the trigger id to follow it by. A ``trigger_id`` of the caller's choosing
        (32 hex digits) makes the request safe to repeat: Flink runs one operation per id."""
        body: dict[str, Any] = {"cancel-job": False}
        if target:
            body["target-directory"] = target
        if trigger_id:
            body["triggerId"] = trigger_id
        answer = await self._call("POST", f"/jobs/{check_job_id(jid)}/savepoints", json=body)
        return str(answer["request-id"])

    async def stop(
        self, jid: str, target: str | None = None, drain: bool = False, trigger_id: str | None = None
    ) -> str:
        """Stop with a savepoint; answer the trigger id to follow it by (``trigger_id`` as for savepoints)."""
        body: dict[str, Any] = {"drain": drain}
        if target:
            body["targetDirectory"] = target
        if trigger_id:
            body["triggerId"] = trigger_id
        answer = await self._call("POST", f"/jobs/{check_job_id(jid)}/stop", json=body)
        return str(answer["request-id"])

    async def operation(self, jid: str, trigger_id: str) -> Operation | None:
        """One look at a savepoint or stop: its end, or ``None`` while it runs. Flink answers 404
        (:class:`FlinkRejected`) for an id it does not know: never received, or forgotten (it keeps a completed
        operation's result for ``rest.async.store-duration``, five minutes by default, and loses it on a restart)."""
        answer = await self._call("GET", f"/jobs/{check_job_id(jid)}/savepoints/{check_job_id(trigger_id)}")
        return _ended(answer)

    async def savepoint_since(self, jid: str, since_ms: int) -> str | None:
        """The newest completed savepoint of a job triggered at or after ``since_ms`` (from its checkpoint
        history, which outlives the operation's result), if any."""
        history = (await self.checkpoints(jid)).get("history") or []
        for entry in history:
            if (
                entry.get("is_savepoint")
                and entry.get("status") == "COMPLETED"
                and int(entry.get("trigger_timestamp") or 0) >= since_ms
                and entry.get("external_path")
            ):
                return str(entry["external_path"])
        return None

    async def dispose_savepoint(self, path: str) -> Operation:
        """Delete a savepoint (or retained checkpoint) through Flink, which knows its storage; waits for it."""
        answer = await self._call("POST", "/savepoint-disposal", json={"savepoint-path": path})
        return await self._follow(f"/savepoint-disposal/{answer['request-id']}", f"the disposal of {path}", 120.0)

    async def wait_operation(self, jid: str, request_id: str, within: float = 120.0) -> Operation:
        """Poll a savepoint or stop until it completes (a failed one completes too, with its cause)."""
        path = f"/jobs/{check_job_id(jid)}/savepoints/{request_id}"
        return await self._follow(path, f"the savepoint of job {jid}", within)

    async def _follow(self, path: str, what: str, within: float) -> Operation:
        """Poll an asynchronous operation until it completes, with its location or its failure."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        delay = 0.1
        while True:
            ended = _ended(await self._call("GET", path))
            if ended is not None:
                return ended
            if loop.time() > deadline:
                raise FlinkUnavailable(f"{what} did not complete within {within:.0f} s")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 1.0)


def _base(address: str) -> str:
    base = address.strip().rstrip("/")
    return base if "://" in base else "http://" + base


def _ended(answer: Any) -> Operation | None:
    """The end of an asynchronous operation from its status answer, or ``None`` while it runs."""
    if not isinstance(answer, dict) or answer.get("status", {}).get("id") != "COMPLETED":
        return None
    operation = answer.get("operation") or {}
    cause = operation.get("failure-cause")
    failure = readable_cause(str(cause.get("stack-trace") or cause)) if cause else None
    return Operation(location=operation.get("location"), failure=failure)


def _sent(error: httpx.HTTPError) -> bool:
    """Whether a request that failed with ``error`` may have reached Flink (only a connection never made or
    never taken from the pool proves it did not)."""
    return not isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _time(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and value > 0 else None


def _trace(response: httpx.Response) -> str:
    try:
        errors = response.json().get("errors")
    except (ValueError, AttributeError):
        return ""
    return "\n".join(str(e) for e in errors) if isinstance(errors, list) else ""


def _error_text(response: httpx.Response) -> tuple[str, int | None]:
    try:
        errors = response.json().get("errors")
    except (ValueError, AttributeError):
        errors = None
    if isinstance(errors, list) and errors:
        trace = "\n".join(str(e) for e in errors)
        statement = failed_statement(trace)
        return readable_cause(trace), statement[0] if statement else None
    # not Flink's error format: whatever answered is not echoed (it may not be Flink at all)
    return f"the address answered {response.status_code} without Flink's error format (is it Flink's REST API?)", None
