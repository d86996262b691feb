"""A registered Flink cluster, reachable over its REST address (or, highly available, over several)."""

from typing import Any

from tortoise import fields

from hlink.models.base import Audited

#: how a cluster elects its job manager leader: none (one job manager), through ZooKeeper, or Kubernetes
HA_TYPES = ("NONE", "ZOOKEEPER", "KUBERNETES")


class Cluster(Audited):
    name = fields.CharField(max_length=128)
    #: the original's one REST address; with several job managers, the first of ``addresses``
    address = fields.CharField(max_length=512)
    # cluster_type dictionary: 0 local, 1 standalone, 2 yarn, 3 yarnPer
    type = fields.IntField(default=1)
    remark = fields.TextField(null=True)
    # the original's logical delete flag (MyBatis-Plus): 0 a live cluster
    del_flag = fields.IntField(default=0)
    #: every job manager's REST address, ``address`` first (null: ``address`` alone)
    addresses: Any = fields.JSONField(null=True)
    #: how its job managers elect a leader (HA_TYPES): with HA a job it does not list may still be recovering
    ha_type = fields.CharField(max_length=16, default="NONE")

    class Meta:
        table = "t_cluster"

    @property
    def endpoints(self) -> list[str]:
        """Every job manager's REST address, the original's ``address`` first."""
        listed = [str(a) for a in self.addresses or [] if a]
        return list(dict.fromkeys([self.address, *listed]))

    @property
    def endpoint(self) -> str:
        """The addresses as one key (comma-separated: a checked address holds no comma), what
        :class:`hlink.services.clusters.clients.FlinkClients` keeps one client per."""
        return ",".join(self.endpoints)

    @property
    def highly_available(self) -> bool:
        return (self.ha_type or "NONE") != "NONE"
