"""How a request refused before it reaches a route is answered: the middleware (the gate, the body and time
limits) decide *that* and *why*; each face shapes the answer (the REST envelope, GraphQL's ``errors``), and
the app passes that shape in (:data:`Refuse`), so no middleware depends on a face."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from starlette.responses import Response
from starlette.types import Scope

#: (the request's scope, the HTTP status, the message, extra headers) → the answer
Refuse = Callable[[Scope, int, str, Mapping[str, str] | None], Response]
