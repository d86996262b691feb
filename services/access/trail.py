"""Reading the audit trail (admins only), newest first, with filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hlink.models import AuditEntry
from hlink.services.access.roles import require
from hlink.services.actor import Role
from hlink.services.paging import Page, Window, check_filter, paginate


@dataclass
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    outcome: str | None = None
    since: datetime | None = None


async def audit_trail(flt: AuditFilter, window: Window) -> Page[AuditEntry]:
    """The entries matching every filter given, newest first."""
    require(Role.ADMIN)
    check_filter(flt, AuditEntry)
    query = AuditEntry.all()
    for name in ("actor", "action", "entity_type", "entity_id", "outcome"):
        value = getattr(flt, name)
        if value:
            query = query.filter(**{name: value})
    if flt.since is not None:
        query = query.filter(at__gte=flt.since)
    return await paginate(query.order_by("-id"), window)
