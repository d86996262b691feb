"""Who is acting: the user a request's bearer token names, with their role; recorded as created/modified by on
every row written and checked by :func:`services.access.roles.require` before every change.

The acting user comes from the token (set once per request by the authentication middleware), never from a
header the caller writes. Background work (the reconciler) acts as ``system``.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from enum import IntEnum
from typing import TypedDict


class Role(IntEnum):
    """What a user may do; each role may do what the ones below it may."""

    VIEWER = 1  # reads
    DEVELOPER = 2  # datasources, jobs, UDFs, jars and the lifecycle
    ADMIN = 3  # clusters, users and tokens

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def named(cls, name: str) -> Role:
        """The role of a name (admin, developer, viewer); ValueError for anything else."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"role must be one of admin, developer, viewer; got {name!r}") from None


@dataclass(frozen=True)
class Actor:
    """The user a request acts for."""

    name: str
    role: Role
    user_id: int | None = None
    token_id: int | None = None


#: the reconciler and start-up work: not a user, never checked against a role
SYSTEM = Actor("system", Role.ADMIN)
current_actor: ContextVar[Actor | None] = ContextVar("current_actor", default=None)


def acting() -> str:
    """The name recorded on rows written now."""
    actor = current_actor.get()
    return actor.name if actor is not None else SYSTEM.name


class NewStamp(TypedDict):
    create_by: str
    modify_by: str


class ChangeStamp(TypedDict):
    modify_by: str


def stamp_new() -> NewStamp:
    """Audit fields of a row being created."""
    user = acting()
    return {"create_by": user, "modify_by": user}


def stamp_change() -> ChangeStamp:
    """Audit fields of a row being changed."""
    return {"modify_by": acting()}
