"""Logs: timestamped and structured, as text or JSON lines (HLINK_LOG_FORMAT), each with the request it belongs to
(an ``X-Request-Id`` the caller sent, else one made here, and answered in the same header) and the acting user.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hlink.services.actor import acting

request_id: ContextVar[str] = ContextVar("request_id", default="-")
FORMATS = ("text", "json")
_GIVEN_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
TEXT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s] %(message)s"


class Context(logging.Filter):
    """Puts the request id and the acting user on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.user = acting()
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, target, version, status = record.args  # uvicorn's access line
            record.args = (client, method, without_query_values(str(target)), version, status)
        return True


def without_query_values(target: str) -> str:
    """A request target as logged: its path and the names of its query parameters, never their values (an
    address with its password, a token sent as ?access_token=)."""
    path, asked, query = target.partition("?")
    if not asked:
        return target
    return path + "?" + "&".join(part.split("=", 1)[0] + "=*" for part in query.split("&") if part)


class JsonLines(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request id, user, error."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "user": getattr(record, "user", "-"),
        }
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def config(log_format: str, level: str) -> dict[str, Any]:
    """A logging configuration (for uvicorn's ``log_config`` and :func:`logging.config.dictConfig`): hlink's and
    uvicorn's loggers through one handler on standard error."""
    formatter: dict[str, Any] = {"()": JsonLines} if log_format == "json" else {"format": TEXT}
    handler = {"class": "logging.StreamHandler", "formatter": "hlink", "filters": ["context"]}
    loggers = {name: {"handlers": ["hlink"], "level": level.upper(), "propagate": False} for name in (
        "hlink", "uvicorn", "uvicorn.error", "uvicorn.access", "strawberry.execution",
    )}  # fmt: skip
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": Context}},
        "formatters": {"hlink": formatter},
        "handlers": {"hlink": handler},
        "loggers": loggers,
        "root": {"handlers": ["hlink"], "level": "WARNING"},
    }


class RequestIdMiddleware:
    """Names each request: the caller's ``X-Request-Id`` when it is a plain token, else a new one; answered in
    the same header and put on every log line the request causes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        current = given if _GIVEN_ID.fullmatch(given) else uuid.uuid4().hex[:16]
        mark = request_id.set(current)

        async def named(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", current.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, named)
        finally:
            request_id.reset(mark)
