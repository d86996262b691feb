"""A registered Flink cluster, reachable over its REST address."""

from tortoise import fields

from hlink.models.base import Audited


class Cluster(Audited):
    name = fields.CharField(max_length=128)
    address = fields.CharField(max_length=512)
    # cluster_type dictionary: 0 local, 1 standalone, 2 yarn, 3 yarnPer
    type = fields.IntField(default=1)
    remark = fields.TextField(null=True)
    # the original's logical delete flag (MyBatis-Plus): 0 a live cluster
    del_flag = fields.IntField(default=0)

    class Meta:
        table = "t_cluster"
