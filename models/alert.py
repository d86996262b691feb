"""Alerts: where they go (channels), when they fire (rules), and each incident, notified once when it opens and
once when it resolves."""

from tortoise import fields

from hlink.models.base import Audited
from hlink.models.sealed import SealedTextField


class AlertChannel(Audited):
    """A receiver: a generic JSON webhook, or a DingTalk, WeCom or Slack robot."""

    name = fields.CharField(max_length=128)
    kind = fields.CharField(max_length=16)  # webhook, dingtalk, wecom, slack
    #: the receiver's URL, sealed at rest (robot URLs carry their token)
    url = SealedTextField(always=True)
    enabled = fields.BooleanField(default=True)

    class Meta:
        table = "t_alert_channel"


class AlertRule(Audited):
    """When a job's state notifies a channel: failed, lost, or unknown for longer than a time."""

    name = fields.CharField(max_length=128)
    channel: fields.ForeignKeyRelation[AlertChannel] = fields.ForeignKeyField(
        "models.AlertChannel", related_name="rules", on_delete=fields.CASCADE
    )
    channel_id: int
    on_failed = fields.BooleanField(default=True)
    on_lost = fields.BooleanField(default=True)
    #: seconds a job may read UNKNOWN before it alerts (0: never)
    unknown_after = fields.IntField(default=0)
    enabled = fields.BooleanField(default=True)

    class Meta:
        table = "t_alert_rule"


class AlertIncident(Audited):
    """One incident of one rule on one job: opened, notified, resolved, notified again (each once)."""

    rule: fields.ForeignKeyRelation[AlertRule] = fields.ForeignKeyField(
        "models.AlertRule", related_name="incidents", on_delete=fields.CASCADE
    )
    rule_id: int
    job_id = fields.BigIntField(db_index=True)
    kind = fields.CharField(max_length=16)  # failed, lost, unknown
    detail = fields.TextField(null=True)
    opened_at = fields.DatetimeField()
    resolved_at = fields.DatetimeField(null=True)
    #: notified: none, opened, resolved (how far the notifications have got)
    notified = fields.CharField(max_length=16, default="none")
    #: a replica delivering a notification holds it until then (another takes it over after)
    claimed_until = fields.DatetimeField(null=True)
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)

    class Meta:
        table = "t_alert_incident"
