"""Settings from environment variables prefixed HLINK_ (listed in the README)."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from hlink.flink.local import FLINK_VERSION
from hlink.services.allowlist import AllowList
from hlink.services.clock import parse_zone
from hlink.services.policy import Policy


@dataclass(frozen=True)
class Settings:
    """Everything configurable; build it with :func:`load_settings`."""

    data_dir: Path
    database_url: str
    storage_dir: Path
    host: str = "127.0.0.1"
    port: int = 8086
    cors_origins: tuple[str, ...] = ()
    max_upload_bytes: int = 256 * 1024 * 1024
    page_cap: int = 500
    #: columns (nested ones included) one datasource may have: what GraphQL prices a datasource's columns at
    max_columns: int = 1000
    #: HTTP requests one caller runs at a time (more wait their turn); 0: no limit
    caller_concurrency: int = 4
    # GraphQL guards against abusive documents
    max_depth: int = 12
    max_tokens: int = 5000
    max_aliases: int = 30
    #: log lines as ``text`` or ``json`` (one object per line)
    log_format: str = "text"
    #: seconds any HTTP request may take before it is stopped and answered 503 (0: no limit)
    request_timeout: float = 300.0
    #: the largest estimated cost of one GraphQL operation (fields times the list sizes above them)
    max_cost: int = 1_000_000
    #: the local Flink of `hlink flink up` (venv, config, logs, the SQL runner jar)
    flink_dir: Path = Path("data/flink")
    local_flink: bool = True
    local_flink_port: int = 8081
    #: the Flink release `hlink serve` / `hlink flink up` installs from PyPI for the local cluster
    local_flink_version: str = FLINK_VERSION
    #: seconds between two reconciliation cycles; 0 turns the background reconciler off
    reconcile_seconds: float = 10.0
    #: how long the reconciler waits for one cluster's job list before its jobs read UNKNOWN for that cycle
    reconcile_timeout: float = 1.5
    #: savepoints (and retained checkpoints) kept per job; older ones are disposed of through Flink
    savepoint_retention: int = 10
    #: seconds after which a submission whose answer was lost, and which Flink does not know by its pipeline name,
    #: is released (longer than any submission may take, or a slow one on another replica could start twice)
    submission_grace: float = 300.0
    #: seconds a highly available cluster's job manager may answer without listing a job hlink runs there before
    #: the job is LOST (until then it reads UNKNOWN: the new leader may still be recovering it)
    ha_recovery: float = 120.0
    #: seconds a savepoint or stop request waits for Flink before it answers "in progress"; the operation is
    #: followed to completion by the reconciler however long it takes
    operation_wait: float = 60.0
    #: seconds a batch request (runBatch, cancelBatch, restartBatch) works on its jobs before it answers what is
    #: done; the rest goes on, and the reconciler finishes what a process left behind
    batch_wait: float = 120.0
    #: failed sign-ins of one name within 15 minutes after which its sign-ins answer 429 for the rest of the window
    login_max_failures: int = 10
    #: hosts and networks alert receivers may live at, beside loopback (DingTalk, WeCom, Slack ...)
    alert_allow: tuple[str, ...] = ()
    #: the Fernet key secrets are sealed with at rest (else <data dir>/secret.key, made at the first start)
    secret_key: str | None = None
    #: hosts (names, *.domain) and networks (CIDRs) clusters may live at, beside loopback
    cluster_allow: tuple[str, ...] = ()
    #: the first admin's token on a database without users (else one is made, printed and kept in
    #: <data dir>/admin.token); never logged
    admin_token: str | None = None
    #: the zone REST dates (``yyyy-MM-dd HH:mm:ss``) and job codes are written in, as the original (GMT+8)
    time_zone: str = "+08:00"
    #: data previews: the most rows one may return, and how many may run at once per user and per cluster
    preview_max_rows: int = 1000
    preview_per_user: int = 2
    preview_per_cluster: int = 2
    #: hlink's SQL runner jar, built from its source with javac (no Flink needed) and uploaded to each cluster
    runner_jar: Path = Path("data/runner/hlink-sql-runner.jar")

    def policy(self) -> Policy:
        """The limits and lists requests and the reconciler apply, as the app hands them on."""
        return Policy(
            page_cap=self.page_cap,
            zone=parse_zone(self.time_zone),
            max_columns=self.max_columns,
            request_seconds=self.request_timeout or math.inf,
            login_max_failures=self.login_max_failures,
            clusters=AllowList.parse(self.cluster_allow),
            alert_receivers=AllowList.parse(self.alert_allow, "HLINK_ALERT_ALLOW"),
        )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None


def _zone(env: Mapping[str, str], name: str, default: str) -> str:
    raw = env.get(name) or default
    try:
        parse_zone(raw)
    except ValueError as error:
        raise SystemExit(f"{name}: {error}") from None
    return raw


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a number of seconds, got {raw!r}") from None
    if not 0 < value < 3600:
        raise SystemExit(f"{name} must be between 0 and 3600 seconds, got {raw!r}")
    return value


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    """A number of seconds, 0 included."""
    raw = env.get(name)
    return 0.0 if raw is not None and raw.strip() in ("0", "0.0") else _float(env, name, default)


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    raw = (env.get(name) or choices[0]).strip().lower()
    if raw not in choices:
        raise SystemExit(f"{name} must be one of {', '.join(choices)}, got {raw!r}")
    return raw


def _secret_key(raw: str) -> str | None:
    from cryptography.fernet import Fernet

    if not raw.strip():
        return None
    try:
        Fernet(raw.strip())
    except ValueError:
        raise SystemExit(
            "HLINK_SECRET_KEY must be a Fernet key (32 bytes, URL-safe base64), e.g. the output of "
            '`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`'
        ) from None
    return raw.strip()


def _allow_list(raw: str, setting: str = "HLINK_CLUSTER_ALLOW") -> tuple[str, ...]:
    entries = tuple(e.strip() for e in raw.split(",") if e.strip())
    try:
        AllowList.parse(entries, setting)
    except ValueError as error:
        raise SystemExit(str(error)) from None
    return entries


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read HLINK_* variables (from ``env`` or the process environment) with embedded defaults."""
    e = os.environ if env is None else env
    data_dir = Path(e.get("HLINK_DATA_DIR") or "data").resolve()
    return Settings(
        data_dir=data_dir,
        database_url=e.get("HLINK_DATABASE_URL") or f"sqlite://{data_dir / 'hlink.sqlite3'}",
        storage_dir=Path(e.get("HLINK_STORAGE_DIR") or data_dir / "storage").resolve(),
        host=e.get("HLINK_HOST") or "127.0.0.1",
        port=_int(e, "HLINK_PORT", 8086),
        cors_origins=tuple(o.strip() for o in (e.get("HLINK_CORS_ORIGINS") or "").split(",") if o.strip()),
        max_upload_bytes=_int(e, "HLINK_MAX_UPLOAD_MB", 256) * 1024 * 1024,
        page_cap=_int(e, "HLINK_PAGE_CAP", 500),
        max_columns=max(1, _int(e, "HLINK_MAX_COLUMNS", 1000)),
        caller_concurrency=max(0, _int(e, "HLINK_CALLER_CONCURRENCY", 4)),
        max_cost=_int(e, "HLINK_GRAPHQL_MAX_COST", 1_000_000),
        request_timeout=_seconds(e, "HLINK_REQUEST_TIMEOUT", 300.0),
        log_format=_choice(e, "HLINK_LOG_FORMAT", ("text", "json")),
        flink_dir=Path(e.get("HLINK_FLINK_DIR") or data_dir / "flink").resolve(),
        local_flink=(e.get("HLINK_LOCAL_FLINK") or "1").strip().lower() not in ("0", "false", "no", "off"),
        local_flink_port=_int(e, "HLINK_LOCAL_FLINK_PORT", 8081),
        local_flink_version=(e.get("HLINK_LOCAL_FLINK_VERSION") or FLINK_VERSION).strip(),
        reconcile_seconds=float(_int(e, "HLINK_RECONCILE_SECONDS", 10)),
        reconcile_timeout=_float(e, "HLINK_RECONCILE_TIMEOUT", 1.5),
        savepoint_retention=max(1, _int(e, "HLINK_SAVEPOINT_RETENTION", 10)),
        submission_grace=_float(e, "HLINK_SUBMISSION_GRACE", 300.0),
        ha_recovery=_float(e, "HLINK_HA_RECOVERY_SECONDS", 120.0),
        operation_wait=_seconds(e, "HLINK_OPERATION_WAIT", 60.0),
        batch_wait=_seconds(e, "HLINK_BATCH_WAIT", 120.0),
        admin_token=(e.get("HLINK_ADMIN_TOKEN") or "").strip() or None,
        login_max_failures=max(1, _int(e, "HLINK_LOGIN_MAX_FAILURES", 10)),
        time_zone=_zone(e, "HLINK_TIME_ZONE", "+08:00"),
        cluster_allow=_allow_list(e.get("HLINK_CLUSTER_ALLOW") or ""),
        alert_allow=_allow_list(e.get("HLINK_ALERT_ALLOW") or "", "HLINK_ALERT_ALLOW"),
        secret_key=_secret_key(e.get("HLINK_SECRET_KEY") or ""),
        preview_max_rows=max(1, _int(e, "HLINK_PREVIEW_MAX_ROWS", 1000)),
        preview_per_user=max(1, _int(e, "HLINK_PREVIEW_PER_USER", 2)),
        preview_per_cluster=max(1, _int(e, "HLINK_PREVIEW_PER_CLUSTER", 2)),
        runner_jar=Path(e.get("HLINK_RUNNER_JAR") or data_dir / "runner" / "hlink-sql-runner.jar").resolve(),
    )
