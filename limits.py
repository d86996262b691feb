"""Limits on every request, for both faces: bodies counted while they stream (one over its limit is cut off at
the limit, a declared Content-Length at once, a chunked body at the byte that crosses it, before it reaches a
parser or the disk, and answered 413), and a time limit (answered 503); each face shapes the answer
(:mod:`refusals`)."""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from refusals import Refuse

#: what multipart framing adds to a file (boundaries, part headers, the other fields)
FRAMING = 64 * 1024
#: the paths that take a file (REST uploads and GraphQL's multipart requests)
UPLOAD_PATHS = frozenset({"/jars/upload", "/ds/udf/upload", "/ds/schemaAnalysisDO", "/graphql"})
#: the largest body that is not an upload (JSON, GraphQL documents): the documented bodies are a few KB
MAX_JSON_BODY = 16 * 1024 * 1024


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a body crosses its limit (the app stops reading it)."""


class BodyLimitMiddleware:
    """Multipart bodies may carry an upload of ``max_upload_bytes`` (plus framing); others ``MAX_JSON_BODY``."""

    def __init__(self, app: ASGIApp, max_upload_bytes: int, refuse: Refuse) -> None:
        self.app = app
        self.max_upload_bytes = max_upload_bytes
        self.refusal = refuse

    def limit_of(self, scope: Scope) -> int:
        headers = dict(scope.get("headers") or [])
        kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        upload = kind == b"multipart/form-data" and scope.get("path") in UPLOAD_PATHS
        return self.max_upload_bytes + FRAMING if upload else MAX_JSON_BODY

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
