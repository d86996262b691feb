"""The role check every change passes, in the services, for both faces: the acting user comes from the token."""

from __future__ import annotations

from services.actor import Actor, Role, current_actor
from services.errors import Forbidden, Unauthorized

#: a request without valid credentials: it may sign in and nothing else
ANONYMOUS = Actor("anonymous", Role.VIEWER, None)


def require(role: Role) -> Actor | None:
    """The acting user when their role is at least ``role``; :class:`Unauthorized` for a request without valid
    credentials, :class:`Forbidden` for too small a role. Work hlink does itself (start-up, the command line,
    the reconciler) has no acting user and passes."""
    actor = current_actor.get()
    if actor is None:
        return None
    if actor is ANONYMOUS:
        raise Unauthorized("sign in first: send Authorization: Bearer <token>")
    if actor.role < role:
        raise Forbidden(f"{actor.name} is a {actor.role.label}; this needs the {role.label} role")
    return actor
