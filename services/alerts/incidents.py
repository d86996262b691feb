"""Incidents: a job that is failed, lost, or UNKNOWN for longer than a rule allows opens one incident per rule
(a partial unique index keeps it one); it resolves when the job no longer is. Each incident is notified once when
it opens and once when it resolves: a replica claims the notification for a minute (a compare-and-set), delivers
it with retries, and marks it sent; one it cannot deliver is tried again at the next pass, up to
:data:`MAX_ATTEMPTS`.

Rules are evaluated by the reconciler of the replica holding a cluster's lease, over that cluster's jobs only
(:class:`Watch`, one per cycle): a failure or a loss opens its incidents in the very commit of the transition the
reconciler wrote, and after the cycle's writes the rows it holds open the UNKNOWN ones and resolve the jobs that
recovered. No replica reads every job, and no two evaluate one cluster. A rule alerts on what happens after it
exists.
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
from hlink.services.allowlist import AllowList

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


#: a job's columns the rules read
FIELDS = ("id", "cluster_id", "job_status", "flink_state", "status_time", "modify_time")


class Watch:
    """One reconcile cycle's evaluation of the enabled rules over the clusters this replica holds."""

    def __init__(self, rules: list[AlertRule], open_ones: list[AlertIncident], jobs: list[Job]) -> None:
        self.rules = rules
        self._open = {(i.rule_id, i.job_id): i for i in open_ones}
        #: the jobs of the open incidents as the cycle began (the ones it does not hold rows of keep this state)
        self._jobs = {job.id: job for job in jobs}

    @classmethod
    async def start(cls) -> Watch:
        """The enabled rules and their open incidents with their jobs (nothing more when no rule is enabled)."""
        rules = await AlertRule.filter(enabled=True)
        if not rules:
            return cls([], [], [])
        open_ones = await AlertIncident.filter(rule_id__in=[r.id for r in rules], resolved_at__isnull=True)
        ids = {i.job_id for i in open_ones}
        jobs = await Job.filter(id__in=list(ids)).only(*FIELDS) if ids else []
        return cls(rules, open_ones, jobs)

    def clusters(self) -> set[int]:
        """The clusters of the jobs with open incidents: visited like those with active jobs, so an incident
        resolves whatever its job became."""
        return {int(job.cluster_id) for job in self._jobs.values() if job.cluster_id is not None}

    async def opened_by(self, written: list[tuple[Job, str | None]]) -> None:
        """Inside the transaction of the transitions ``written`` (each job as written, with the failure on its
        run): the incidents they open, so none is lost between the write and the evaluation. Conflicts are
        skipped (an incident open already), never raised: the transaction goes on."""
        if not self.rules or not written:
            return
        at = _now()
        made = []
        for job, detail in written:
            for rule in self.rules:
                kind = _kind_of(rule, job, at)
                if kind is None or (rule.id, job.id) in self._open:
                    continue
                incident = AlertIncident(
                    rule_id=rule.id,
                    job_id=job.id,
                    kind=kind,
                    detail=mask_sql(detail)[:2000] if detail else None,
                    opened_at=at,
                    notified="none",
                )
                self._open[(rule.id, job.id)] = incident
                made.append(incident)
                log.info("job %s: rule %s opens an incident (%s)", job.id, rule.name, kind)
        if made:
            await AlertIncident.bulk_create(made, ignore_conflicts=True)

    async def review(self, jobs: list[Job], clusters: set[int]) -> Evaluation:
        """After the cycle's writes: ``jobs`` are the rows it holds of ``clusters`` (as written), which open
        what they now alert on (UNKNOWN long enough); every open incident on ``clusters`` whose job no longer
        alerts resolves (an incident of a deleted job resolves on any replica)."""
        done = Evaluation()
        if not self.rules:
            return done
        at = _now()
        current = {job.id: job for job in self._jobs.values() if job.cluster_id in clusters}
        current.update({job.id: job for job in jobs})
        for rule in self.rules:
            for job in jobs:
                kind = _kind_of(rule, job, at)
                if kind is not None and (rule.id, job.id) not in self._open:
                    await self._open_one(rule, job, kind, at, done)
        for (rule_id, job_id), incident in list(self._open.items()):
            now_is = current.get(job_id)
            if now_is is None and job_id in self._jobs:
                continue  # another replica's cluster
            rule = next(r for r in self.rules if r.id == rule_id)
            if now_is is not None and _kind_of(rule, now_is, at) is not None:
                continue
            # by rule and job, not id: one opened in this cycle's transaction has no id here
            if await AlertIncident.filter(rule_id=rule_id, job_id=job_id, resolved_at__isnull=True).update(
                resolved_at=at
            ):
                done.resolved.append(incident.id or 0)
            self._open.pop((rule_id, job_id))
        return done

    async def _open_one(self, rule: AlertRule, job: Job, kind: str, at: datetime, done: Evaluation) -> None:
        run = await JobRun.filter(job_id=job.id).order_by("-id").only("id", "failure").first()
        detail = mask_sql(run.failure)[:2000] if run is not None and run.failure else None
        try:
            made = await AlertIncident.create(
                rule_id=rule.id, job_id=job.id, kind=kind, detail=detail, opened_at=at, notified="none"
            )
        except IntegrityError:  # open already (a replica that held the cluster a moment ago)
            return
        self._open[(rule.id, job.id)] = made
        log.info("job %s: rule %s opens incident %s (%s)", job.id, rule.name, made.id, kind)
        done.opened.append(made.id)


async def notify(receivers: AllowList) -> Evaluation:
    """Send each due notification to the channels ``receivers`` allows (HLINK_ALERT_ALLOW), in a side task beside
    the reconcile cycle; claimed, so sent once."""
    done = Evaluation()
    await _notify(done, receivers)
    return done


async def _notify(done: Evaluation, receivers: AllowList) -> None:
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
        await _send(incident, status, done, receivers)


async def _send(incident: AlertIncident, status: str, done: Evaluation, receivers: AllowList) -> None:
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
        await deliver(channel.url, body_of(channel.kind, event), receivers)
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
