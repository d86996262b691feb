CREATE TABLE `t_hbase` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'hbase-2.2',
  'table-name' = 'ns:out',
  'zookeeper.quorum' = 'zk:2181',
  'zookeeper.znode.parent' = '/hbase',
  'sink.buffer-flush.max-size' = '2mb',
  'sink.buffer-flush.max-rows' = '1000',
  'sink.buffer-flush.interval' = '2s'
)
