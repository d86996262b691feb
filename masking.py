"""Secrets recognised by what they are, and masked wherever they are shown: connector options named like a
password, secret, token, key, JAAS configuration or credentials; credentials inside URLs (``user:pass@`` and
``password=`` parameters); and the same inside SQL text (a user's own DDL, a job's script). Only the script
sent to Flink carries them in clear.
"""

from __future__ import annotations

import re

MASK = "******"
_NAMED = re.compile(
    r"passw|pwd|secret|token|jaas|credential|private|user[-_.]?info|authoriz|bearer|connection[-_.]?string"
    r"|signature|(^|[._-])(auth|sig|sas)($|[._-])",
    re.I,
)
#: a name whose last part is a key (access.key, api-key, ssl.keystore ... not key.format or key.fields)
_KEY = re.compile(r"(^|[._-])(api|access|secret|private|auth|signing|encryption)?[._-]?key(store)?$", re.I)
#: ``scheme://user:password@host``: the password runs to the last ``@`` before a host (it may hold ``@``, a quote
#: or a blank), never across a line or the end of an SQL option (``',``); one holding a ``/`` holds none of those
_URL_USER = re.compile(
    r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s'\"?#]*:)(?P<secret>(?:(?!'\s*[,)])[^/\n])+|[^@\s']+)(?=@[\w.\-\[\]:]+(?:[/?#'\"\s,;)]|$))",
    re.I,
)
#: Oracle's thin URL: jdbc:oracle:thin:user/password@host
_ORACLE_USER = re.compile(r"(?P<head>:thin:[^/@\s']+/)(?P<secret>[^@\s']+)(?=@)", re.I)
_URL_PARAM = re.compile(
    r"(?P<head>(?:^|[?&;\s'\"])(?:password|passwd|pass|pwd|secret|token|access[_-]?key|access[_-]?token|api[_-]?key"
    r"|sig|signature|shared[_-]?access[_-]?key|shared[_-]?access[_-]?signature|account[_-]?key|auth)=)"
    r"(?P<secret>[^&;\s'\"]+)",
    re.I,
)
#: a program argument naming a secret, and its value: ``--password x``, ``--api-key=x``, ``-Dtoken=x``
_ARGUMENT = re.compile(
    r"(?P<head>(?:^|\s)(?:--?|-D)(?P<name>[\w.\-]+)(?:=|\s+))(?P<secret>\"[^\"]*\"|'[^']*'|[^\s=-]\S*)", re.I
)
_GAP = r"(?:\s|/\*.*?\*/|--[^\n]*\n)*"  # blanks and comments between an option's key, = and value
#: one SQL string literal: '...' with doubled quotes, U&'...' or E'...', and literals written next to each other
#: (which SQL joins into one)
_LITERAL = rf"(?:U&|E)?'(?:[^']|'')*'(?:{_GAP}'(?:[^']|'')*')*"
_OPTION = re.compile(rf"'(?P<key>(?:[^']|'')*)'(?P<eq>{_GAP}={_GAP})(?P<value>{_LITERAL})", re.S | re.I)


def is_secret(name: str) -> bool:
    """Whether an option or field of this name holds a secret."""
    return bool(_NAMED.search(name) or _KEY.search(name.strip()))


def mask_text(value: str) -> str:
    """A value with the credentials inside any URL in it masked."""
    value = _URL_USER.sub(lambda m: m.group("head") + MASK, value)
    value = _ORACLE_USER.sub(lambda m: m.group("head") + MASK, value)
    return _URL_PARAM.sub(lambda m: m.group("head") + MASK, value)


def mask_arguments(program: str) -> str:
    """A JAR job's program arguments with the values of those named like a secret masked (and URL credentials)."""

    def one(match: re.Match[str]) -> str:
        return match.group("head") + MASK if is_secret(match.group("name")) else match.group(0)

    return mask_text(_ARGUMENT.sub(one, program))


#: stored fields that may carry credentials, and how each is shown (both faces go through :func:`shown`)
_SHOWN_FIELDS = {
    "address": mask_text,  # a cluster's, http://user:password@jm:8081
    "program": mask_arguments,  # a JAR job's arguments: --password x
    "savepoint_path": mask_text,  # s3://key:secret@bucket/...
    "state_savepoints_dir": mask_text,
    "checkpoint_statebackend_path": mask_text,
}


def shows_masked(field: str) -> bool:
    """Whether a stored field of this name may carry credentials (:func:`shown` masks them)."""
    return field in _SHOWN_FIELDS


def shown(field: str, value: object) -> object:
    """A stored field's value as it leaves hlink: with the secrets it may carry masked (the one rule of both
    faces for stored rows; connector properties and SQL text have their own functions here)."""
    masking = _SHOWN_FIELDS.get(field)
    return masking(value) if masking is not None and isinstance(value, str) and value else value


def mask_value(name: str, value: str) -> str:
    """How an option's value is shown: the mask for a secret, else with URL credentials masked."""
    if not value:
        return value
    return MASK if is_secret(name) else mask_text(value)


def mask_sql(sql: str) -> str:
    """SQL text with every ``'option' = 'value'`` pair's secret masked (and URL credentials anywhere)."""

    def one(match: re.Match[str]) -> str:
        key, value = match.group("key"), match.group("value")
        empty = value == "''"
        shown = f"'{MASK}'" if is_secret(key.replace("''", "'")) and not empty else value
        return f"'{key}'{match.group('eq')}{shown}"

    return mask_text(_OPTION.sub(one, sql))
