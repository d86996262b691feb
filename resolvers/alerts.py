"""GraphQL glue of alerts: channels and rules (admins), incidents (everyone signed in reads them)."""

from __future__ import annotations

import strawberry

from hlink.models import AlertChannel as ChannelRow
from hlink.models import AlertIncident as IncidentRow
from hlink.models import AlertRule as RuleRow
from hlink.resolvers.convert import parse_id
from hlink.resolvers.mutations import _deleted, attempt
from hlink.schema.alerts import (
    AlertChannel,
    AlertChannelPayload,
    AlertIncident,
    AlertRule,
    AlertRulePayload,
    ChannelKind,
)
from hlink.schema.context import Info
from hlink.schema.payloads import DeletePayload
from hlink.schema.types import capped
from hlink.services.access.roles import require
from hlink.services.actor import Role
from hlink.services.alerts import rules


@strawberry.type
class AlertQuery:
    @strawberry.field(description="Alert channels (admins only).")
    async def alert_channels(self) -> list[AlertChannel]:
        require(Role.ADMIN)
        return [AlertChannel.of(c) for c in await ChannelRow.all().order_by("id")]

    @strawberry.field(description="Alert rules.")
    async def alert_rules(self) -> list[AlertRule]:
        return [AlertRule.of(r) for r in await RuleRow.all().order_by("id")]

    @strawberry.field(description="Alert incidents, newest first, at most `limit`.")
    async def alert_incidents(self, info: Info, open_only: bool = False, limit: int = 50) -> list[AlertIncident]:
        query = IncidentRow.all()
        if open_only:
            query = query.filter(resolved_at__isnull=True)
        capped(0, limit, info)  # refused outside 0..page cap
        return [AlertIncident.of(i) for i in await query.order_by("-id").limit(limit)]


@strawberry.type
class AlertMutation:
    @strawberry.mutation(
        description="Add an alert channel (admins only); its URL must be allowed by HLINK_ALERT_ALLOW."
    )
    async def create_alert_channel(self, info: Info, name: str, kind: ChannelKind, url: str) -> AlertChannelPayload:
        data, receivers = rules.ChannelInput(name, str(kind.value), url), info.context.policy.alert_receivers
        row, error = await attempt(lambda: rules.create_channel(data, receivers))
        return AlertChannelPayload(channel=AlertChannel.of(row) if row else None, error=error)

    @strawberry.mutation(description="Add an alert rule (admins only).")
    async def create_alert_rule(
        self,
        name: str,
        channel_id: strawberry.ID,
        on_failed: bool = True,
        on_lost: bool = True,
        unknown_after: int = 0,
    ) -> AlertRulePayload:
        async def make() -> RuleRow:
            data = rules.RuleInput(name, parse_id(channel_id, "channelId"), on_failed, on_lost, unknown_after)
            return await rules.create_rule(data)

        row, error = await attempt(make)
        return AlertRulePayload(rule=AlertRule.of(row) if row else None, error=error)

    @strawberry.mutation(description="Delete an alert channel with its rules (admins only).")
    async def delete_alert_channel(self, id: strawberry.ID) -> DeletePayload:
        return await _deleted(id, rules.delete_channel)

    @strawberry.mutation(description="Delete an alert rule (admins only).")
    async def delete_alert_rule(self, id: strawberry.ID) -> DeletePayload:
        return await _deleted(id, rules.delete_rule)
