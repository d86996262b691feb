"""Secrets sealed at rest: connector values that are secrets (recognised as masking.py recognises
them for masking) and a user's own DDL that holds one are stored encrypted with Fernet (the ``cryptography``
package: AES-128-CBC with an HMAC), under the key of HLINK_SECRET_KEY or of ``<data dir>/secret.key`` (made,
mode 0600, at the first start). Reading them back opens them; rows written before sealing existed read as they
are. Several replicas must share one key.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from tortoise import fields

from hlink.masking import is_secret, mask_sql, mask_text

PREFIX = "enc:v1:"
_fernet: Fernet | None = None


class SealError(RuntimeError):
    """A sealed value that this key cannot open, or no key to seal with."""


def configure(key: str | bytes) -> None:
    """Seal and open with ``key`` (a Fernet key: 32 bytes, URL-safe base64); ValueError for anything else."""
    global _fernet
    _fernet = Fernet(key)


def write_private(path: Path, data: bytes) -> None:
    """Write a secret to a new file only its owner may read (0600 from its first byte: never chmod after)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # a new file: an old one's permissions would be kept
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)


def key_file(path: Path) -> bytes:
    """The key kept at ``path``, made (mode 0600) when there is none yet."""
    if path.exists():
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    write_private(path, key + b"\n")
    return key


def _key() -> Fernet:
    if _fernet is None:
        given = os.environ.get("HLINK_SECRET_KEY")
        if not given:
            raise SealError("no key to seal secrets with: set HLINK_SECRET_KEY (hlink serve makes one at first start)")
        configure(given)
    assert _fernet is not None
    return _fernet


def seal(text: str) -> str:
    """``text`` encrypted (once: a sealed text stays as it is)."""
    if text.startswith(PREFIX):
        return text
    return PREFIX + _key().encrypt(text.encode("utf-8")).decode("ascii")


def unseal(text: str) -> str:
    """A sealed text opened; any other text as it is."""
    if not text.startswith(PREFIX):
        return text
    try:
        return _key().decrypt(text[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise SealError(
            "a secret stored under another key cannot be read: is HLINK_SECRET_KEY the one it was written with?"
        ) from None


def _secret_value(name: str, value: str) -> bool:
    return is_secret(name) or mask_text(value) != value


def seal_properties(properties: Any) -> Any:
    """Connector entries with their secret values sealed."""
    if not isinstance(properties, list):
        return properties
    return [
        {**p, "fieldValue": seal(p["fieldValue"])}
        if isinstance(p, dict)
        and isinstance(p.get("fieldValue"), str)
        and p["fieldValue"]
        and _secret_value(str(p.get("fieldName", "")), p["fieldValue"])
        else p
        for p in properties
    ]


def open_properties(properties: Any) -> Any:
    """Connector entries with their sealed values opened."""
    if not isinstance(properties, list):
        return properties
    return [
        {**p, "fieldValue": unseal(p["fieldValue"])}
        if isinstance(p, dict) and isinstance(p.get("fieldValue"), str)
        else p
        for p in properties
    ]


class SealedJSONField(fields.JSONField):  # type: ignore[type-arg]
    """A JSON list of connector entries whose secret values are stored sealed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            encoder=lambda value: json.dumps(seal_properties(value)),
            decoder=lambda text: open_properties(json.loads(text)),
            **kwargs,
        )

    def to_python_value(self, value: Any) -> Any:
        return open_properties(super().to_python_value(value))  # also when the driver decoded the JSON itself


def _seal_keys(value: Any, keys: tuple[str, ...], turn: Callable[[str], str]) -> Any:
    if not isinstance(value, dict):
        return value
    return {k: turn(v) if k in keys and isinstance(v, str) and v else v for k, v in value.items()}


class SealedKeysField(fields.JSONField):  # type: ignore[type-arg]
    """A JSON object whose values under ``keys`` are stored sealed (a JAR's program arguments: --password x)."""

    def __init__(self, keys: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(
            encoder=lambda value: json.dumps(_seal_keys(value, keys, seal)),
            decoder=lambda text: _seal_keys(json.loads(text), keys, unseal),
            **kwargs,
        )
        self.sealed_keys = keys

    def to_python_value(self, value: Any) -> Any:
        return _seal_keys(super().to_python_value(value), self.sealed_keys, unseal)  # when the driver decoded it itself


class SealedTextField(fields.TextField):
    """Text stored sealed when it holds a secret (an option named like one, credentials in a URL), or always."""

    def __init__(self, always: bool = False, masking: Callable[[str], str] = mask_sql, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.always = always
        #: how the text is shown: it holds a secret when that changes it (the rule of secrets.py, here too)
        self.masking = masking

    def to_db_value(self, value: Any, instance: Any) -> Any:
        value = super().to_db_value(value, instance)
        if isinstance(value, str) and value and (self.always or self.masking(value) != value):
            return seal(value)
        return value

    def to_python_value(self, value: Any) -> Any:
        value = super().to_python_value(value)
        return unseal(value) if isinstance(value, str) else value
