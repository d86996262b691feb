"""Connector forms, supported types and schema analysis results, as graph types a client renders generically."""

from __future__ import annotations

from enum import Enum

import strawberry

from hlink.schema.enums import described
from hlink.services.catalog.connectors import Choice, Form, FormField
from hlink.services.catalog.datasources import ColumnInput


@described(
    "How a form field is edited.",
    INPUTFIELD="A one-line text box.",
    TEXTFIELD="A text area.",
    NUMBERFIELD="A number box, within min and max.",
    COMBOBOX="A choice among options.",
)
class FieldKind(Enum):
    INPUTFIELD = "inputfield"
    TEXTFIELD = "textfield"
    NUMBERFIELD = "numberfield"
    COMBOBOX = "combobox"


@strawberry.type(description="One choice of a combobox; its unionFields apply when it is chosen.")
class FormChoice:
    name: str
    d_name: str
    union_fields: list[FormFieldSpec]


@strawberry.type(name="FormField", description="One field of a connector form.")
class FormFieldSpec:
    field_name: str
    label: str
    kind: FieldKind
    required: bool
    sequence: int
    default_value: str | None
    min: float | None
    max: float | None
    min_length: int | None
    max_length: int | None
    must_start_with: str | None
    must_match: str | None = strawberry.field(description="A regular expression the whole value must match.")
    tips: str
    describe: str
    hidden: bool
    read_only: bool
    multiple: bool
    option_key: str | None = strawberry.field(description="The Flink option the value becomes, if any.")
    options: list[FormChoice]

    @classmethod
    def of(cls, f: FormField, sequence: int) -> FormFieldSpec:
        return cls(
            field_name=f.field_name,
            label=f.label,
            kind=FieldKind(f.type),
            required=f.required,
            sequence=sequence,
            default_value=f.default,
            min=f.minimum,
            max=f.maximum,
            min_length=f.min_length,
            max_length=f.max_length,
            must_start_with=f.pattern,
            must_match=f.shape,
            tips=f.tips,
            describe=f.describe,
            hidden=f.hidden,
            read_only=f.read_only,
            multiple=f.multiple,
            option_key=f.key,
            options=[_choice(c) for c in f.options],
        )


def _choice(c: Choice) -> FormChoice:
    return FormChoice(
        name=c.name, d_name=c.d_name, union_fields=[FormFieldSpec.of(u, i) for i, u in enumerate(c.union_fields)]
    )


@strawberry.type(description="The form of one connector in one role.")
class ConnectorForm:
    ds_type: str
    table_type: str
    connector: str = strawberry.field(description="Flink's connector identifier ('' when a field names it).")
    builtin: bool = strawberry.field(description="Ships with Flink: works on every cluster.")
    fields: list[FormFieldSpec]

    @classmethod
    def of(cls, form: Form) -> ConnectorForm:
        return cls(
            ds_type=form.ds_type,
            table_type=form.table_type,
            connector=form.connector,
            builtin=form.builtin,
            fields=[FormFieldSpec.of(f, i) for i, f in enumerate(form.fields)],
        )


@strawberry.type(description="The types a column may have.")
class TypeList:
    flink_sql_types: list[str]
    basic_types: list[str]


@strawberry.type(description="A column proposed by schema analysis; save it with createDatasource.")
class AnalysedColumn:
    virtual_id: str
    virtual_pid: str
    level: int
    name: str
    flink_type: str
    basic_type: str
    comment: str | None

    @classmethod
    def of(cls, c: ColumnInput) -> AnalysedColumn:
        return cls(
            virtual_id=c.virtual_id or "",
            virtual_pid=c.virtual_pid or "0",
            level=c.level or 1,
            name=c.name or "",
            flink_type=c.flink_type or "",
            basic_type=c.basic_type or "",
            comment=c.comment,
        )
