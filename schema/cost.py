"""What a GraphQL query may cost, estimated before it runs (HLINK_GRAPHQL_MAX_COST).

Each field costs one, times the sizes of the lists above it: a field's ``limit`` argument (its variable's
value, or the page cap when it is not given a number) is the size of the list it answers. A list without one
counts as what it can hold: a datasource's columns and properties, a job's mapping and savepoints as the
largest such list stored (services/sizes.py; columns are capped on save), at least :data:`UNBOUNDED_LIST`; a
column's children as one each (all the children of a tree's columns are columns of the same datasource,
counted once above). Introspection is priced as the schema's own lists are long. Fields that ask Flink or build
a script weigh :data:`HEAVY`, and an operation may hold at most :data:`MAX_FLINK_FIELDS` of the first and
:data:`MAX_BUILDS` of the second. A query over a limit is refused with one error naming its cost, and nothing
of it runs (the sizes are read only for a query the cheapest estimate lets through).
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Iterator, Mapping
from functools import cache
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

from hlink.services import sizes
from hlink.services.policy import Policy
from hlink.services.sizes import Sizes

#: the least a list without a ``limit`` argument is taken to hold
UNBOUNDED_LIST = 5
#: fields that call Flink (upgradePreview: the SQL runner reads the restore point's metadata), and fields
#: that build a job's script or a datasource's DDL
FLINK_FIELDS = frozenset({"overview", "flinkView", "preview", "previewRows", "upgradePreview"})
BUILD_FIELDS = frozenset({"script", "ddl"})
#: fields whose ``limit`` bounds rows answered as JSON inside one object, not a list of objects below it
UNSIZED = frozenset({"preview", "previewRows"})
HEAVY = 1000
#: the most fields of one operation that may ask Flink (each is a call), and that may build a script
MAX_FLINK_FIELDS = 20
MAX_BUILDS = 100
#: lists without a limit whose size the stored rows say, by (type, field): the kind of :class:`Sizes`
SIZED = {
    ("Datasource", "columns"): "columns",
    ("Datasource", "allColumns"): "columns",
    ("Datasource", "properties"): "properties",
    ("Job", "mappings"): "mappings",
    ("Job", "sources"): "mappings",
    ("Job", "sideTables"): "mappings",
    ("Job", "sinks"): "mappings",
    ("Job", "savepoints"): "savepoints",
}
#: lists whose items, summed over every parent, are bounded by a list counted above them
ONE_EACH = frozenset({("Column", "children")})
#: the deepest nesting the estimate follows (the depth limiter refuses deeper documents anyway)
_MAX_DEPTH = 32
_META = {"__schema": SchemaMetaFieldDef, "__type": TypeMetaFieldDef}


@cache
def _introspection_sizes(schema: GraphQLSchema) -> dict[tuple[str, str], int]:
    """How long the introspection lists are in this schema: types, and the mean per type (or field) of the
    lists inside them, so that a whole introspection is priced about as large as its answer."""
    types = list(schema.type_map.values())
    fields = [f for t in types for f in (getattr(t, "fields", None) or {}).values()]
    per_type = len(types) or 1

    def mean(total: int, over: int) -> int:
        return max(1, math.ceil(total / max(over, 1)))

    return {
        ("__Schema", "types"): len(types),
        ("__Schema", "directives"): len(schema.directives),
        ("__Type", "fields"): mean(len(fields), per_type),
        ("__Type", "inputFields"): mean(len(fields), per_type),
        ("__Type", "enumValues"): mean(sum(len(getattr(t, "values", None) or {}) for t in types), per_type),
        ("__Type", "interfaces"): mean(sum(len(getattr(t, "interfaces", None) or ()) for t in types), per_type),
        ("__Type", "possibleTypes"): mean(sum(len(getattr(t, "types", None) or ()) for t in types), per_type),
        ("__Field", "args"): mean(sum(len(getattr(f, "args", None) or {}) for f in fields), len(fields)),
        ("__Directive", "args"): mean(sum(len(d.args) for d in schema.directives), len(schema.directives)),
        ("__Directive", "locations"): mean(sum(len(d.locations) for d in schema.directives), len(schema.directives)),
    }


class QueryCost:
    """The estimate of one operation against one schema; without ``sizes``, the stored lists count as
    :data:`UNBOUNDED_LIST` (the least they are priced at) and :attr:`sized` says whether any was met."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Any,
        page_cap: int,
        stored: Sizes | None = None,
    ) -> None:
        self.schema = schema
        #: the largest page (HLINK_PAGE_CAP): what a ``limit`` counts at most
        self.page_cap = page_cap
        self.fragments = fragments
        self.variables = variables if isinstance(variables, dict) else {}
        self.stored = stored
        self.sized = False
        self.flink_calls = 0
        self.builds = 0

    def of(self, operation: OperationDefinitionNode) -> int:
        root = self.schema.get_root_type(operation.operation)
        return self._selections(root, operation.selection_set, 1, 0) if root is not None else 0

    def _selections(self, parent: GraphQLObjectType, selections: SelectionSetNode, times: int, depth: int) -> int:
        total = 0
        for field in self._fields(selections, depth):
            name = field.name.value
            definition = _META.get(name) if depth == 0 else None
            definition = definition or parent.fields.get(name)
            if definition is None:  # __typename
                continue
            weight = 1
            if name in FLINK_FIELDS:
                weight, self.flink_calls = HEAVY, self.flink_calls + times
            elif name in BUILD_FIELDS:
                weight, self.builds = HEAVY, self.builds + times
            total += weight * times
            if field.selection_set is None:
                continue
            inner = get_named_type(definition.type)
            if isinstance(inner, GraphQLObjectType):
                # a page's items are as many as the page's limit, counted at the page already
                paged = "totalCount" in parent.fields or name in UNSIZED
                size = 1 if paged else self._size(parent, field, definition)
                total += self._selections(inner, field.selection_set, times * size, depth + 1)
        return total

    def _fields(self, selections: SelectionSetNode, depth: int) -> Iterator[FieldNode]:
        if depth > _MAX_DEPTH:
            return
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                yield from self._fields(selection.selection_set, depth + 1)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    yield from self._fields(fragment.selection_set, depth + 1)

    def _size(self, parent: GraphQLObjectType, field: FieldNode, definition: GraphQLField) -> int:
        """How many items the field answers: its ``limit`` (as given, else its default), else what the list can
        hold, else one."""
        for argument in field.arguments or ():
            if argument.name.value != "limit":
                continue
            value: Any = argument.value
            if isinstance(value, IntValueNode):
                return max(0, min(int(value.value), self.page_cap))
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                return max(0, min(given, self.page_cap)) if isinstance(given, int) else self.page_cap
        declared = definition.args.get("limit")
        if declared is not None and isinstance(declared.default_value, int):
            return max(0, min(declared.default_value, self.page_cap))
        kind = definition.type
        unwrapped = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
        if not isinstance(unwrapped, GraphQLList):
            return 1
        key = (parent.name, field.name.value)
        if parent.name.startswith("__"):
            return _introspection_sizes(self.schema).get(key, UNBOUNDED_LIST)
        if key in ONE_EACH:
            return 1
        if key in SIZED:
            self.sized = True
            held = getattr(self.stored, SIZED[key]) if self.stored is not None else 0
            return max(UNBOUNDED_LIST, held)
        return UNBOUNDED_LIST


class CostLimiter(SchemaExtension):
    """Refuses an operation whose estimated cost is over ``max_cost`` before it executes; a ``limit`` counts at
    most the policy's page cap, a datasource's columns at most its ``max_columns``."""

    def __init__(self, *, max_cost: int, policy: Policy) -> None:
        self.max_cost = max_cost
        self.policy = policy

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            chosen = [o for o in operations if context.operation_name in (None, o.name.value if o.name else None)]
            if chosen:
                cap = self.policy.page_cap
                estimate = QueryCost(context.schema._schema, fragments, context.variables, cap)
                cost = estimate.of(chosen[0])
                if cost <= self.max_cost and estimate.sized:  # the stored sizes can only raise it
                    stored = await sizes.largest(self.policy.max_columns)
                    estimate = QueryCost(context.schema._schema, fragments, context.variables, cap, stored)
                    cost = estimate.of(chosen[0])
                self.check(estimate, cost)
        yield

    def check(self, estimate: QueryCost, cost: int) -> None:
        """Raise the refusal when the estimate is over a limit (raised, not set as the result: Strawberry's
        subscriptions ignore a result set here)."""
        if cost > self.max_cost:
            message = (
                f"the query would cost about {cost:,} (fields times the sizes of the lists above them); the "
                f"limit is {self.max_cost:,} (HLINK_GRAPHQL_MAX_COST): ask for smaller pages or fewer fields"
            )
            raise GraphQLError(message, extensions={"code": "QUERY_TOO_COSTLY", "cost": cost})
        for count, limit, what in (
            (estimate.flink_calls, MAX_FLINK_FIELDS, "fields that ask Flink (overview, flinkView)"),
            (estimate.builds, MAX_BUILDS, "fields that build a script (script, ddl)"),
        ):
            if count > limit:
                message = f"the query would ask for up to {count:,} {what}; at most {limit} may be asked at once"
                raise GraphQLError(message, extensions={"code": "QUERY_TOO_COSTLY", "cost": cost})
