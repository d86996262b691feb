"""The typed request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from hlink.runtime import Runtime
from hlink.schema.loaders import Loaders, current_operation
from hlink.services.artifacts.storage import Storage
from hlink.services.policy import Policy


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    storage: Storage
    runtime: Runtime
    #: loaders for what runs outside an operation of its own (a subscription's events)
    shared_loaders: Loaders | None = None
    #: a WebSocket's connection_init payload (where a browser puts its token)
    connection_params: dict[str, object] | None = None
    #: a WebSocket's bearer token, checked again before each of its operations (it may be revoked meanwhile)
    token: str | None = None

    @property
    def policy(self) -> Policy:
        """The app's limits and lists (services/policy.py)."""
        return self.runtime.policy

    @property
    def loaders(self) -> Loaders:
        """The running operation's own loaders, else the context's (made on first use)."""
        operation = current_operation()
        if operation is not None:
            return operation.loaders
        if self.shared_loaders is None:
            self.shared_loaders = Loaders()
        return self.shared_loaders


Info = StrawberryInfo[Context, None]
