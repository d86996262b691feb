CREATE TABLE `t_mysql` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3),
  `proctime` AS PROCTIME(),
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db:3306/f',
  'table-name' = 'users',
  'username' = 'u',
  'password' = '******',
  'lookup.max-retries' = '3',
  'connection.max-retry-timeout' = '60 s',
  'driver' = 'com.mysql.cj.jdbc.Driver',
  'lookup.partial-cache.max-rows' = '5000',
  'lookup.partial-cache.expire-after-write' = '60 s',
  'lookup.cache' = 'PARTIAL'
)
