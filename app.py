"""The ASGI application: GraphQL at /graphql (GraphiQL in a browser) and the REST paths, over one core."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from cross_web import HTTPException as GraphQLHTTPException
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

import database
from config import Settings, load_settings
from limits import BodyLimitMiddleware
from resolvers.context import Context
from rest.envelope import domain_error, http_error, unexpected_error
from rest.routes import routes as rest_routes
from schema import build_schema
from services import paging
from services.actor import current_user
from services.artifacts.storage import Storage
from services.clusters.leases import leases_for
from services.clusters.registry import register_local_cluster
from services.errors import DomainError, ValidationFailed
from services.jobs.events import events_for
from services.jobs.reconciler import reconcile_forever
from services.jsontext import parse_json
from services.runtime import Runtime

USER_HEADER = "x-hlink-user"


class HlinkGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with hlink's typed context (fresh DataLoaders per request)."""

    def __init__(self, runtime: Runtime, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.runtime = runtime

    def parse_json(self, data: str | bytes) -> Any:
        """Strict JSON (no NaN or Infinity), nested no deeper than hlink's limit; a clear 400 otherwise."""
        try:
            return parse_json(data, "body")
        except ValidationFailed as error:
            raise GraphQLHTTPException(400, error.message) from None

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        return Context(request=request, response=response, storage=self.runtime.storage, runtime=self.runtime)


class ActorMiddleware:
    """Records who acts (the X-Hlink-User header) for created/modified by."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        user = dict(scope.get("headers") or []).get(USER_HEADER.encode(), b"").decode("utf-8", "replace").strip()
        token = current_user.set(user[:64] or "anonymous")
        try:
            await self.app(scope, receive, send)
        finally:
            current_user.reset(token)


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def index(request: Request) -> Response:
    return RedirectResponse("/graphql")


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """Build the application; with ``manage_database`` it migrates and connects on start-up."""
    settings = settings or load_settings()
    paging.PAGE_CAP = settings.page_cap
    storage = Storage(settings.storage_dir, settings.max_upload_bytes)
    runtime = Runtime.create(storage, settings.runner_jar, settings.savepoint_retention)
    runtime.submission_grace, runtime.operation_wait = settings.submission_grace, settings.operation_wait
    runtime.leases = leases_for(settings.database_url)
    runtime.events = events_for(settings.database_url)
    graphql = HlinkGraphQL(
        runtime=runtime,
        schema=build_schema(settings.max_depth, settings.max_tokens, settings.max_aliases),
        multipart_uploads_enabled=True,
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_database:
            await database.migrate(settings.database_url)
            await database.connect(settings.database_url)
        settings.storage_dir.mkdir(parents=True, exist_ok=True)
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
        Middleware(BodyLimitMiddleware, max_upload_bytes=settings.max_upload_bytes),
        Middleware(ActorMiddleware),
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
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            *rest_routes,
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
    app.state.settings = settings
    return app
