"""Secrets recognised by what they are, and masked wherever they are shown: connector options named like a
password, secret, token, key, JAAS configuration or credentials; credentials inside URLs (``user:pass@`` and
``password=`` parameters); and the same inside SQL text (a user's own DDL, a job's script). Only the script
sent to Flink carries them in clear.
"""

from __future__ import annotations

import re

MASK = "******"
_NAMED = re.compile(r"passw|pwd|secret|token|jaas|credential|private|user[-_.]?info", re.I)
#: a name whose last part is a key (access.key, api-key, ssl.keystore ... not key.format or key.fields)
_KEY = re.compile(r"(^|[._-])(api|access|secret|private|auth|signing|encryption)?[._-]?key(store)?$", re.I)
_URL_USER = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s'?#]*:)(?P<secret>[^@\s']+)(?=@)", re.I)
#: Oracle's thin URL: jdbc:oracle:thin:user/password@host
_ORACLE_USER = re.compile(r"(?P<head>:thin:[^/@\s']+/)(?P<secret>[^@\s']+)(?=@)", re.I)
_URL_PARAM = re.compile(
    r"(?P<head>[?&;](?:password|passwd|pass|pwd|secret|token|access[_-]?key)=)(?P<secret>[^&;\s']+)", re.I
)
_GAP = r"(?:\s|/\*.*?\*/|--[^\n]*\n)*"  # blanks and comments between an option's key, = and value
_OPTION = re.compile(rf"'(?P<key>(?:[^']|'')*)'(?P<eq>{_GAP}={_GAP})'(?P<value>(?:[^']|'')*)'", re.S)


def is_secret(name: str) -> bool:
    """Whether an option or field of this name holds a secret."""
    return bool(_NAMED.search(name) or _KEY.search(name.strip()))


def mask_text(value: str) -> str:
    """A value with the credentials inside any URL in it masked."""
    value = _URL_USER.sub(lambda m: m.group("head") + MASK, value)
    value = _ORACLE_USER.sub(lambda m: m.group("head") + MASK, value)
    return _URL_PARAM.sub(lambda m: m.group("head") + MASK, value)


def mask_value(name: str, value: str) -> str:
    """How an option's value is shown: the mask for a secret, else with URL credentials masked."""
    if not value:
        return value
    return MASK if is_secret(name) else mask_text(value)


def mask_sql(sql: str) -> str:
    """SQL text with every ``'option' = 'value'`` pair's secret masked (and URL credentials anywhere)."""

    def one(match: re.Match[str]) -> str:
        key, value = match.group("key"), match.group("value")
        shown = MASK if is_secret(key.replace("''", "'")) and value else value
        return f"'{key}'{match.group('eq')}'{shown}'"

    return mask_text(_OPTION.sub(one, sql))
