CREATE TABLE `t_jdbc` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://db:5432/f',
  'table-name' = 'out',
  'username' = 'u',
  'password' = '******',
  'sink.buffer-flush.max-rows' = '5000',
  'sink.buffer-flush.interval' = '1 s',
  'sink.max-retries' = '3',
  'driver' = 'org.postgresql.Driver'
)
