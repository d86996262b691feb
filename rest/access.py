"""The sign-in path (not in the original's document, which predates accounts): a bearer token for a name and
password, as the GraphQL ``login`` mutation gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response

from hlink.gate import COOKIE
from hlink.rest.contract import ApiRoute, Body, Operation
from hlink.rest.envelope import ok
from hlink.rest.inputs import json_body, policy_of
from hlink.rest.viewschemas import SIGNED_IN
from hlink.services.access import accounts
from hlink.services.checks import Checks


@dataclass
class Credentials:
    """A sign-in's body."""

    name: str | None = None
    password: str | None = None


SIGN_IN = Body(Credentials, required=frozenset({"name", "password"}))


async def login(request: Request) -> Response:
    """POST /auth/login with ``{"name": ..., "password": ...}``: ``data.token`` and ``data.expiresAt``."""
    checks = Checks()
    credentials = SIGN_IN.read(await json_body(request), checks)
    name, password = credentials.name, credentials.password
    for field, value in (("name", name), ("password", password)):
        if not value:
            checks.add(field, "is required (a string)")
    checks.done()
    assert name and password
    address = request.client.host if request.client else "-"
    issued = await accounts.login(name, password, address, policy_of(request).login_max_failures)
    expires = issued.token.expires_at.isoformat() if issued.token.expires_at else None
    answer = ok({"token": issued.secret, "expiresAt": expires, "user": name})
    # where the original's pages kept their token; never sent for a foreign page's requests (SameSite), never
    # read by a script (HttpOnly)
    life = int((issued.token.expires_at - datetime.now(UTC)).total_seconds()) if issued.token.expires_at else None
    answer.set_cookie(COOKIE, issued.secret, max_age=life, path="/", httponly=True, samesite="strict")
    return answer


routes = [
    ApiRoute(
        "/auth/login",
        login,
        "POST",
        Operation(
            "Sign in: a bearer token for a name and password",
            "access",
            description=(
                "Open: no token needed. Send the token back as Authorization: Bearer <token>; the answer also "
                "sets it as the original's _haiabao_token_ cookie (HttpOnly, SameSite=Strict)."
            ),
            body=SIGN_IN,
            data=SIGNED_IN,
            errors=(429,),
            public=True,
        ),
    )
]
