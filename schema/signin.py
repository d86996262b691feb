"""A WebSocket's operations act for its token's user as that token stands now: a token revoked or expired, or a
user disabled, after the connection opened stops the next operation; a role changed takes effect at once."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import GraphQLError
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension

from hlink.services.access.accounts import authenticate
from hlink.services.actor import current_actor


class WebSocketSignIn(SchemaExtension):
    """Checks a WebSocket's token again before each operation it runs (HTTP requests: the gate, once each)."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if isinstance(getattr(context, "request", None), WebSocket) and self.execution_context.result is None:
            token = getattr(context, "token", None)
            actor = await authenticate(token) if token else None
            if actor is None:
                # raised, not set as the result: Strawberry's subscriptions ignore a result set here
                raise GraphQLError("the token is unknown, expired or revoked", extensions={"code": "UNAUTHENTICATED"})
            else:
                current_actor.set(actor)
        yield
