CREATE TABLE `t_jdbc` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3),
  `proctime` AS PROCTIME(),
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://db:5432/f',
  'table-name' = 'users',
  'username' = 'u',
  'password' = '******',
  'lookup.max-retries' = '3',
  'connection.max-retry-timeout' = '60 s',
  'driver' = 'org.postgresql.Driver',
  'lookup.cache' = 'NONE'
)
