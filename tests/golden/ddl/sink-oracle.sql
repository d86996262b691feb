CREATE TABLE `t_oracle` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:oracle:thin:@db:1521/f',
  'table-name' = 'OUT',
  'username' = 'u',
  'password' = '******',
  'sink.buffer-flush.max-rows' = '5000',
  'sink.buffer-flush.interval' = '1 s',
  'sink.max-retries' = '3',
  'driver' = 'oracle.jdbc.OracleDriver'
)
