"""What a GraphQL query may cost, estimated before it runs (HLINK_GRAPHQL_MAX_COST).

Each field costs one, times the sizes of the lists above it: a field's ``limit`` argument (its variable's
value, or the page cap when it is not given a number) is the size of the list it answers, and a list without
one counts as :data:`UNBOUNDED_LIST`. Fields that ask Flink or build a script weigh :data:`HEAVY`. A query over
the maximum is refused with one error naming its cost, and nothing of it runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

from services import paging

#: what a list without a ``limit`` argument is taken to hold (a datasource's columns, a job's mappings ...)
UNBOUNDED_LIST = 5
#: fields that call Flink or build a job's script
HEAVY_FIELDS = frozenset({"overview", "flinkView", "script", "ddl"})
HEAVY = 1000
#: the deepest nesting the estimate follows (the depth limiter refuses deeper documents anyway)
_MAX_DEPTH = 32


class QueryCost:
    """The estimate of one operation against one schema."""

    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode], variables: Any) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables if isinstance(variables, dict) else {}

    def of(self, operation: OperationDefinitionNode) -> int:
        root = self.schema.get_root_type(operation.operation)
        return self._selections(root, operation.selection_set, 1, 0) if root is not None else 0

    def _selections(self, parent: GraphQLObjectType, selections: SelectionSetNode, times: int, depth: int) -> int:
        total = 0
        for field in self._fields(selections, depth):
            definition = parent.fields.get(field.name.value)
            if definition is None:  # __typename and introspection: free
                continue
            weight = HEAVY if field.name.value in HEAVY_FIELDS else 1
            total += weight * times
            if field.selection_set is None:
                continue
            inner = get_named_type(definition.type)
            if isinstance(inner, GraphQLObjectType):
                # a page's items are as many as the page's limit, counted at the page already
                size = 1 if "totalCount" in parent.fields else self._size(field, definition)
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

    def _size(self, field: FieldNode, definition: GraphQLField) -> int:
        """How many items the field answers: its ``limit`` (as given, else its default), else a list's assumed
        size, else one."""
        for argument in field.arguments or ():
            if argument.name.value != "limit":
                continue
            value: Any = argument.value
            if isinstance(value, IntValueNode):
                return max(0, min(int(value.value), paging.PAGE_CAP))
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                return max(0, min(given, paging.PAGE_CAP)) if isinstance(given, int) else paging.PAGE_CAP
        declared = definition.args.get("limit")
        if declared is not None and isinstance(declared.default_value, int):
            return max(0, min(declared.default_value, paging.PAGE_CAP))
        kind = definition.type
        unwrapped = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
        if isinstance(unwrapped, GraphQLList):
            return UNBOUNDED_LIST
        return 1


class CostLimiter(SchemaExtension):
    """Refuses an operation whose estimated cost is over ``max_cost`` before it executes."""

    def __init__(self, *, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            chosen = [o for o in operations if context.operation_name in (None, o.name.value if o.name else None)]
            estimate = QueryCost(context.schema._schema, fragments, context.variables)
            cost = max((estimate.of(o) for o in chosen[:1]), default=0)
            if cost > self.max_cost:
                message = (
                    f"the query would cost about {cost:,} (fields times the sizes of the lists above them); the "
                    f"limit is {self.max_cost:,} (HLINK_GRAPHQL_MAX_COST): ask for smaller pages or fewer fields"
                )
                # raised, not set as the result: Strawberry's subscriptions ignore a result set here
                raise GraphQLError(message, extensions={"code": "QUERY_TOO_COSTLY", "cost": cost})
        yield
