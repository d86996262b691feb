"""GraphQL glue of access: signing in, users and tokens (admins), the audit trail (admins), who am I."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from hlink.models import User as UserRow
from hlink.resolvers.convert import parse_id
from hlink.resolvers.mutations import attempt
from hlink.schema.access import ApiToken, AuditEntry, IssuedToken, RevokePayload, TokenPayload, User, UserRole
from hlink.schema.context import Info
from hlink.schema.payloads import Page
from hlink.services.access import accounts, trail
from hlink.services.access.roles import require
from hlink.services.actor import Role, current_actor
from hlink.services.paging import window


def _issued(issued: accounts.Issued) -> IssuedToken:
    return IssuedToken(token=ApiToken.of(issued.token), secret=issued.secret)


@strawberry.type
class AccessQuery:
    @strawberry.field(description="The signed-in user.")
    async def me(self) -> User | None:
        actor = current_actor.get()
        row = await UserRow.get_or_none(id=actor.user_id) if actor is not None and actor.user_id else None
        return User.of(row) if row else None

    @strawberry.field(description="Every user (admins only).")
    async def users(self) -> list[User]:
        require(Role.ADMIN)
        return [User.of(u) for u in await UserRow.all().order_by("name")]

    @strawberry.field(description="The audit trail, newest first, filtered (admins only).")
    async def audit_log(
        self,
        info: Info,
        actor: str | None = None,
        action: str | None = None,
        entity_type: str | None = None,
        entity_id: str | None = None,
        outcome: str | None = None,
        since: datetime | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[AuditEntry]:
        flt = trail.AuditFilter(actor, action, entity_type, entity_id, outcome, since)
        page = await trail.audit_trail(flt, window(limit, offset, info.context.policy.page_cap))
        items = [AuditEntry.of(r) for r in page.items]
        return Page(items=items, total_count=page.total, limit=page.limit, offset=page.offset)


@strawberry.type
class AccessMutation:
    @strawberry.mutation(description="Sign in with a name and password: a bearer token lasting 12 hours.")
    async def login(self, info: Info, name: str, password: str) -> TokenPayload:
        client, most = info.context.request.client, info.context.policy.login_max_failures
        issued, error = await attempt(lambda: accounts.login(name, password, client.host if client else "-", most))
        return TokenPayload(issued=_issued(issued) if issued else None, error=error)

    @strawberry.mutation(description="Make a user with a role and a first token (admins only).")
    async def create_user(self, name: str, role: UserRole, password: str | None = None) -> TokenPayload:
        made, error = await attempt(lambda: accounts.create_user(name, Role.named(role.name), password))
        if made is None:
            return TokenPayload(error=error)
        user, issued = made
        return TokenPayload(issued=_issued(issued), user=User.of(user))

    @strawberry.mutation(
        description="Change a user (admins only): their role, disabled (their tokens and sign-ins refused) or a new "
        "password; the last admin with a token cannot be demoted or disabled."
    )
    async def update_user(
        self,
        name: str,
        role: UserRole | None = None,
        disabled: Annotated[
            bool | None, strawberry.argument(description="True refuses the user's tokens and sign-ins; false again")
        ] = None,
        password: str | None = None,
    ) -> TokenPayload:
        given = Role.named(role.name) if role is not None else None
        changed, error = await attempt(lambda: accounts.update_user(name, given, disabled, password))
        return TokenPayload(user=User.of(changed) if changed else None, error=error)

    @strawberry.mutation(description="Make another token for a user, expiring after `days` when given (admins only).")
    async def create_token(self, name: str, label: str = "api", days: int | None = None) -> TokenPayload:
        issued, error = await attempt(lambda: accounts.create_token(name, label, days))
        return TokenPayload(issued=_issued(issued) if issued else None, error=error)

    @strawberry.mutation(description="Revoke a token: requests carrying it are refused from now on (admins only).")
    async def revoke_token(self, id: strawberry.ID) -> RevokePayload:
        row, error = await attempt(lambda: accounts.revoke_token(parse_id(id, "id")))
        return RevokePayload(token=ApiToken.of(row) if row else None, error=error)
