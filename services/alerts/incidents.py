"""Incidents: a job that is failed, lost, or UNKNOWN for longer than a rule allows opens one incident per rule
(a partial unique index keeps it one, whichever replica looks); it resolves when the job no longer is. Each
incident is notified once when it opens and once when it resolves: a replica claims the notification for a
minute (a compare-and-set), delivers it with retries, and marks it sent; one it cannot deliver is tried again
at the next evaluation, up to :data:`MAX_ATTEMPTS`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError

from hlink.masking import mask_sql
from hlink.models import AlertChannel, AlertIncident, AlertRule, Job, JobRun
from hlink.models.status import FAILED, LOST, UNKNOWN
from hlink.services.alerts.delivery import NotDelivered, deliver
from hlink.services.alerts.messages import body_of, text_of

log = logging.getLogger("hlink.alerts")
CLAIM = timedelta(seconds=60)
MAX_ATTEMPTS = 10


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Evaluation:
    """What one evaluation did."""

    opened: list[int] = field(default_factory=list)
    resolved: list[int] = field(default_factory=list)
    sent: list[tuple[int, str]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)


def _kind_of(rule: AlertRule, job: Job, now: datetime) -> str | None:
    """What about the job the rule alerts on now, if anything."""
    if rule.on_lost and job.flink_state == LOST:
        return "lost"
    if rule.on_failed and job.job_status == FAILED and job.flink_state != LOST:
        return "failed"
    if rule.unknown_after and job.flink_state == UNKNOWN:
        since = job.status_time or job.modify_time
        if since is not None and now - since > timedelta(seconds=rule.unknown_after):
            return "unknown"
    return None


async def evaluate() -> Evaluation:
    """Open and resolve incidents from the jobs' stored states, then send what is due."""
    done = Evaluation()
    now = _now()
    rules = await AlertRule.filter(enabled=True)
    if rules:
        jobs = await Job.filter(del_flag=1).only("id", "job_status", "flink_state", "status_time", "modify_time")
        for rule in rules:
            await _rule(rule, jobs, now, done)
    await _notify(done)
    return done


async def _rule(rule: AlertRule, jobs: list[Job], now: datetime, done: Evaluation) -> None:
    open_ones = {i.job_id: i for i in await AlertIncident.filter(rule_id=rule.id, resolved_at__isnull=True)}
    for job in jobs:
        kind = _kind_of(rule, job, now)
        incident = open_ones.get(job.id)
        if kind is not None and incident is None:
            run = await JobRun.filter(job_id=job.id).order_by("-id").only("id", "failure").first()
            detail = mask_sql(run.failure)[:2000] if run is not None and run.failure else None
            try:
                made = await AlertIncident.create(
                    rule_id=rule.id, job_id=job.id, kind=kind, detail=detail, opened_at=now, notified="none"
                )
            except IntegrityError:  # another replica opened it a moment ago
                continue
            done.opened.append(made.id)
        elif kind is None and incident is not None:
            if await AlertIncident.filter(id=incident.id, resolved_at__isnull=True).update(resolved_at=now):
                done.resolved.append(incident.id)


async def _notify(done: Evaluation) -> None:
    """Send each due notification: an opened incident not yet announced, a resolved one not yet cleared."""
    now = _now()
    due = await AlertIncident.filter(attempts__lt=MAX_ATTEMPTS).exclude(notified="resolved")
    for incident in due:
        status = "resolved" if incident.resolved_at is not None else "firing"
        if status == "firing" and incident.notified == "opened":
            continue
        if status == "resolved" and incident.notified == "none":
            # resolved before anyone heard it opened: nothing to tell
            await AlertIncident.filter(id=incident.id).update(notified="resolved")
            continue
        claimed = await AlertIncident.filter(id=incident.id, notified=incident.notified).filter(
            claimed_until__isnull=True
        ).update(claimed_until=now + CLAIM) or await AlertIncident.filter(
            id=incident.id, notified=incident.notified, claimed_until__lt=now
        ).update(claimed_until=now + CLAIM)
        if not claimed:
            continue  # another replica is sending it
        await _send(incident, status, done)


async def _send(incident: AlertIncident, status: str, done: Evaluation) -> None:
    rule = await AlertRule.get(id=incident.rule_id)
    channel = await AlertChannel.get(id=rule.channel_id)
    job = await Job.get_or_none(id=incident.job_id).only("id", "job_name", "flink_job_id", "flink_state")
    name = job.job_name if job else "deleted"
    event = {
        "status": status,
        "rule": rule.name,
        "job": {"id": incident.job_id, "name": name, "flinkJobId": job.flink_job_id if job else None},
        "kind": incident.kind,
        "state": job.flink_state if job else None,
        "openedAt": incident.opened_at.isoformat(),
        "resolvedAt": incident.resolved_at.isoformat() if incident.resolved_at else None,
        "text": text_of(status, name, incident.job_id, incident.kind, incident.detail),
    }
    try:
        await deliver(channel.url, body_of(channel.kind, event))
    except NotDelivered as error:
        await AlertIncident.filter(id=incident.id).update(
            claimed_until=None, attempts=incident.attempts + 1, last_error=str(error)
        )
        log.warning("alert %s of job %s not delivered: %s", incident.id, incident.job_id, error)
        done.failed.append((incident.id, str(error)))
        return
    sent = "resolved" if status == "resolved" else "opened"
    await AlertIncident.filter(id=incident.id).update(notified=sent, claimed_until=None, last_error=None)
    log.info("alert %s of job %s %s sent to %s", incident.id, incident.job_id, status, channel.name)
    done.sent.append((incident.id, status))
