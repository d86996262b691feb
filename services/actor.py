"""Who is acting: recorded as created/modified by on every row written."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TypedDict

current_user: ContextVar[str] = ContextVar("current_user", default="anonymous")


class NewStamp(TypedDict):
    create_by: str
    modify_by: str


class ChangeStamp(TypedDict):
    modify_by: str


def stamp_new() -> NewStamp:
    """Audit fields of a row being created."""
    user = current_user.get()
    return {"create_by": user, "modify_by": user}


def stamp_change() -> ChangeStamp:
    """Audit fields of a row being changed."""
    return {"modify_by": current_user.get()}
