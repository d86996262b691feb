"""The role check every change passes, in the services, for both faces: the acting user comes from the token."""

from __future__ import annotations

from hlink.services.actor import Actor, Role, current_actor
from hlink.services.errors import Forbidden, Unauthorized

#: a request without valid credentials: it may sign in and nothing else
ANONYMOUS = Actor("anonymous", Role.VIEWER, None)


def require(role: Role) -> Actor:
    """The acting user when their role is at least ``role``; :class:`Unauthorized` for a request without valid
    credentials and for work that set no actor (fail closed: hlink's own work acts as ``system`` or the command
    line's user, services/actor.py), :class:`Forbidden` for too small a role."""
    actor = current_actor.get()
    if actor is None:
        raise Unauthorized("no acting user: sign in first")
    if actor is ANONYMOUS:
        raise Unauthorized("sign in first: send Authorization: Bearer <token>")
    if actor.role < role:
        raise Forbidden(f"{actor.name} is a {actor.role.label}; this needs the {role.label} role")
    return actor
