CREATE TABLE `t_http` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3),
  `proctime` AS PROCTIME(),
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH (
  'connector' = 'http',
  'url' = 'https://users.example/api',
  'timeout' = '5000 ms',
  'charset' = 'utf-8',
  'lookup.partial-cache.max-rows' = '100000',
  'lookup.partial-cache.expire-after-write' = '60 s',
  'lookup.cache' = 'PARTIAL'
)
