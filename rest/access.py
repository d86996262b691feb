"""The sign-in path (not in the original's document, which predates accounts): a bearer token for a name and
password, as the GraphQL ``login`` mutation gives."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rest.envelope import ok
from rest.inputs import json_body
from services.access import accounts
from services.checks import Checks


async def login(request: Request) -> Response:
    """POST /auth/login with ``{"name": ..., "password": ...}``: ``data.token`` and ``data.expiresAt``."""
    body = await json_body(request)
    body = body if isinstance(body, dict) else {}
    name, password = body.get("name"), body.get("password")
    checks = Checks()
    for field, value in (("name", name), ("password", password)):
        if not isinstance(value, str) or not value:
            checks.add(field, "is required (a string)")
    checks.done()
    assert isinstance(name, str) and isinstance(password, str)
    issued = await accounts.login(name, password)
    expires = issued.token.expires_at.isoformat() if issued.token.expires_at else None
    return ok({"token": issued.secret, "expiresAt": expires, "user": name})


routes = [Route("/auth/login", login, methods=["POST"])]
