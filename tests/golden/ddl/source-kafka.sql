CREATE TABLE `t_kafka` (
  `id` BIGINT,
  `user` ROW<`name` STRING, `tags` ARRAY<STRING>>,
  `lines` ARRAY<ROW<`sku` STRING>>,
  `select` STRING,
  `ts` TIMESTAMP(3),
  `proctime` AS PROCTIME(),
  WATERMARK FOR `ts` AS `ts` - INTERVAL '3' SECOND
) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = 'k1:9092,k2:9092',
  'topic' = 'orders',
  'properties.group.id' = 'features',
  'scan.startup.mode' = 'specific-offsets',
  'format' = 'json',
  'scan.startup.specific-offsets' = 'partition:0,offset:42;partition:1,offset:300',
  'json.ignore-parse-errors' = 'true'
)
