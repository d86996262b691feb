"""How graphql-core runs hlink's fields: Strawberry's execution context, with a short way for plain leaf fields.

A page answers thousands of fields, most of them a scalar or an enum read off an object's attribute (a field
without a resolver of its own: :func:`hlink.schema.direct_resolvers` marks them). graphql-core's generic path
builds a resolve info, checks for arguments, awaitables and middleware, and unwraps the non-null type for each
of them, which nothing reads for such a field. Here such a field reads its attribute and coerces it as its type
does, and only that; anything else (a null, a value its type refuses, an error, a field with arguments, any
field while extensions wrap resolvers) takes graphql-core's own path, which answers it as it always did.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLField, GraphQLLeafType, GraphQLNonNull, GraphQLObjectType, is_leaf_type
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

#: the key, in a plain leaf field's extensions, of what it reads: its attribute, its leaf type, whether non-null
PLAIN_LEAF = "hlink_plain_leaf"


def mark_plain_leaf(field: GraphQLField, attribute: str) -> None:
    """Note on ``field`` (at schema build) that it reads ``attribute`` and answers a scalar or an enum."""
    kind = field.type
    non_null = isinstance(kind, GraphQLNonNull)
    inner = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
    if is_leaf_type(inner) and field.extensions is not None:
        field.extensions[PLAIN_LEAF] = (attribute, inner, non_null)


class HlinkExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context; a plain leaf field is read and coerced directly (see the module)."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        manager = self.middleware_manager  # Strawberry makes one per operation, empty unless extensions resolve
        if (manager is None or not manager.middlewares) and not node.arguments:
            field = self.schema.get_field(parent_type, node.name.value)
            extensions = field.extensions if field is not None else None
            plain: tuple[str, GraphQLLeafType, bool] | None = extensions.get(PLAIN_LEAF) if extensions else None
            if plain is not None:
                attribute, leaf, _ = plain
                try:
                    value = getattr(source, attribute)
                    if value is not None:
                        coerced = leaf.coerce_output_value(value)
                        if coerced is not None and coerced is not Undefined:
                            return coerced
                    elif not plain[2]:
                        return None
                except Exception:  # graphql-core's own path reports it, located, as it always did
                    pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
