"""A datasource (a table to Flink): its columns as a tree and its connector properties."""

from typing import TYPE_CHECKING, Any

from tortoise import fields

from hlink.models.base import Audited
from hlink.models.sealed import SealedJSONField, SealedTextField

if TYPE_CHECKING:
    from hlink.models.job import JobDatasource  # noqa: F401


class Datasource(Audited):
    ds_name = fields.CharField(max_length=128)
    ds_type = fields.CharField(max_length=16)  # source, sink, side, udf
    table_name = fields.CharField(max_length=128)  # the alias used in SQL
    # lower-cased alias: a unique index makes aliases unique case-insensitively, race-free
    table_key = fields.CharField(max_length=128, unique=True)
    table_type = fields.CharField(max_length=32, null=True)  # connector: kafka, mysql, ...
    schema_type = fields.IntField(default=0)  # 0 json, 1 avro
    structure_type = fields.IntField(default=0)  # 0 flat, 1 nested
    schema_file = fields.TextField(null=True)
    ds_ddl = SealedTextField(null=True)  # stored sealed when it holds a secret
    ddl_enable = fields.IntField(default=0)
    ds_version = fields.IntField(default=0)

    class Meta:
        table = "t_ds"


class Column(Audited):
    """One column; nested columns point at their parent through virtual_pid ("0" at the top)."""

    datasource: fields.ForeignKeyRelation[Datasource] = fields.ForeignKeyField(
        "models.Datasource", related_name="columns", on_delete=fields.CASCADE
    )
    datasource_id: int
    virtual_id = fields.CharField(max_length=32)
    virtual_pid = fields.CharField(max_length=32, default="0")
    level = fields.IntField(default=1)
    name = fields.CharField(max_length=256)
    flink_type = fields.CharField(max_length=1024, null=True)
    basic_type = fields.CharField(max_length=64, null=True)
    join_key = fields.IntField(default=0)
    event_time = fields.IntField(default=0)
    comment = fields.TextField(null=True)
    res1 = fields.CharField(max_length=512, null=True)
    res2 = fields.CharField(max_length=512, null=True)
    res3 = fields.CharField(max_length=512, null=True)
    res4 = fields.CharField(max_length=512, null=True)
    res5 = fields.CharField(max_length=512, null=True)
    sort = fields.IntField(default=0)  # position among its siblings

    class Meta:
        table = "t_ds_column"
        unique_together = (("datasource", "virtual_id"),)


class DatasourceProperties(Audited):
    """The filled connector form (the document's jsonFieldVO)."""

    datasource: fields.OneToOneRelation[Datasource] = fields.OneToOneField(
        "models.Datasource", related_name="properties", on_delete=fields.CASCADE
    )
    datasource_id: int
    json_value: Any = SealedJSONField(default=list)  # secret values stored sealed

    class Meta:
        table = "t_ds_json_field"
