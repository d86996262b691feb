CREATE TABLE `t_redis` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3),
  `proctime` AS PROCTIME(),
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH (
  'connector' = 'redis',
  'host' = 'cache',
  'port' = '6379',
  'password' = '******',
  'database' = '0',
  'lookup.cache' = 'NONE'
)
