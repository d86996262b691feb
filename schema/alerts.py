"""Alert channels, rules and incidents, as graph types."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from urllib.parse import urlsplit

import strawberry

from hlink import models
from hlink.schema.errors import MutationError


@strawberry.enum(description="Where an alert goes: a generic JSON webhook or a chat robot.")
class ChannelKind(Enum):
    WEBHOOK = strawberry.enum_value("webhook", description="A JSON object POSTed to the URL.")
    DINGTALK = strawberry.enum_value("dingtalk", description="A DingTalk robot (msgtype text).")
    WECOM = strawberry.enum_value("wecom", description="A WeCom (WeChat Work) robot (msgtype text).")
    SLACK = strawberry.enum_value("slack", description="A Slack incoming webhook.")


@strawberry.type(description="A receiver of alerts; its URL is kept sealed and shown as its host only.")
class AlertChannel:
    id: strawberry.ID = strawberry.field(description="The channel's id.")
    name: str = strawberry.field(description="Its name.")
    kind: ChannelKind = strawberry.field(description="What it receives.")
    host: str = strawberry.field(description="The receiver's host (the URL itself carries tokens: never shown).")
    enabled: bool = strawberry.field(description="Whether alerts go there.")

    @classmethod
    def of(cls, row: models.AlertChannel) -> AlertChannel:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            kind=ChannelKind(row.kind),
            host=urlsplit(row.url).hostname or "",
            enabled=row.enabled,
        )


@strawberry.type(description="When jobs notify a channel.")
class AlertRule:
    id: strawberry.ID = strawberry.field(description="The rule's id.")
    name: str = strawberry.field(description="Its name.")
    channel_id: strawberry.ID = strawberry.field(description="The channel it notifies.")
    on_failed: bool = strawberry.field(description="Alert when a job fails.")
    on_lost: bool = strawberry.field(description="Alert when a job is lost by its cluster.")
    unknown_after: int = strawberry.field(description="Alert when a job reads UNKNOWN this many seconds (0: never).")
    enabled: bool = strawberry.field(description="Whether the rule is applied.")

    @classmethod
    def of(cls, row: models.AlertRule) -> AlertRule:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            channel_id=strawberry.ID(str(row.channel_id)),
            on_failed=row.on_failed,
            on_lost=row.on_lost,
            unknown_after=row.unknown_after,
            enabled=row.enabled,
        )


@strawberry.type(description="One incident of one rule on one job, notified once when it opens and once resolved.")
class AlertIncident:
    id: strawberry.ID = strawberry.field(description="The incident's id.")
    rule_id: strawberry.ID = strawberry.field(description="The rule that opened it.")
    job_id: strawberry.ID = strawberry.field(description="The job.")
    kind: str = strawberry.field(description="failed, lost or unknown.")
    opened_at: datetime = strawberry.field(description="When it opened.")
    resolved_at: datetime | None = strawberry.field(description="When the job recovered.")
    notified: str = strawberry.field(description="How far notifications got: none, opened, resolved.")
    last_error: str | None = strawberry.field(description="Why the last delivery failed, if it did.")

    @classmethod
    def of(cls, row: models.AlertIncident) -> AlertIncident:
        return cls(
            id=strawberry.ID(str(row.id)),
            rule_id=strawberry.ID(str(row.rule_id)),
            job_id=strawberry.ID(str(row.job_id)),
            kind=row.kind,
            opened_at=row.opened_at,
            resolved_at=row.resolved_at,
            notified=row.notified,
            last_error=row.last_error,
        )


@strawberry.type(description="A channel made, or why not.")
class AlertChannelPayload:
    channel: AlertChannel | None = strawberry.field(default=None, description="The channel.")
    error: MutationError | None = strawberry.field(default=None, description="Why it was not made.")


@strawberry.type(description="A rule made, or why not.")
class AlertRulePayload:
    rule: AlertRule | None = strawberry.field(default=None, description="The rule.")
    error: MutationError | None = strawberry.field(default=None, description="Why it was not made.")
