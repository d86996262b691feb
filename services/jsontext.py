"""Reading JSON from users strictly: no NaN or Infinity (Python's json reads them, JSON has none), and nested
no deeper than a limit, so a hostile document costs neither a RecursionError nor a row named "nan"."""

from __future__ import annotations

import json
from typing import Any

from hlink.services.errors import ValidationFailed

#: how deep a JSON document may nest (the documented bodies nest four levels, real schemas a dozen or so)
MAX_JSON_DEPTH = 64
#: the longest JSON document read (the documented bodies are a few KB)
MAX_JSON_BYTES = 16 * 1024 * 1024


def no_constant(name: str) -> Any:
    """``parse_constant`` for json.loads: NaN, Infinity and -Infinity are not JSON numbers."""
    raise ValueError(f"{name} is not a JSON number")


def parse_json(raw: bytes | str, field: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Strict JSON (no NaN or Infinity), at most :data:`MAX_JSON_BYTES` long and nested at most ``max_depth``
    levels, or a ValidationFailed on ``field``."""
    if len(raw) > MAX_JSON_BYTES:
        raise ValidationFailed({field: f"is longer than {MAX_JSON_BYTES // (1024 * 1024)} MB of JSON"})
    try:
        value = json.loads(raw, parse_constant=no_constant)
    except RecursionError:
        raise ValidationFailed({field: f"is nested too deeply (at most {max_depth} levels)"}) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ValidationFailed({field: f"malformed JSON: {err}"}) from None
    except ValueError as err:
        raise ValidationFailed({field: f"malformed JSON: {err}"}) from None
    if depth_over(value, max_depth):
        raise ValidationFailed({field: f"is nested too deeply (at most {max_depth} levels)"})
    return value


def depth_over(value: Any, limit: int) -> bool:
    """Whether a parsed JSON value nests deeper than ``limit`` (iterative: no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False
