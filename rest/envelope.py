"""The response envelope and the mapping of every failure to it (never a bare 500 page)."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hlink.rest.inputs import policy_of, read_params
from hlink.services.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    Refused,
    Throttled,
    TooLarge,
    Unauthorized,
    Unavailable,
    ValidationFailed,
)
from hlink.services.paging import Page

log = logging.getLogger("hlink.rest")


#: where an answer leaves its envelope's code for the metrics (observability.MetricsMiddleware)
CODE_KEY = "hlink.code"


class Envelope(JSONResponse):
    """The envelope; it leaves its code in the request's scope, so the metrics count the code, not the HTTP
    status, when the two differ (a refusal answered HTTP 200, as the original's clients expect)."""

    def __init__(self, code: int, body: dict[str, Any], http_status: int, headers: Mapping[str, str] | None) -> None:
        super().__init__(body, status_code=http_status, headers=headers)
        self.code = code

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope.setdefault("state", {})[CODE_KEY] = self.code
        await super().__call__(scope, receive, send)


def envelope(status: int, data: Any, msg: str, success: bool, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The envelope with ``status`` as its code and as the HTTP status (the gate's, the limits', a lost route's)."""
    return Envelope(status, {"code": status, "data": data, "msg": msg, "success": success}, status, headers)


def refusal(code: int, data: Any, msg: str) -> JSONResponse:
    """A REST path's refusal as the original's exception handler answered it: HTTP 200, ``success`` false and
    the code in the envelope (its axios pages reject any other status before their message handling runs). A
    missing or bad token stays HTTP 401, as the original's login interceptor answered."""
    http_status = 401 if code == 401 else 200
    headers = {"www-authenticate": 'Bearer realm="hlink"'} if code == 401 else None
    return Envelope(code, {"code": code, "data": data, "msg": msg, "success": False}, http_status, headers)


def ok(data: Any = None, msg: str = "success") -> JSONResponse:
    """A successful answer."""
    return envelope(200, {} if data is None else data, msg, True)


def ipage(page: Page[Any], records: list[dict[str, Any]]) -> dict[str, Any]:
    """The document's IPage: records, total, size, current (1-based), pages, searchCount."""
    return {
        "records": records,
        "total": page.total,
        "size": page.limit,
        "current": page.offset // page.limit + 1,
        "pages": math.ceil(page.total / page.limit) if page.total else 0,
        "searchCount": True,
    }


def status_of(error: DomainError) -> int:
    if isinstance(error, Throttled):
        return 429
    if isinstance(error, Unauthorized):
        return 401
    if isinstance(error, Forbidden):
        return 403
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Conflict):
        return 409
    if isinstance(error, TooLarge):
        return 413
    if isinstance(error, Refused):
        return 422
    if isinstance(error, Unavailable):
        return 503
    return 400


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    # an expected failure of the caller's: one line, no traceback
    log.info("%s %s: %d %s", request.method, request.url.path, status_of(exc), exc.message)
    data = {"fields": exc.fields} if isinstance(exc, ValidationFailed) else None
    return refusal(status_of(exc), data, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    msg = {
        404: f"no such path: {request.method} {request.url.path}",
        405: f"{request.method} is not allowed on {request.url.path}",
    }
    # a 405 keeps Starlette's Allow header: which methods the path does take
    return envelope(exc.status_code, None, msg.get(exc.status_code, str(exc.detail)), False, exc.headers)


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error``, or what caused it, means the database did not answer (down, restarting, shutting down,
    the connection lost mid-request) rather than a fault of hlink's. A PostgreSQL restart raises all of these:
    ConnectionRefusedError while no server listens, CannotConnectNowError while it shuts down or starts up,
    AdminShutdownError and ConnectionDoesNotExistError on the sessions it ends, and InterfaceError /
    InternalClientError on a pooled connection that received the shutdown while idle."""
    import asyncpg
    from tortoise.exceptions import DBConnectionError

    lost = (
        ConnectionError,
        asyncpg.PostgresConnectionError,
        asyncpg.CannotConnectNowError,
        asyncpg.AdminShutdownError,
        asyncpg.CrashShutdownError,
        asyncpg.InterfaceError,
        asyncpg.exceptions._base.InternalClientError,
        DBConnectionError,
    )
    seen: BaseException | None = error
    for _ in range(10):  # a chain of causes, never a cycle
        if seen is None:
            return False
        if isinstance(seen, lost):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


async def unexpected_error(request: Request, exc: Exception) -> Response:
    if database_unavailable(exc):
        # an outage, not a bug: one line, no traceback, and the client may try again
        log.warning("the database did not answer on %s %s: %r", request.method, request.url.path, exc)
        return envelope(503, None, f"the database is unavailable, try again: {type(exc).__name__}", False)
    if isinstance(exc, ClientDisconnect):  # the caller went away mid-request: no fault, nobody to answer
        log.info("the client disconnected during %s %s", request.method, request.url.path)
        return envelope(400, None, "the client disconnected before its request was read", False)
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return envelope(500, None, f"internal error: {type(exc).__name__}", False)


class UnexpectedErrors:
    """Answers what a request lets through with the envelope of :func:`unexpected_error`, and ends it there.

    Starlette's handler for ``Exception`` (its ServerErrorMiddleware) sends that answer and then raises the
    exception again to the server, and uvicorn, seeing an exception after the answer started, closes the
    connection: a client that reuses its keep-alive connection for its next request then gets no answer at all
    (httpx: ReadError), not knowing whether that request was done. An exception raised after the answer started
    still goes to the server (nothing else can be sent then)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            if started:
                raise
            response = await unexpected_error(Request(scope, receive), exc)
            await response(scope, receive, send)


async def paged_answer(request: Request, filters: Any, lister: Any, view: Any, default_size: int = 10) -> JSONResponse:
    """The shared shape of every paged list path: a filter (read by the path's declared
    :class:`rest.contract.Fields`) and a window from the request's parameters, an IPage of ``view(row, zone)``
    back, its times in the policy's zone."""
    query = await read_params(request)
    flt = filters.read(query)
    policy = policy_of(request)
    page = await lister(flt, query.window(policy.page_cap, default_size))
    return ok(ipage(page, [view(row, policy.zone) for row in page.items]))
