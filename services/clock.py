"""The original's clock face: its zone (GMT+8 by default, HLINK_TIME_ZONE) and its ``yyyy-MM-dd HH:mm:ss`` text."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: the zone the original's dates were written in (Jackson's spring.jackson.time-zone=GMT+8): the default of
#: HLINK_TIME_ZONE, whose value each caller passes (services/policy.py)
ORIGINAL_ZONE: tzinfo = timezone(timedelta(hours=8))
TEXT = "%Y-%m-%d %H:%M:%S"
_OFFSET = re.compile(r"^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$")


def parse_zone(raw: str) -> tzinfo:
    """``+08:00``, ``GMT+8``, ``UTC`` or an IANA name (``Asia/Shanghai``); ValueError otherwise."""
    text = raw.strip()
    if text.upper() in ("UTC", "GMT", "Z"):
        return UTC
    if m := _OFFSET.fullmatch(text.upper()):
        sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes > 59:
            raise ValueError(f"not a time zone offset: {raw!r}")
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        hint = "an offset such as +08:00, or a name such as Asia/Shanghai"
        raise ValueError(f"not a time zone: {raw!r} ({hint})") from None


def local(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` in ``zone`` (a naive one is read as UTC, as stored)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)


def text(moment: datetime, zone: tzinfo) -> str:
    """``yyyy-MM-dd HH:mm:ss`` in ``zone``."""
    return local(moment, zone).strftime(TEXT)


def now_local(zone: tzinfo) -> datetime:
    return datetime.now(UTC).astimezone(zone)
