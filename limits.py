"""Limits on every request, for both faces: bodies counted while they stream (one over its limit is cut off at
the limit, a declared Content-Length at once, a chunked body at the byte that crosses it, before it reaches a
parser or the disk, and answered 413), uploads refused to a role that may not upload before a byte of their
body is read, and a time limit (answered 503); each face shapes the answer (:mod:`refusals`)."""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hlink.refusals import Refuse
from hlink.services.access.audit import record
from hlink.services.access.roles import ANONYMOUS, require
from hlink.services.actor import Role, current_actor
from hlink.services.catalog.schema_analysis import MAX_BYTES as MAX_SCHEMA_BYTES
from hlink.services.errors import Forbidden, Unauthorized

#: what multipart framing adds to a file (boundaries, part headers, the other fields)
FRAMING = 64 * 1024
#: the paths that take a file (REST uploads and GraphQL's multipart requests)
UPLOAD_PATHS = frozenset({"/jars/upload", "/ds/udf/upload", "/ds/schemaAnalysisDO", "/graphql"})
#: the largest body that is not an upload (JSON, GraphQL documents): the documented bodies are a few KB
MAX_JSON_BODY = 16 * 1024 * 1024
#: uploads whose file has a smaller limit than a jar's: a schema file (services/catalog/schema_analysis.py)
SMALLER_UPLOADS = {"/ds/schemaAnalysisDO": MAX_SCHEMA_BYTES}
#: the action each upload path is audited as when refused (the service's own name for it)
UPLOAD_ACTIONS = {
    "/jars/upload": "jar.upload",
    "/ds/udf/upload": "udf.upload",
    "/ds/schemaAnalysisDO": "schema.analyse",
}


def is_upload(scope: Scope) -> bool:
    """A multipart request to a path that takes a file."""
    headers = dict(scope.get("headers") or [])
    kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
    return kind == b"multipart/form-data" and scope.get("path") in UPLOAD_PATHS


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a body crosses its limit (the app stops reading it)."""


class BodyLimitMiddleware:
    """Multipart bodies may carry an upload of ``max_upload_bytes`` (plus framing); others ``MAX_JSON_BODY``."""

    def __init__(self, app: ASGIApp, max_upload_bytes: int, refuse: Refuse) -> None:
        self.app = app
        self.max_upload_bytes = max_upload_bytes
        self.refusal = refuse

    def limit_of(self, scope: Scope) -> int:
        if not is_upload(scope):
            return MAX_JSON_BODY
        return min(self.max_upload_bytes, SMALLER_UPLOADS.get(scope["path"], self.max_upload_bytes)) + FRAMING

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_of(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self.refuse(scope, receive, send, limit)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:  # the app stopped reading: answer for it
                await self.refuse(scope, receive, send, limit)

    async def refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        message = f"the request body is larger than the limit of {limit // (1024 * 1024)} MB"
        await self.refusal(scope, 413, message, {"connection": "close"})(scope, receive, send)


class UploadGate:
    """Every upload needs the developer role (jars, UDF jars, schema files; GraphQL's multipart requests carry
    nothing else): a caller without it is refused before a byte of the body is read or spooled, as the services
    would refuse it after (the same check, audited alike). Inside the gate, which sets the acting user."""

    def __init__(self, app: ASGIApp, refuse: Refuse) -> None:
        self.app = app
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_upload(scope):
            await self.app(scope, receive, send)
            return
        try:
            require(Role.DEVELOPER)
        except (Unauthorized, Forbidden) as error:
            await record(UPLOAD_ACTIONS.get(scope["path"], "upload"), "denied", None, None, error.message)
            status = 401 if isinstance(error, Unauthorized) else 403
            await self.refuse(scope, status, error.message, {"connection": "close"})(scope, receive, send)
            return
        await self.app(scope, receive, send)


#: paths nobody's share covers: probes and scrapers (cheap, answered from caches)
_UNSHARED = frozenset({"/health", "/ready", "/metrics"})


class FairShare:
    """Each caller (a user, or an address while signed out) runs at most ``at_once`` HTTP requests at a time;
    more wait their turn, and more than ``waiting`` waiting are answered 429 at once. So one caller's hundred
    pages take turns, and another caller's request still finds the event loop and the database (inside the gate,
    which names the caller; process memory only, each replica shares itself out)."""

    def __init__(self, app: ASGIApp, refuse: Refuse, at_once: int = 4, waiting: int = 100) -> None:
        self.app = app
        self.refuse = refuse
        self.at_once, self.waiting = at_once, waiting
        self.callers: dict[str, tuple[asyncio.Semaphore, list[int]]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _UNSHARED or self.at_once <= 0:
            await self.app(scope, receive, send)
            return
        actor = current_actor.get()
        caller = (
            actor.name if actor is not None and actor is not ANONYMOUS else f"@{(scope.get('client') or ('-',))[0]}"
        )
        share = self.callers.get(caller)
        if share is None:
            share = self.callers[caller] = (asyncio.Semaphore(self.at_once), [0])
        semaphore, users = share
        if semaphore.locked() and users[0] - self.at_once >= self.waiting:
            message = f"{caller} has more than {self.waiting} requests waiting: send fewer at once"
            await self.refuse(scope, 429, message, None)(scope, receive, send)
            return
        users[0] += 1
        try:
            async with semaphore:
                await self.app(scope, receive, send)
        finally:
            users[0] -= 1
            if users[0] == 0:
                self.callers.pop(caller, None)


class TimeoutMiddleware:
    """Every HTTP request ends within ``seconds`` (HLINK_REQUEST_TIMEOUT): one still running then is cancelled
    and answered 503. Its database transaction rolls back; a lifecycle action cut off in
    flight is looked after by the reconciler as after a crash (an unconfirmed submission is found by its name,
    an operation by its trigger id). WebSockets (subscriptions) are not limited."""

    def __init__(self, app: ASGIApp, seconds: float, refuse: Refuse) -> None:
        self.app = app
        self.seconds = seconds
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.seconds <= 0:
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            async with asyncio.timeout(self.seconds):
                await self.app(scope, receive, watched)
        except TimeoutError:
            if started:  # the answer is under way: nothing else can be sent
                raise
            message = f"the request took longer than {self.seconds:g} s (HLINK_REQUEST_TIMEOUT) and was stopped"
            await self.refuse(scope, 503, message, None)(scope, receive, send)
