"""The ASGI application: GraphQL at /graphql (GraphiQL in a browser) and the REST paths, over one core."""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from cross_web import AsyncHTTPRequestAdapter
from cross_web import HTTPException as GraphQLHTTPException
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Scope
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UnsetType

from hlink import database
from hlink.config import Settings, load_settings
from hlink.gate import GateMiddleware, bearer
from hlink.limits import BodyLimitMiddleware, FairShare, TimeoutMiddleware, UploadGate
from hlink.logs import RequestIdMiddleware
from hlink.models import sealed
from hlink.observability import MetricsMiddleware, Reachability, metrics, ready
from hlink.resolvers import roots
from hlink.rest.docs import routes as docs_routes
from hlink.rest.envelope import UnexpectedErrors, domain_error, envelope, http_error, unexpected_error
from hlink.rest.routes import routes as rest_routes
from hlink.runtime import Runtime
from hlink.schema import build_schema
from hlink.schema.codes import refusal as graphql_refusal
from hlink.schema.context import Context
from hlink.services import sizes
from hlink.services.access import floodgate
from hlink.services.access.accounts import authenticate, bootstrap_admin
from hlink.services.access.roles import ANONYMOUS
from hlink.services.actor import SYSTEM, current_actor
from hlink.services.artifacts.storage import Storage
from hlink.services.clusters.leases import leases_for
from hlink.services.clusters.registry import register_local_cluster
from hlink.services.errors import DomainError, ValidationFailed
from hlink.services.events import events_for
from hlink.services.jobs.reconciler import reconcile_forever
from hlink.services.jsontext import parse_json
from hlink.services.preview import slots as previews


class HlinkGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with hlink's typed context (fresh DataLoaders per request)."""

    def __init__(self, runtime: Runtime, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.runtime = runtime

    def parse_json(self, data: str | bytes) -> Any:
        """Strict JSON (no NaN or Infinity), nested no deeper than hlink's limit; a clear 400 otherwise."""
        try:
            parsed = parse_json(data, "body")
        except ValidationFailed as error:
            raise GraphQLHTTPException(400, error.message) from None
        if not isinstance(parsed, dict | list):  # a list is a batch, which Strawberry refuses with its reason
            raise GraphQLHTTPException(400, 'the request must be a JSON object ({"query": ...})')
        return parsed

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, str]:
        """The GraphQL multipart request; ``operations`` and ``map`` that are not objects as the spec has them
        (a ``map`` that is a list, paths that are not lists of strings) are a clear 400."""
        try:
            return await super().parse_multipart(request)
        except (AttributeError, TypeError, KeyError, IndexError, ValueError):
            message = 'the multipart request needs "operations" and "map" as JSON objects (the GraphQL multipart spec)'
            raise GraphQLHTTPException(400, message) from None

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """A WebSocket signs in with its handshake's Authorization header or its connection_init payload
        (``{"Authorization": "Bearer <token>"}``; browsers cannot set the handshake's headers)."""
        if current_actor.get() is not ANONYMOUS:
            return None  # signed in by the handshake's header (the gate checked it; context.token holds it)
        params = context.connection_params or {}
        given = params.get("Authorization") or params.get("authorization") or ""
        token = bearer({b"authorization": str(given).encode("latin-1", "replace")})
        actor = await authenticate(token) if token else None
        if actor is None:
            raise ConnectionRejectionError({"message": "sign in first: Authorization: Bearer <token>"})
        context.token = token  # checked again before each operation (schema/signin.py)
        current_actor.set(actor)
        return None

    async def render_graphql_ide(self, request: Request) -> Response:
        """hlink's own GraphiQL page (static/graphiql/index.html) instead of Strawberry's, whose assets come from a
        CDN: this one loads only /static/graphiql and takes the token from GraphiQL's Headers editor."""
        return HTMLResponse(graphiql_page())

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        context = Context(request=request, response=response, storage=self.runtime.storage, runtime=self.runtime)
        if isinstance(request, WebSocket):
            context.token = bearer({b"authorization": request.headers.get("authorization", "").encode("latin-1")})
        return context


TOKEN_FILE = "admin.token"
#: vendored third-party browser assets (static/README.md)
STATIC_DIR = Path(__file__).resolve().parent / "static"


@functools.cache
def graphiql_page() -> str:
    """The GraphiQL page's HTML (read once: it changes only with a release)."""
    return (STATIC_DIR / "graphiql" / "index.html").read_text(encoding="utf-8")


async def first_admin(settings: Settings) -> None:
    """On a database without users: the admin, whose token is printed once and kept in a 0600 file in the data
    folder (unless HLINK_ADMIN_TOKEN gave it); with users there already, nothing."""
    secret = await bootstrap_admin(settings.admin_token)
    if secret is None or settings.admin_token:
        return
    path = settings.data_dir / TOKEN_FILE
    sealed.write_private(path, secret.encode() + b"\n")
    print(f"hlink: first start: user admin made; its token (also in {path}, mode 0600):", flush=True)
    print(secret, flush=True)


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def index(request: Request) -> Response:
    return RedirectResponse("/graphql")


def refuse(scope: Scope, status: int, message: str, headers: Mapping[str, str] | None) -> Response:
    """A request the gate or a limit stops, answered in its face's shape: GraphQL's ``errors`` on /graphql,
    the REST envelope elsewhere."""
    if scope.get("path") == "/graphql":
        return graphql_refusal(status, message, headers)
    return envelope(status, None, message, False, headers=headers)


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """Build the application; with ``manage_database`` it migrates and connects on start-up."""
    settings = settings or load_settings()
    # the limits and lists are this app's own, handed to what applies them (services/policy.py); the sealing
    # key is the process's: the rows it opens are read through Tortoise's connections, which are the process's
    policy = settings.policy()
    sizes.forget()
    floodgate.forget()
    sealed.configure(settings.secret_key or sealed.key_file(settings.data_dir / "secret.key"))
    storage = Storage(settings.storage_dir, settings.max_upload_bytes)
    runtime = Runtime.create(storage, settings.runner_jar, settings.savepoint_retention, policy)
    runtime.submission_grace, runtime.operation_wait = settings.submission_grace, settings.operation_wait
    runtime.ha_recovery = settings.ha_recovery
    runtime.batch_wait = settings.batch_wait
    runtime.preview_max_rows = settings.preview_max_rows
    runtime.preview_per_user, runtime.preview_per_cluster = settings.preview_per_user, settings.preview_per_cluster
    runtime.cluster_hooks.append(previews.Sweep())
    runtime.leases = leases_for(settings.database_url, settings.reconcile_seconds)
    runtime.events = events_for(settings.database_url)
    graphql = HlinkGraphQL(
        runtime=runtime,
        schema=build_schema(
            roots(), policy, settings.max_depth, settings.max_tokens, settings.max_aliases, settings.max_cost
        ),
        multipart_uploads_enabled=True,
        allowed_origins=settings.cors_origins,  # a frontend's WebSocket handshake from another origin
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        current_actor.set(SYSTEM)  # start-up work and the reconciler (its task inherits this); requests set theirs
        if manage_database:
            await database.migrate(settings.database_url)
            await database.connect(settings.database_url)
        settings.storage_dir.mkdir(parents=True, exist_ok=True)
        if manage_database:
            await first_admin(settings)
        if manage_database and settings.local_flink:
            await register_local_cluster(settings)
        await runtime.events.start()
        reconciler = (
            asyncio.create_task(reconcile_forever(runtime, settings.reconcile_seconds, settings.reconcile_timeout))
            if settings.reconcile_seconds > 0
            else None
        )
        try:
            yield
        finally:
            if reconciler is not None:
                reconciler.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reconciler
            await runtime.close()
            if manage_database:
                await database.disconnect()

    middleware = [
        # first: it answers whatever the others and the routes let through (the gate reads the database too),
        # 503 for a database that does not answer; the Exception handler below keeps what escapes it
        Middleware(UnexpectedErrors),
        Middleware(RequestIdMiddleware),
        Middleware(MetricsMiddleware),
        Middleware(TimeoutMiddleware, seconds=settings.request_timeout, refuse=refuse),
        Middleware(BodyLimitMiddleware, max_upload_bytes=settings.max_upload_bytes, refuse=refuse),
        Middleware(GateMiddleware, refuse=refuse, allowed_origins=settings.cors_origins),
        Middleware(UploadGate, refuse=refuse),  # inside the gate: it knows the acting user
        Middleware(FairShare, at_once=settings.caller_concurrency, refuse=refuse),  # per caller: inside the gate
    ]
    if settings.cors_origins:
        middleware.insert(
            0,
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["*"],
                allow_headers=["*"],
            ),
        )
    app = Starlette(
        routes=[
            Route("/", index),
            Route("/health", health),
            Route("/ready", ready),
            Route("/metrics", metrics),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            *rest_routes,
            *docs_routes,  # the REST description and its Swagger UI page
            # browser assets (GraphiQL, the API docs page), served by hlink itself: no CDN on a closed network
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        ],
        middleware=middleware,
        exception_handlers={
            DomainError: domain_error,
            HTTPException: http_error,
            Exception: unexpected_error,
        },
        lifespan=lifespan,
    )
    app.state.storage = storage
    app.state.runtime = runtime
    app.state.schema = graphql.schema
    app.state.reachability = Reachability(runtime)
    app.state.settings = settings
    return app
