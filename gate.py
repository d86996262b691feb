"""The door of both faces: who is calling (a bearer token) and whether a browser may be making the call for a
foreign page. Roles are checked later, in the services (services/access/roles.py).

- Every REST path, GraphQL operation and the WebSocket need ``Authorization: Bearer <token>`` (HTTP requests may
  carry it in the original's ``_haiabao_token_`` cookie instead); a missing or invalid one answers 401, in the
  shape of the face asked (refusals.py). Open: ``/health``, ``/``, the GraphiQL page itself, the REST
  descriptions and their page (``/v2/api-docs``, ``/v3/api-docs``, ``/doc.html``, ``/swagger-ui.html``), the
  sign-in path (``POST /auth/login``) and a GraphQL document that only signs in (``mutation { login(...) }``). The
  WebSocket may carry the token in its ``connection_init`` payload instead (browsers cannot set its headers).
- Cross-site: a form or multipart request from a foreign Origin is refused (403), and a GraphQL multipart
  request must carry a header that makes browsers ask first (``Apollo-Require-Preflight`` or
  ``X-Requested-With``), so a foreign page cannot post one with a user's credentials.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from graphql.language import FieldNode
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hlink.refusals import Refuse
from hlink.services.access.accounts import authenticate
from hlink.services.access.roles import ANONYMOUS
from hlink.services.actor import Actor, current_actor

log = logging.getLogger("hlink.gate")
#: probes and scrapers carry no token: /ready and /metrics show no address, user or secret
OPEN = frozenset(
    {("GET", "/health"), ("GET", "/ready"), ("GET", "/metrics"), ("GET", "/"), ("HEAD", "/"), ("POST", "/auth/login")}
    # the REST descriptions and their Swagger UI page (rest/docs.py): paths and field names, no user data
    | {
        ("GET", path)
        for path in ("/v2/api-docs", "/v3/api-docs", "/swagger-resources", "/doc.html", "/swagger-ui.html")
    }
)
#: the GraphQL operations anyone may send: signing in
OPEN_FIELDS = frozenset({"login", "__typename"})
#: the largest GraphQL body anyone may send without a token (a sign-in is a few hundred bytes)
MAX_SIGN_IN_BODY = 8 * 1024
_FORM_TYPES = (b"multipart/form-data", b"application/x-www-form-urlencoded", b"text/plain")
_PREFLIGHT_HEADERS = (b"apollo-require-preflight", b"x-requested-with")


#: the cookie the original's pages kept their token in (POST /auth/login sets it)
COOKIE = "_haiabao_token_"


def bearer(headers: dict[bytes, bytes]) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if there is one."""
    value = headers.get(b"authorization", b"").decode("latin-1").strip()
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def cookie_token(headers: dict[bytes, bytes]) -> str | None:
    """The token of the original's ``_haiabao_token_`` cookie: it must be a valid hlink token (the original let
    any non-blank value in)."""
    for pair in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = pair.strip().partition("=")
        if name == COOKIE and value.strip().strip('"'):
            return value.strip().strip('"')
    return None


def only_signs_in(body: bytes) -> bool:
    """Whether a GraphQL request body is one small document of one operation selecting one ``login``."""
    if len(body) > MAX_SIGN_IN_BODY:
        return False
    try:
        request = json.loads(body)
        document = parse(request["query"], max_tokens=200) if isinstance(request, dict) else None
    except (ValueError, KeyError, TypeError, RecursionError, GraphQLError):
        return False
    if document is None:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != len(document.definitions) or not operations:
        return False  # fragments could hide other fields
    selections = operations[0].selection_set.selections if len(operations) == 1 else ()
    logins = [s for s in selections if isinstance(s, FieldNode) and s.name.value == "login"]
    # one sign-in per request: aliases would try many passwords (and run argon2 as often) at once
    return operations[0].operation is OperationType.MUTATION and len(logins) == 1 and _fields(selections) <= OPEN_FIELDS


def _fields(selections: Iterable[object]) -> set[str]:
    names: set[str] = set()
    for selection in selections:
        if not isinstance(selection, FieldNode):
            return {"<fragment>"}
        names.add(selection.name.value)
    return names


class GateMiddleware:
    """Sets the acting user (:data:`services.actor.current_actor`) from the request's bearer token."""

    def __init__(self, app: ASGIApp, refuse: Refuse, allowed_origins: Iterable[str] = ()) -> None:
        self.app = app
        self.refuse = refuse
        self.allowed_origins = frozenset(o.rstrip("/") for o in allowed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        method, path = scope.get("method", "GET"), scope["path"]
        if scope["type"] == "http" and (refusal := self.cross_site(headers, method, path)):
            await self.refuse(scope, 403, refusal, None)(scope, receive, send)
            return
        if sum(1 for name, _ in scope.get("headers") or [] if name == b"authorization") > 1:
            # which one counts would depend on the parser: refuse rather than guess
            await self.unauthorized(scope, receive, send, "send one Authorization header, not several")
            return
        token, from_cookie = bearer(headers), False
        if token is None and scope["type"] == "http":
            # never a WebSocket's: a browser sends cookies for a foreign page's handshakes too
            token = cookie_token(headers)
            from_cookie = token is not None
            if from_cookie and headers.get(b"sec-fetch-site") == b"cross-site":
                # nor a foreign page's request (a link, a form): they never act on the cookie
                refusal = "a cross-site request cannot act on the sign-in cookie"
                await self.refuse(scope, 403, refusal, None)(scope, receive, send)
                return
        actor: Actor | None = await authenticate(token) if token else None
        if token and actor is None and not from_cookie:
            await self.unauthorized(scope, receive, send, "the token is unknown, expired or revoked")
            return
        # a stale cookie is no sign-in: open paths (signing in again) stay open, the others answer 401 below
        if (
            actor is None
            and scope["type"] == "http"
            and not self.open(method, path, headers, scope.get("query_string", b""))
        ):
            if not (method == "POST" and path == "/graphql"):
                await self.unauthorized(scope, receive, send, "sign in first: send Authorization: Bearer <token>")
                return
            body, receive = await _buffered(receive)
            if not only_signs_in(body):
                await self.unauthorized(scope, receive, send, "sign in first: send Authorization: Bearer <token>")
                return
        mark = current_actor.set(actor or ANONYMOUS)  # a WebSocket may still sign in with its connection_init
        try:
            await self.app(scope, receive, send)
        finally:
            current_actor.reset(mark)

    @staticmethod
    def open(method: str, path: str, headers: dict[bytes, bytes], query: bytes = b"") -> bool:
        if (method, path) in OPEN or (method in ("GET", "HEAD") and path.startswith("/static/")):
            return True  # /static: vendored browser assets, nothing of the user's
        # the GraphiQL page itself (a browser's GET asking for HTML, with no query in it: with one, it runs it)
        return path == "/graphql" and method == "GET" and b"text/html" in headers.get(b"accept", b"") and not query

    def cross_site(self, headers: dict[bytes, bytes], method: str, path: str) -> str | None:
        """Why a request a browser may be sending for a foreign page is refused, or ``None``."""
        if method in ("GET", "HEAD", "OPTIONS"):
            return None
        kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if kind not in _FORM_TYPES:
            return None  # a JSON body from a foreign page needs a preflight, which CORS answers
        origin = headers.get(b"origin", b"").decode("latin-1").rstrip("/")
        host = headers.get(b"host", b"").decode("latin-1")
        if origin and origin not in self.allowed_origins and origin.split("://", 1)[-1] != host:
            return f"a {kind.decode()} request from {origin} is refused: that page is not an allowed origin"
        if path == "/graphql" and not any(h in headers for h in _PREFLIGHT_HEADERS):
            return "a GraphQL multipart request needs the header Apollo-Require-Preflight: true"
        return None

    async def unauthorized(self, scope: Scope, receive: Receive, send: Send, message: str) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4401, "reason": message[:120]})
            return
        response = self.refuse(scope, 401, message, {"www-authenticate": 'Bearer realm="hlink"'})
        await response(scope, receive, send)


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """Read a (small) body whole, and a ``receive`` that hands it to the app again."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > MAX_SIGN_IN_BODY or not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay
