"""The typed request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from hlink.runtime import Runtime
from hlink.schema.loaders import Loaders
from hlink.services.artifacts.storage import Storage


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    storage: Storage
    runtime: Runtime
    loaders: Loaders = field(default_factory=Loaders)
    #: a WebSocket's connection_init payload (where a browser puts its token)
    connection_params: dict[str, object] | None = None
    #: a WebSocket's bearer token, checked again before each of its operations (it may be revoked meanwhile)
    token: str | None = None


Info = StrawberryInfo[Context, None]
