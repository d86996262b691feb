"""Readiness and Prometheus metrics (issue 13): ``/ready`` says whether this replica can serve (its database
answers and its migrations are current) and which clusters answer; ``/metrics`` is prometheus-client's text.

Both are open, as probes and scrapers expect; neither shows an address, a name of a user or a secret.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise import connections

from hlink import database
from hlink.models import Cluster
from hlink.rest.envelope import CODE_KEY
from hlink.runtime import Runtime
from hlink.services.metrics import count_jobs

HTTP_SECONDS = Histogram(
    "hlink_http_request_duration_seconds", "HTTP requests by method, route and status.", ["method", "route", "status"]
)


class MetricsMiddleware:
    """Times every HTTP request by its route's path template (``/jobs/run/{jobId}``, never the ids)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = "500"

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = str(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            # a REST refusal answered HTTP 200 is counted by its envelope's code (rest.envelope.Envelope)
            status = str(scope.get("state", {}).get(CODE_KEY, status))
            template = getattr(route, "path", None) or "unmatched"
            HTTP_SECONDS.labels(scope.get("method", "GET"), template, status).observe(time.perf_counter() - started)


def _newest_migration() -> str:
    files = sorted(Path(database.MIGRATIONS, "models").glob("[0-9]*_*.py"), key=lambda p: int(p.name.split("_")[0]))
    return files[-1].stem if files else ""


class Reachability:
    """Each cluster's reachability as /ready shows it, asked of Flink at most once per ``ttl`` seconds.

    /ready needs no token, so without this any caller could make hlink call every cluster on every request.
    Callers that arrive while a cluster is being asked share that one call. It lives in the process: a cache,
    never the truth (the reconciler keeps the jobs' states)."""

    def __init__(self, runtime: Runtime, ttl: float = 5.0) -> None:
        self.runtime = runtime
        self.ttl = ttl
        self._asked: dict[tuple[int, str], tuple[float, asyncio.Task[bool]]] = {}

    async def of(self, cluster: Cluster) -> bool:
        """Whether the cluster answered its overview within 1.5 s, as last asked."""
        now = time.monotonic()
        # forget what has aged out (a changed address leaves its old key behind)
        for key, (asked_at, task) in list(self._asked.items()):
            if task.done() and now - asked_at > self.ttl:
                del self._asked[key]
        key = (cluster.id, cluster.endpoint)
        if key not in self._asked:
            self._asked[key] = (now, asyncio.ensure_future(self._ask(cluster.endpoint)))
        # shielded: a caller that goes away does not cancel the call the others wait for
        return await asyncio.shield(self._asked[key][1])

    async def _ask(self, address: str) -> bool:
        try:
            async with asyncio.timeout(1.5):
                await self.runtime.flink.client(address).overview()
            return True
        except Exception:  # a cluster that does not answer is information here, not a failure of hlink's
            return False


#: seconds one readiness answer is reused: anonymous callers share it instead of each costing a few statements
READY_TTL = 1.0


async def ready(request: Request) -> Response:
    """200 when the database answers and the migrations are current; each cluster's reachability beside. One
    answer per process every :data:`READY_TTL` seconds, shared by every caller meanwhile (those arriving while it
    is made wait for it)."""
    state = request.app.state
    shared: tuple[float, asyncio.Task[Response]] | None = getattr(state, "ready_answer", None)
    if shared is None or time.monotonic() - shared[0] > READY_TTL:
        shared = (time.monotonic(), asyncio.create_task(_readiness(state.reachability)))
        state.ready_answer = shared
    return await asyncio.shield(shared[1])


async def _readiness(reachability: Reachability) -> Response:
    answer: dict[str, object] = {"database": "ok", "migrations": "current"}
    try:
        rows = await connections.get("default").execute_query_dict('SELECT "version" FROM "aerich"')
    except Exception as error:  # the database is down or unreachable: not ready, say why in one word
        return JSONResponse({"status": "not ready", "database": type(error).__name__}, status_code=503)
    applied = {str(r["version"]).removesuffix(".py") for r in rows}
    newest = _newest_migration()
    if newest not in applied:
        answer["migrations"] = f"pending: {newest}"
    clusters = await Cluster.all().only("id", "name", "address", "addresses")

    async def reachable(cluster: Cluster) -> dict[str, object]:
        return {"id": cluster.id, "name": cluster.name, "reachable": await reachability.of(cluster)}

    answer["clusters"] = list(await asyncio.gather(*(reachable(c) for c in clusters)))
    await count_jobs()
    ok = answer["migrations"] == "current"
    answer["status"] = "ready" if ok else "not ready"
    return JSONResponse(answer, status_code=200 if ok else 503)


async def metrics(request: Request) -> Response:
    """Prometheus' text format."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
