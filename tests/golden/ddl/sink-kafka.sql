CREATE TABLE `t_kafka` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = 'k1:9092',
  'topic' = 'out',
  'sink.partitioner' = 'round-robin',
  'format' = 'avro'
)
