"""What each REST path takes and answers, declared once beside its route: the handler reads its inputs through
the same declarations (:class:`Fields`, :class:`Body`) and rest/openapi.py describes the path from them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from starlette.routing import Route

from hlink.rest.inputs import PageWindow, Query, read_dataclass
from hlink.services.checks import Checks

T = TypeVar("T")
#: a JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12)
Schema = dict[str, Any]
ANY: Schema = {}


@dataclass(frozen=True)
class Fields(Generic[T]):
    """Query parameters named like the fields of a dataclass (camelCase). A field without a default, or named
    in ``required``, must be given; a field's metadata (:func:`rest.inputs.doc`) describes it."""

    cls: type[T]
    required: frozenset[str] = frozenset()
    #: JSON Schema keywords per parameter, for dataclasses shared with GraphQL (the services' filters)
    schemas: Mapping[str, Schema] = field(default_factory=dict)

    def read(self, q: Query) -> T:
        """The dataclass from the request's query (errors gather in ``q``; a missing required value raises)."""
        return q.read(self.cls, self.required)


@dataclass(frozen=True)
class ById:
    """The row a delete or detail path acts on."""

    id: int


BY_ID = Fields(ById)
PAGED = Fields(PageWindow)


@dataclass(frozen=True)
class Body(Generic[T]):
    """A JSON body read into a dataclass by :func:`rest.inputs.read_dataclass` (camelCase keys, ``renames``
    where the document names a field otherwise). ``extra`` are keys the handler reads beside the dataclass,
    ``skip`` the fields it fills from them; ``required`` the keys the checks behind the path insist on."""

    cls: type[T]
    renames: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Schema] = field(default_factory=dict)
    skip: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    #: JSON Schema keywords per key (the codes a setting takes, from the check behind the path)
    schemas: Mapping[str, Schema] = field(default_factory=dict)

    def read(self, body: Any, checks: Checks) -> T:
        """The dataclass from a parsed JSON body (errors gather in ``checks``)."""
        return read_dataclass(self.cls, body, checks, renames=self.renames, skip=self.skip)


@dataclass(frozen=True)
class Operation:
    """One path's description: English summary, the original's Chinese title, its inputs and its answers.

    ``data`` is the schema of the envelope's ``data`` on success (of the text body with ``text``); ``errors``
    the codes of the refusals it answers beside the ones every path may (see rest/openapi.py); ``download`` a
    file instead of the envelope on success, ``text`` a text body."""

    summary: str
    tag: str
    original: str = ""
    description: str = ""
    query: tuple[Fields[Any], ...] = ()
    body: Body[Any] | None = None
    #: multipart file parts: field name → an example of the file's name (its extension is checked)
    files: Mapping[str, str] = field(default_factory=dict)
    data: Schema = field(default_factory=dict)
    errors: tuple[int, ...] = ()
    download: bool = False
    text: bool = False
    public: bool = False
    #: whether it changes anything (a role check, cross-site refusals); by default: every method but GET
    changes: bool | None = None


class ApiRoute(Route):
    """A Starlette route of one method that carries its :class:`Operation`."""

    def __init__(self, path: str, endpoint: Callable[..., Any], method: str, operation: Operation) -> None:
        super().__init__(path, endpoint, methods=[method])
        self.method = method
        self.operation = operation
