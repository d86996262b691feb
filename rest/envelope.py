"""The response envelope and the mapping of every failure to it (never a bare 500 page)."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from services.errors import Conflict, DomainError, NotFound, Refused, TooLarge, Unavailable, ValidationFailed
from services.paging import Page

log = logging.getLogger("hlink.rest")


def envelope(status: int, data: Any, msg: str, success: bool, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"code": status, "data": data, "msg": msg, "success": success}, status_code=status, headers=headers
    )


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
    data = {"fields": exc.fields} if isinstance(exc, ValidationFailed) else None
    return envelope(status_of(exc), data, exc.message, False)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    msg = {
        404: f"no such path: {request.method} {request.url.path}",
        405: f"{request.method} is not allowed on {request.url.path}",
    }
    # a 405 keeps Starlette's Allow header: which methods the path does take
    return envelope(exc.status_code, None, msg.get(exc.status_code, str(exc.detail)), False, exc.headers)


async def unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return envelope(500, None, f"internal error: {type(exc).__name__}", False)


async def paged_answer(
    query: Any, filter_cls: type[Any], lister: Any, view: Any, default_size: int = 10
) -> JSONResponse:
    """The shared shape of every paged list path: a filter and a window from the query, an IPage back."""
    flt = query.read(filter_cls)
    limit, offset = query.window(default_size)
    page = await lister(flt, limit, offset)
    return ok(ipage(page, [view(row) for row in page.items]))
