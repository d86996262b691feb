"""Who is acting: the user a request's bearer token names, with their role; recorded as created/modified by on
every row written and checked by :func:`services.access.roles.require` before every change.

The acting user comes from the token (set once per request by the authentication middleware), never from a
header the caller writes. Work hlink does itself acts explicitly: start-up and the reconciler as ``system``,
the command line as ``cli:<OS user>``; with nobody set, every role check fails (closed).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
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


#: the reconciler and start-up work: not a user, acting with every role
SYSTEM = Actor("system", Role.ADMIN)
current_actor: ContextVar[Actor | None] = ContextVar("current_actor", default=None)


def command_line() -> Actor:
    """The actor of the ``hlink`` command: the OS user running it (an admin: it holds the database)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container's)
        user = str(os.getuid())
    return Actor(f"cli:{user}"[:64], Role.ADMIN)


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """Run a block as ``actor`` (work hlink does itself; requests get theirs from their token)."""
    mark = current_actor.set(actor)
    try:
        yield actor
    finally:
        current_actor.reset(mark)


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
