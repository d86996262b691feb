CREATE TABLE `t_filesystem` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///data/out',
  'format' = 'json',
  'sink.rolling-policy.rollover-interval' = '1 min'
)
