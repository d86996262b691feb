"""Uploaded files: job jars and UDF jars, stored under the storage folder."""

from typing import TYPE_CHECKING

from tortoise import fields

from hlink.models.base import Audited

if TYPE_CHECKING:
    from hlink.models.cluster import Cluster


class Jar(Audited):
    cluster: fields.ForeignKeyNullableRelation["Cluster"] = fields.ForeignKeyField(
        "models.Cluster", related_name="jars", null=True, on_delete=fields.SET_NULL
    )
    cluster_id: int | None
    entry_class = fields.CharField(max_length=512, null=True)
    res_name = fields.CharField(max_length=256)  # the uploaded file's name
    res_uname = fields.CharField(max_length=300, unique=True)  # the stored name, also Job.use_jar
    res_size = fields.BigIntField(default=0)
    res_type = fields.IntField(default=0)  # 0 jar
    status = fields.IntField(default=0)

    class Meta:
        table = "t_jar"


class Udf(Audited):
    udf_name = fields.CharField(max_length=128, unique=True)
    udf_class = fields.CharField(max_length=512)
    udf_type = fields.CharField(max_length=16)  # SCALA, TABLE, AGGREGATE, TABLEAGG
    udf_desc = fields.TextField(null=True)
    jar_name = fields.CharField(max_length=256)
    udf_path = fields.CharField(max_length=1024)  # relative to the storage folder
    delete_flag = fields.IntField(default=0)

    class Meta:
        table = "t_udf"
