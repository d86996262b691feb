"""Who is acting: recorded as created/modified by on every row written."""

from __future__ import annotations

from contextvars import ContextVar

current_user: ContextVar[str] = ContextVar("current_user", default="anonymous")


def stamp_new() -> dict[str, str]:
    """Audit fields of a row being created."""
    user = current_user.get()
    return {"create_by": user, "modify_by": user}


def stamp_change() -> dict[str, str]:
    """Audit fields of a row being changed."""
    return {"modify_by": current_user.get()}
