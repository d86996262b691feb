"""A WebSocket's operations act for its token's user as that token stands now: a token revoked or expired, or a
user disabled, after the connection opened stops the next operation; a role changed takes effect at once."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import ExecutionResult, GraphQLError
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension

from services.access.accounts import authenticate
from services.actor import current_actor


class WebSocketSignIn(SchemaExtension):
    """Checks a WebSocket's token again before each operation it runs (HTTP requests: the gate, once each)."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if isinstance(getattr(context, "request", None), WebSocket) and self.execution_context.result is None:
            token = getattr(context, "token", None)
            actor = await authenticate(token) if token else None
            if actor is None:
                error = GraphQLError("the token is unknown, expired or revoked", extensions={"code": "UNAUTHENTICATED"})
                self.execution_context.result = ExecutionResult(data=None, errors=[error])
            else:
                current_actor.set(actor)
        yield
