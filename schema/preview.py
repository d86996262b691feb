"""GraphQL types of the data preview (issue 21): the rows a job, a datasource or an ad-hoc query produce."""

from __future__ import annotations

import typing
from enum import Enum

import strawberry
from strawberry.scalars import JSON

from hlink.schema.enums import described
from hlink.schema.errors import MutationError
from hlink.services.preview import previews


@described(
    "Why a preview stopped.",
    LIMIT="It had as many rows as its limit asked for.",
    TIME="Its seconds were up.",
    ENDED="The source ended: these are all its rows.",
    BYTES="Its rows reached the most a preview hands back (2 MiB of JSON).",
)
class PreviewEnd(Enum):
    LIMIT = "LIMIT"
    TIME = "TIME"
    ENDED = "ENDED"
    BYTES = "BYTES"


@strawberry.type(description="One column of a preview's rows.")
class PreviewColumn:
    name: str = strawberry.field(description="The column's name as the query gives it.")
    type: str = strawberry.field(description="Its Flink SQL type, e.g. BIGINT or TIMESTAMP(3).")


@strawberry.type(description="One change an updating query (a GROUP BY) emitted, in the order Flink emitted them.")
class PreviewChange:
    kind: str = strawberry.field(description="+I (insert), -U (update before), +U (update after) or -D (delete).")
    row: JSON = strawberry.field(description="The row's values in column order.")


@strawberry.type(
    description="A preview's rows: the result table as it stood when the preview stopped (an updating query's "
    "updates applied), in column order, with why it stopped."
)
class Preview:
    columns: list[PreviewColumn] = strawberry.field(description="The columns, in order.")
    rows: list[JSON] = strawberry.field(
        description="One list of values per row, in column order, as JSON: numbers (DECIMAL as text, exact), text "
        "(times in ISO 8601, bytes in base64), booleans, nulls; nested rows and arrays as lists, maps as objects."
    )
    truncated: bool = strawberry.field(description="Whether more rows may exist: every reason but ENDED.")
    reason: PreviewEnd = strawberry.field(description="Why it stopped.")
    updating: bool = strawberry.field(description="Whether the query updates rows it emitted (a GROUP BY).")
    changes: list[PreviewChange] = strawberry.field(
        description="An updating query's first changes (as many as the limit), in order; empty otherwise."
    )
    flink_job_id: str = strawberry.field(description="The preview's Flink job (cancelled by now).")
    seconds: float = strawberry.field(description="How long the preview took, request to answer.")

    @classmethod
    def of(cls, found: previews.PreviewResult) -> Preview:
        return cls(
            columns=[PreviewColumn(name=n, type=t) for n, t in found.columns],
            rows=[typing.cast(JSON, r) for r in found.rows],
            truncated=found.truncated,
            reason=PreviewEnd(found.reason),
            updating=found.updating,
            changes=[
                PreviewChange(kind=str(c.get("kind")), row=typing.cast(JSON, c.get("row"))) for c in found.changes
            ],
            flink_job_id=found.flink_job_id,
            seconds=found.seconds,
        )


@strawberry.type(description="A preview's rows, or why there are none.")
class PreviewPayload:
    preview: Preview | None = strawberry.field(default=None, description="The rows, once the preview ended.")
    error: MutationError | None = strawberry.field(default=None, description="Why the preview did not run.")


@strawberry.type(
    description="One event of a live preview: the changes that arrived since the last event or, last of all, the "
    "preview's end."
)
class PreviewEvent:
    changes: list[PreviewChange] = strawberry.field(
        description="The changes that arrived since the last event, in the order Flink emitted them (an appending "
        "query's rows are +I), as many as the preview keeps (its limit); empty in the last event."
    )
    done: PreviewPayload | None = strawberry.field(
        default=None,
        description="In the last event only: the preview as the preview query answers it (its result table, why "
        "it stopped), or why it did not run.",
    )

    @classmethod
    def of(cls, changes: list[dict[str, typing.Any]]) -> PreviewEvent:
        return cls(
            changes=[PreviewChange(kind=str(c.get("kind")), row=typing.cast(JSON, c.get("row"))) for c in changes]
        )
