"""The audit trail: every change and lifecycle action, and every sign-in, as one row: who, when, what, on which
entity, and how it ended. It never holds an input value (inputs may carry secrets), only the error's message.

:func:`guarded` wraps a service function: it checks the acting user's role first, then records the outcome. A
guarded call made by another (a restart's stop and run) is part of the outer one and recorded once.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from hlink.models import AuditEntry
from hlink.services.access.roles import require
from hlink.services.actor import Role, acting
from hlink.services.errors import DomainError, Forbidden, Unauthorized

log = logging.getLogger("hlink.audit")
P = ParamSpec("P")
R = TypeVar("R")
_inside: ContextVar[bool] = ContextVar("inside_guarded", default=False)


async def record(
    action: str, outcome: str, entity: str | None = None, key: object = None, detail: str | None = None
) -> None:
    """One row of the trail; a trail that cannot be written is logged and never fails the action itself."""
    log.info(
        "%s %s %s: %s%s",
        action,
        entity or "-",
        key if key is not None else "-",
        outcome,
        f" ({detail})" if detail else "",
    )
    try:
        await AuditEntry.create(
            actor=acting()[:64],
            action=action,
            entity_type=entity,
            entity_id=None if key is None else str(key)[:64],
            outcome=outcome,
            detail={"message": detail[:1000]} if detail else None,
        )
    except Exception:  # the database may be what failed
        log.exception("audit entry %s %s not written", action, outcome)


def guarded(
    action: str, role: Role, entity: str | None = None, key: str | None = None
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """Require ``role`` of the acting user, run the service function, and record ``action`` with its outcome.
    ``key`` names the parameter holding the entity's id; without it the result's ``id`` is recorded."""

    def wrap(function: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        signature = inspect.signature(function)

        @functools.wraps(function)
        async def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            if _inside.get():
                return await function(*args, **kwargs)
            given = signature.bind_partial(*args, **kwargs).arguments.get(key) if key else None
            given = getattr(given, "id", given)  # a row given whole: its id
            try:
                require(role)
            except (Unauthorized, Forbidden) as error:
                await record(action, "denied", entity, given, error.message)
                raise
            marker = _inside.set(True)
            try:
                result = await function(*args, **kwargs)
            except DomainError as error:
                await record(action, "failed", entity, given, error.message)
                raise
            except Exception as error:
                await record(action, "error", entity, given, type(error).__name__)
                raise
            finally:
                _inside.reset(marker)
            await record(action, "ok", entity, given if given is not None else _id_of(result))
            return result

        return checked

    return wrap


def _id_of(result: Any) -> object:
    for name in ("id", "job_id"):
        value = getattr(result, name, None)
        if value is not None:
            return value
    return None
