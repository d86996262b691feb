CREATE TABLE `t_oracle` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3),
  `proctime` AS PROCTIME(),
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:oracle:thin:@db:1521/f',
  'table-name' = 'USERS',
  'username' = 'u',
  'password' = '******',
  'lookup.max-retries' = '3',
  'connection.max-retry-timeout' = '60 s',
  'driver' = 'oracle.jdbc.OracleDriver',
  'lookup.cache' = 'NONE'
)
