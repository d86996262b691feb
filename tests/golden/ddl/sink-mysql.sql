CREATE TABLE `t_mysql` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db:3306/f',
  'table-name' = 'out',
  'username' = 'u',
  'password' = '******',
  'sink.buffer-flush.max-rows' = '500',
  'sink.buffer-flush.interval' = '1 s',
  'sink.max-retries' = '3',
  'driver' = 'com.mysql.cj.jdbc.Driver'
)
