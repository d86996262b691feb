"""Which stored columns one GraphQL operation reads, worked out once from its document before it runs: a page of
jobs that asks for three fields reads those columns, not every column of every row (a job row has fifty,
and Tortoise converts each, timestamps parsed, JSON plans decoded).

Each type reads the columns of the plain fields asked of it, the columns its edges need (:data:`NEEDS`) and
the keys its rows are grouped and ordered by (:data:`KEYS`); a field not known here (a resolver that hands the
row to a service: a job's script, a datasource's DDL) makes its type read whole rows, and so does any selection
through an interface or union. Only the operation's own loaders read this way (schema/loaders.py
:func:`~hlink.schema.loaders.per_operation`): rows cached across operations are always whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)
from tortoise.models import Model

from hlink import models

#: the GraphQL types read this way, with the model their rows come from
MODELS: dict[str, type[Model]] = {
    "Job": models.Job,
    "Cluster": models.Cluster,
    "JobMapping": models.JobDatasource,
    "Datasource": models.Datasource,
    "Column": models.Column,
}
#: columns a type's rows always carry: the key, and what the loaders group, order and attach by
KEYS: dict[str, tuple[str, ...]] = {
    "Job": ("id",),
    "Cluster": ("id",),
    "JobMapping": ("id", "job_id", "datasource_id", "ds_type", "sort"),
    "Datasource": ("id",),
    "Column": ("id", "datasource_id", "virtual_id", "virtual_pid", "sort"),
}
#: the columns each edge (a field with a resolver, or made by one) reads off its own row
NEEDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Job", "cluster"): ("cluster_id",),
    ("Job", "mappings"): (),
    ("Job", "sources"): (),
    ("Job", "sideTables"): (),
    ("Job", "sinks"): (),
    ("Job", "runs"): (),
    ("Job", "versions"): (),
    ("Job", "upgrades"): (),
    ("Job", "savepoints"): (),
    ("Job", "operations"): (),
    ("Job", "flinkView"): (),
    ("Job", "jar"): ("use_jar",),
    ("Job", "jobStatusName"): ("job_status",),
    ("Job", "jobTypeName"): ("job_type",),
    ("Cluster", "jobs"): (),
    ("Cluster", "jars"): (),
    ("JobMapping", "role"): (),
    ("JobMapping", "datasource"): (),
    ("Datasource", "dsDdl"): ("ds_ddl",),
    ("Datasource", "columns"): (),
    ("Datasource", "allColumns"): (),
    ("Datasource", "properties"): (),
    ("Datasource", "jobs"): (),
    ("Column", "children"): (),
}
#: fields that hand another type's rows to a service whole: (type, field) -> those types
WHOLE_ROWS_OF: dict[tuple[str, str], tuple[str, ...]] = {("Datasource", "ddl"): ("Column",)}

#: the columns of each model an operation reads; a model absent reads whole rows
Columns = Mapping[type[Model], tuple[str, ...]]


@dataclass(frozen=True)
class Selection:
    """What an operation asks for: the columns each model is read with, and the path of field names (aliases
    aside) from the root to every field it selects (what a page may read beforehand for its edges)."""

    columns: Columns = field(default_factory=dict)
    asked: frozenset[tuple[str, ...]] = frozenset()


def selection_of(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> Selection:
    """The selection of this operation."""
    walk = _Walk(schema, fragments)
    root = schema.get_root_type(operation.operation)
    if root is not None:
        walk.selections(root, operation.selection_set, ())
    columns = {
        MODELS[name]: tuple(sorted(set(KEYS[name]) | cols))
        for name, cols in walk.columns.items()
        if name not in walk.whole
    }
    return Selection(columns, frozenset(walk.asked))


class _Walk:
    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode]) -> None:
        self.schema = schema
        self.fragments = fragments
        self.columns: dict[str, set[str]] = {}
        self.whole: set[str] = set()
        self.asked: set[tuple[str, ...]] = set()

    def selections(self, parent: GraphQLObjectType, selections: SelectionSetNode, path: tuple[str, ...]) -> None:
        name = parent.name
        for node in self._fields(parent, selections, len(path)):
            key = node.name.value
            if key.startswith("__"):  # __typename: nothing stored
                continue
            definition = parent.fields.get(key)
            self.asked.add((*path, key))
            if name in MODELS:
                self._read(name, key, definition)
            if definition is None or node.selection_set is None:
                continue
            inner = get_named_type(definition.type)
            if isinstance(inner, GraphQLObjectType):
                self.selections(inner, node.selection_set, (*path, key))
            else:  # an interface or a union: which types it reaches is not worked out here
                self.whole.update(MODELS)

    def _read(self, name: str, key: str, definition: Any) -> None:
        columns = self.columns.setdefault(name, set())
        if (name, key) in NEEDS:
            columns.update(NEEDS[name, key])
            return
        self.whole.update(WHOLE_ROWS_OF.get((name, key), ()))
        stored = _plain_column(definition, MODELS[name])
        if stored is None:
            self.whole.add(name)
        else:
            columns.add(stored)

    def _fields(self, parent: GraphQLObjectType, selections: SelectionSetNode, depth: int) -> Iterator[FieldNode]:
        if depth > 32:  # the depth limiter refuses deeper documents anyway
            return
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode | FragmentSpreadNode):
                fragment = (
                    selection if isinstance(selection, InlineFragmentNode) else self.fragments.get(selection.name.value)
                )
                if fragment is None:
                    continue
                condition = fragment.type_condition.name.value if fragment.type_condition else parent.name
                if condition != parent.name:  # an interface or another type: not worked out here
                    self.whole.update(MODELS)
                yield from self._fields(parent, fragment.selection_set, depth + 1)


def _plain_column(definition: Any, model: type[Model]) -> str | None:
    """The stored column a field without a resolver reads (the same-named attribute), or None."""
    if definition is None:
        return None
    made = (definition.extensions or {}).get("strawberry-definition")
    if made is None or getattr(made, "base_resolver", None) is not None:
        return None
    name = made.python_name
    if name == "id":
        return "id"
    return name if name in model._meta.fields_map and name not in model._meta.fetch_fields else None
