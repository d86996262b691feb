"""Reading query parameters and JSON bodies into the services' input dataclasses, with field errors."""

from __future__ import annotations

import types
import typing
from collections.abc import Collection, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

from starlette.datastructures import FormData, ImmutableMultiDict, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from hlink.limits import FRAMING
from hlink.services.checks import ASCII_INTEGER, Checks, camel
from hlink.services.errors import ValidationFailed
from hlink.services.jsontext import parse_json
from hlink.services.paging import Window, window
from hlink.services.policy import Policy

T = TypeVar("T")
INT64 = 2**63 - 1


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        result = value
    elif isinstance(value, str) and ASCII_INTEGER.fullmatch(value.strip()):
        result = int(value.strip())
    elif isinstance(value, float) and value.is_integer():
        result = int(value)
    else:
        raise ValueError(f"must be an integer, got {value!r}")
    if abs(result) > INT64:
        raise ValueError("is out of range for a 64-bit integer")
    return result


#: PostgreSQL text cannot hold one: nothing stored has it, and nothing may be stored with it
NUL_REFUSED = "must not contain a NUL character"


def _str(value: Any) -> str:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(NUL_REFUSED)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a string, got {type(value).__name__}")
    return str(value)


def _unwrap(hint: Any) -> Any:
    """``X | None`` → X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0]
    return hint


def read_dataclass(
    cls: type[T],
    data: Any,
    checks: Checks,
    where: str = "",
    renames: Mapping[str, str] = {},
    skip: Collection[str] = (),
) -> T:
    """Build ``cls`` from a JSON object keyed by camelCase names; unknown keys are ignored, as Jackson did.
    ``skip`` names fields the caller fills from elsewhere in the body."""
    if not isinstance(data, dict):
        checks.add(where or "body", "must be a JSON object")
        return cls()
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    assert is_dataclass(cls)
    for f in fields(cls):
        if f.name in skip:
            continue
        key = renames.get(f.name, camel(f.name))
        if key not in data or data[key] is None:
            continue
        raw, hint, path = data[key], _unwrap(hints[f.name]), f"{where}{key}"
        if hint is int and isinstance(raw, str) and not raw.strip():
            continue  # a form's empty number field sends "": Jackson read it as null
        try:
            values[f.name] = _convert(hint, raw, checks, path)
        except ValueError as err:
            checks.add(path, str(err))
    return cls(**values)


def _convert(hint: Any, raw: Any, checks: Checks, path: str) -> Any:
    if hint is int:
        return _int(raw)
    if hint is str:
        return _str(raw)
    if typing.get_origin(hint) is list:
        if not isinstance(raw, list):
            raise ValueError("must be a list")
        (item,) = typing.get_args(hint)
        if is_dataclass(item):
            # the document's own example sends [null]: skip null entries
            return [read_dataclass(item, x, checks, f"{path}[{i}].") for i, x in enumerate(raw) if x is not None]  # type: ignore[arg-type]
        return list(raw)
    return raw


FORM_KINDS = ("application/x-www-form-urlencoded", "multipart/form-data")


def _kind(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def form_of(request: Request) -> FormData:
    """The request's form (read once; Starlette keeps it), an oversized multipart body refused before it is
    read, a malformed one named."""
    declared = request.headers.get("content-length", "")
    max_bytes: int = request.app.state.storage.max_bytes
    if _kind(request) == FORM_KINDS[1] and declared.isdigit() and int(declared) > max_bytes + FRAMING:
        raise request.app.state.storage.too_large("body")
    try:
        return await request.form(max_files=1, max_fields=50)
    except HTTPException as err:  # malformed multipart
        raise ValidationFailed({"body": f"unreadable form body: {err.detail}"}) from None


def policy_of(request: Request) -> Policy:
    """The app's limits and lists (services/policy.py), which every path passes to what applies them."""
    policy: Policy = request.app.state.runtime.policy
    return policy


async def read_params(request: Request) -> Query:
    """The plain parameters wherever Spring read them: the query string, an x-www-form-urlencoded body (on PUT
    and DELETE too) and a multipart body's text fields alike, the query string's first."""
    items = list(request.query_params.multi_items())
    if _kind(request) in FORM_KINDS:
        items += [(k, v) for k, v in (await form_of(request)).multi_items() if not isinstance(v, UploadFile)]
    return Query(ImmutableMultiDict(items))


async def json_body(request: Request) -> Any:
    """The parsed JSON body, or a ValidationFailed that says why it could not be read."""
    raw = await request.body()
    if not raw.strip():
        raise ValidationFailed({"body": "a JSON body is required"})
    return parse_json(raw, "body")


class Query:
    """Typed access to query (or path) parameters; errors gather until :meth:`done`."""

    def __init__(self, params: ImmutableMultiDict[str, str] | Mapping[str, str]) -> None:
        self.params = params
        self.checks = Checks()

    def _raw(self, name: str, required: bool) -> str | None:
        value = self.params.get(name)
        if value is None or value == "":
            if required:
                self.checks.add(name, "is required")
            return None
        if "\x00" in value:
            self.checks.add(name, NUL_REFUSED)
            return None
        return value

    def text(self, name: str, required: bool = False) -> str | None:
        return self._raw(name, required)

    def integer(self, name: str, required: bool = False) -> int | None:
        raw = self._raw(name, required)
        if raw is None:
            return None
        try:
            return _int(raw)
        except ValueError as err:
            self.checks.add(name, str(err))
            return None

    def ints(self, name: str) -> list[int]:
        """An array parameter: repeated (ids=1&ids=2), bracketed (ids[]=1) or comma-separated."""
        raw: list[str] = []
        if isinstance(self.params, ImmutableMultiDict):
            raw = self.params.getlist(name) + self.params.getlist(f"{name}[]")
        elif name in self.params:
            raw = [self.params[name]]
        out: list[int] = []
        for chunk in raw:
            for part in chunk.split(","):
                if part.strip():
                    try:
                        out.append(_int(part))
                    except ValueError as err:
                        self.checks.add(name, str(err))
        if not out:
            self.checks.add(name, "at least one id is required")
        return out

    def window(self, cap: int, default_size: int = 10) -> Window:
        """The window of the document's curPage (1-based) and pageSize, at most ``cap`` rows (HLINK_PAGE_CAP)."""
        asked = self.read(PageWindow)
        page = 1 if asked.cur_page is None else asked.cur_page
        size = default_size if asked.page_size is None else asked.page_size
        if page < 1:
            self.checks.add("curPage", f"must be at least 1, got {page}")
            page = 1
        self.done()
        return window(size, (page - 1) * size, cap, limit_field="pageSize", offset_field="curPage")

    def read(self, cls: type[T], required: Collection[str] = ()) -> T:
        """A dataclass from the parameters named like its fields (camelCase). A field without a default, or
        named in ``required``, must be given; a ``list[int]`` field is an array parameter (:meth:`ints`).
        rest/openapi.py describes the parameters from the same dataclass."""
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        missing = False
        assert is_dataclass(cls)
        for f in fields(cls):
            name, hint = camel(f.name), _unwrap(hints[f.name])
            must = name in required or is_required(f)
            value: Any
            if typing.get_origin(hint) is list:
                value = self.ints(name) or None
            elif hint is int:
                value = self.integer(name, must)
            else:
                value = self.text(name, must)
            if value is not None:
                values[f.name] = value
            elif must:
                missing = True
        if missing:
            self.done()  # a required value is absent or unreadable: nothing to build the dataclass from
        return cls(**values)

    def done(self) -> None:
        self.checks.done()


def doc(description: str, **schema: Any) -> dict[str, Any]:
    """Field metadata for a parameter dataclass: its description and JSON Schema keywords (rest/openapi.py)."""
    return {"description": description, "schema": schema}


def is_required(f: Field[Any]) -> bool:
    """A dataclass field without a default: a parameter that must be given."""
    return f.default is MISSING and f.default_factory is MISSING


@dataclass
class PageWindow:
    """The document's paging parameters (read by :meth:`Query.window`)."""

    cur_page: int | None = field(default=None, metadata=doc("the page, from 1 (1 by default)", minimum=1))
    page_size: int | None = field(
        default=None, metadata=doc("rows per page, 1 to HLINK_PAGE_CAP (500 by default); 10 by default", minimum=1)
    )


def required_int(params: Mapping[str, Any], name: str) -> int:
    """One required integer parameter, or a ValidationFailed naming it."""
    q = Query({name: str(params[name])} if params.get(name) is not None else {})
    value = q.integer(name, required=True)
    q.done()
    assert value is not None
    return value


def body_id(body: Any) -> int:
    """The ``id`` of an update body."""
    return required_int(body if isinstance(body, dict) else {}, "id")
