"""What each kind of channel receives: a generic JSON object, or the body DingTalk, WeCom and Slack robots take."""

from __future__ import annotations

from typing import Any

KINDS = ("webhook", "dingtalk", "wecom", "slack")


def text_of(status: str, job_name: str, job_id: int, kind: str, detail: str | None) -> str:
    """One line people read: what happened to which job."""
    what = {"failed": "failed", "lost": "was lost by its cluster", "unknown": "reads UNKNOWN"}.get(kind, kind)
    if status == "resolved":
        return f"[hlink RESOLVED] job {job_id} ({job_name}) recovered; it {what} before"
    return f"[hlink ALERT] job {job_id} ({job_name}) {what}" + (f": {detail}" if detail else "")


def body_of(channel_kind: str, event: dict[str, Any]) -> dict[str, Any]:
    """The request body for a channel of ``channel_kind`` about ``event`` (status, job, kind, detail, text)."""
    text = str(event["text"])
    if channel_kind == "dingtalk":
        return {"msgtype": "text", "text": {"content": text}}
    if channel_kind == "wecom":
        return {"msgtype": "text", "text": {"content": text}}
    if channel_kind == "slack":
        return {"text": text}
    return event
