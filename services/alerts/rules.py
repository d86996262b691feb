"""Alert channels and rules, managed by admins (audited like every change)."""

from __future__ import annotations

from dataclasses import dataclass

from hlink.models import AlertChannel, AlertRule
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_new
from hlink.services.alerts.messages import KINDS
from hlink.services.allowlist import AllowList
from hlink.services.checks import Checks
from hlink.services.records import get_or_404


@dataclass
class ChannelInput:
    name: str
    kind: str
    url: str


@dataclass
class RuleInput:
    name: str
    channel_id: int
    on_failed: bool = True
    on_lost: bool = True
    unknown_after: int = 0


@guarded("alert.channel.create", Role.ADMIN, "alert_channel")
async def create_channel(data: ChannelInput, receivers: AllowList) -> AlertChannel:
    """A receiver of alerts; its address must be one ``receivers`` allows (HLINK_ALERT_ALLOW)."""
    checks = Checks()
    checks.required("name", data.name)
    checks.max_length("name", data.name, 128)
    checks.one_of("kind", data.kind, KINDS)
    if checks.required("url", data.url):
        checks.max_length("url", data.url, 2048)
        if not data.url.startswith(("http://", "https://")):
            checks.add("url", "must be an http or https address")
        elif not receivers.allows(data.url):
            checks.add("url", "is not an allowed alert receiver: loopback, or what HLINK_ALERT_ALLOW lists")
    checks.done()
    return await AlertChannel.create(name=data.name, kind=data.kind, url=data.url.strip(), **stamp_new())


@guarded("alert.rule.create", Role.ADMIN, "alert_rule")
async def create_rule(data: RuleInput) -> AlertRule:
    """When jobs notify a channel: failed, lost, or UNKNOWN for longer than ``unknown_after`` seconds."""
    checks = Checks()
    checks.required("name", data.name)
    checks.max_length("name", data.name, 128)
    checks.in_range("unknownAfter", data.unknown_after, 0, 86_400)
    checks.done()
    await get_or_404(AlertChannel, data.channel_id, "alert channel")
    return await AlertRule.create(
        name=data.name,
        channel_id=data.channel_id,
        on_failed=data.on_failed,
        on_lost=data.on_lost,
        unknown_after=data.unknown_after,
        **stamp_new(),
    )


@guarded("alert.channel.delete", Role.ADMIN, "alert_channel", key="channel_id")
async def delete_channel(channel_id: int) -> None:
    """Delete a channel with its rules and their incidents."""
    await (await get_or_404(AlertChannel, channel_id, "alert channel")).delete()


@guarded("alert.rule.delete", Role.ADMIN, "alert_rule", key="rule_id")
async def delete_rule(rule_id: int) -> None:
    """Delete a rule and its incidents."""
    await (await get_or_404(AlertRule, rule_id, "alert rule")).delete()
