"""Initial schema, with the dictionaries of DOMAIN.md and the help documents seeded.

aerich writes SQL for one dialect; this migration carries both (SQLite and PostgreSQL) and picks by the
connection, so one migrations folder serves the embedded default and the production database.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# (dict_type, dict_name, [(value, label, is_default)])
DICTIONARIES = [
    ("ds_type", "datasource type", [("source", "source", True), ("sink", "sink", False), ("side", "side", False), ("udf", "udf", False)]),
    ("dc_type_source", "source connectors", [("kafka", "kafka", True), ("datagen", "datagen", False), ("filesystem", "filesystem", False)]),
    ("dc_type_side", "side table connectors", [("kafka", "kafka", False), ("mysql", "mysql", True), ("oracle", "oracle", False), ("http", "http", False), ("redis", "redis", False), ("jdbc", "jdbc", False)]),
    ("dc_type_sink", "sink connectors", [("kafka", "kafka", False), ("mysql", "mysql", True), ("oracle", "oracle", False), ("hbase", "hbase", False), ("print", "print", False), ("blackhole", "blackhole", False), ("filesystem", "filesystem", False)]),
    ("schema_type", "schema type", [("0", "json", True), ("1", "avro", False)]),
    ("structure_type", "structure type", [("0", "flat", True), ("1", "nested", False)]),
    ("flink_time_type", "Flink time type", [("0", "IngestionTime", False), ("1", "ProcessingTime", True), ("2", "EventTime", False)]),
    ("checkpoint_mode", "checkpoint mode", [("0", "EXACTLY_ONCE", True), ("1", "AT_LEAST_ONCE", False)]),
    ("checkpoint_cleanup_mode", "checkpoint cleanup mode", [("0", "RETAIN_ON_CANCELLATION", True), ("1", "DELETE_ON_CANCELLATION", False)]),
    ("statebackend_type", "state backend", [("0", "MEMORY", True), ("1", "FS", False), ("2", "ROCKSDB", False)]),
    ("restart_strategy", "restart strategy", [("0", "No Restart", True), ("1", "Fixed Delay", False), ("2", "Failure Rate", False)]),
    ("cluster_type", "cluster type", [("0", "local", False), ("1", "standalone", True), ("2", "yarn", False), ("3", "yarnPer", False)]),
    ("job_status", "job status", [("0", "not running", True), ("1", "running", False), ("2", "cancelled", False), ("3", "failed", False), ("9", "submitting", False)]),
    ("job_type", "job type", [("0", "SQL", True), ("1", "JAR", False)]),
    ("udf_type", "UDF type", [("SCALA", "scalar", True), ("TABLE", "table", False), ("AGGREGATE", "aggregate", False), ("TABLEAGG", "table aggregate", False)]),
]

# (doc_key, title, content)
DOCS = [
    ("sql_job", "Writing a SQL job", "Map the datasources the job reads (source), looks up (side) and writes (sink). "
     "Each sink entry carries its runSql, an INSERT INTO <sink alias> SELECT ... FROM <source alias>; "
     "side tables are joined with FOR SYSTEM_TIME AS OF <source>.proctime. hlink generates the CREATE TABLE "
     "statements from the datasources and runs all INSERTs as one Flink job."),
    ("jar_job", "Running a JAR job", "Upload the job jar (/jars/upload), then create a job of type 1 with useJar set to "
     "the stored jar name, entryClass and program arguments. Parallelism, savepoint path and allowNrs apply."),
    ("udf", "User-defined functions", "Upload a jar with the function class (/ds/udf/upload) and give the name the SQL "
     "calls it by and its type: SCALA (scalar), TABLE, AGGREGATE or TABLEAGG."),
    ("datasource", "Datasources", "A datasource is a table to Flink: an alias (tableName) used in SQL, a column schema "
     "(flat or nested) and connector properties filled from the connector's form."),
    ("checkpoint", "Checkpoints and savepoints", "A checkpoint interval above 0 turns checkpointing on. Cancel stops "
     "with a savepoint when a savepoint directory is configured; restart resumes from the newest savepoint."),
    ("cluster", "Clusters", "Register a Flink session cluster by its REST address, e.g. http://127.0.0.1:8081."),
]


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _seed_sql() -> str:
    rows = []
    for dict_type, dict_name, entries in DICTIONARIES:
        for sort, (value, label, default) in enumerate(entries):
            rows.append(
                'INSERT INTO "t_dict" ("create_by", "create_time", "modify_by", "modify_time", "dict_type", '
                '"dict_name", "dict_label", "dict_value", "dict_sort", "is_default", "status") VALUES '
                f"('system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, {_q(dict_type)}, {_q(dict_name)}, "
                f"{_q(label)}, {_q(value)}, {sort}, {_q('Y' if default else 'N')}, '0');"
            )
    for key, title, content in DOCS:
        rows.append(
            'INSERT INTO "t_doc" ("create_by", "create_time", "modify_by", "modify_time", "doc_key", "title", '
            f"\"content\") VALUES ('system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, {_q(key)}, "
            f"{_q(title)}, {_q(content)});"
        )
    return "\n".join(rows)


async def upgrade(db: BaseDBAsyncClient) -> str:
    schema = _POSTGRES if db.capabilities.dialect == "postgres" else _SQLITE
    return schema + "\n" + _seed_sql()


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _POSTGRES_DOWN if db.capabilities.dialect == "postgres" else _SQLITE_DOWN


_SQLITE = """
        CREATE TABLE "t_cluster" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "address" VARCHAR(512) NOT NULL,
    "type" INT NOT NULL,
    "remark" TEXT,
    "del_flag" INT NOT NULL
);
CREATE TABLE "t_ds" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "ds_name" VARCHAR(128) NOT NULL,
    "ds_type" VARCHAR(16) NOT NULL,
    "table_name" VARCHAR(128) NOT NULL,
    "table_key" VARCHAR(128) NOT NULL UNIQUE,
    "table_type" VARCHAR(32),
    "schema_type" INT NOT NULL,
    "structure_type" INT NOT NULL,
    "schema_file" TEXT,
    "ds_ddl" TEXT,
    "ddl_enable" INT NOT NULL,
    "ds_version" INT NOT NULL
);
CREATE TABLE "t_ds_column" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "virtual_id" VARCHAR(32) NOT NULL,
    "virtual_pid" VARCHAR(32) NOT NULL,
    "level" INT NOT NULL,
    "name" VARCHAR(256) NOT NULL,
    "flink_type" VARCHAR(1024),
    "basic_type" VARCHAR(64),
    "join_key" INT NOT NULL,
    "event_time" INT NOT NULL,
    "comment" TEXT,
    "res1" VARCHAR(512),
    "res2" VARCHAR(512),
    "res3" VARCHAR(512),
    "res4" VARCHAR(512),
    "res5" VARCHAR(512),
    "sort" INT NOT NULL,
    "datasource_id" BIGINT NOT NULL REFERENCES "t_ds" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_t_ds_column_datasou_a64bb4" UNIQUE ("datasource_id", "virtual_id")
) /* One column; nested columns point at their parent through virtual_pid ("0" at the top). */;
CREATE TABLE "t_ds_json_field" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "json_value" JSON NOT NULL,
    "datasource_id" BIGINT NOT NULL UNIQUE REFERENCES "t_ds" ("id") ON DELETE CASCADE
) /* The filled connector form (the document's jsonFieldVO). */;
CREATE TABLE "t_dict" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "dict_type" VARCHAR(64) NOT NULL,
    "dict_name" VARCHAR(128),
    "dict_label" VARCHAR(128) NOT NULL,
    "dict_value" VARCHAR(128) NOT NULL,
    "dict_sort" INT NOT NULL,
    "is_default" VARCHAR(1) NOT NULL,
    "status" VARCHAR(1) NOT NULL,
    "css_class" VARCHAR(128),
    "list_class" VARCHAR(128),
    "remark" TEXT
);
CREATE INDEX "idx_t_dict_dict_ty_b8ac3a" ON "t_dict" ("dict_type");
CREATE TABLE "t_doc" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "doc_key" VARCHAR(128) NOT NULL UNIQUE,
    "title" VARCHAR(256) NOT NULL,
    "content" TEXT NOT NULL
);
CREATE TABLE "t_jar" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "entry_class" VARCHAR(512),
    "res_name" VARCHAR(256) NOT NULL,
    "res_uname" VARCHAR(300) NOT NULL UNIQUE,
    "res_size" BIGINT NOT NULL,
    "res_type" INT NOT NULL,
    "status" INT NOT NULL,
    "cluster_id" BIGINT REFERENCES "t_cluster" ("id") ON DELETE SET NULL
);
CREATE TABLE "t_job" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "job_name" VARCHAR(128) NOT NULL,
    "job_code" VARCHAR(64),
    "job_desc" TEXT,
    "job_type" INT NOT NULL,
    "job_status" INT NOT NULL,
    "flink_job_id" VARCHAR(64),
    "cluster_type" INT NOT NULL,
    "computing_unit" INT,
    "parallelism" INT NOT NULL,
    "use_jar" VARCHAR(512),
    "entry_class" VARCHAR(512),
    "program" TEXT,
    "allow_nrs" INT NOT NULL,
    "savepoint_path" VARCHAR(1024),
    "state_savepoints_dir" VARCHAR(1024),
    "checkpoint_interval" BIGINT NOT NULL,
    "checkpoint_mode" INT NOT NULL,
    "checkpoint_timeout" BIGINT,
    "checkpoint_max_cuncurrency" INT,
    "min_pause_between_checkpoints" BIGINT,
    "checkpoint_cleanup_mode" INT NOT NULL,
    "checkpoint_statebackend_type" INT NOT NULL,
    "checkpoint_statebackend_path" VARCHAR(1024),
    "restart_strategy" INT NOT NULL,
    "restart_attempts" INT,
    "delay_interval" INT,
    "failure_rate" INT,
    "failure_interval" INT,
    "time_type" INT NOT NULL,
    "enable_minibatch_optimization" INT NOT NULL,
    "table_exec_minibatch_allowlatency" BIGINT,
    "table_exec_minibatch_size" BIGINT,
    "table_optimizer_agg_phase_strategy" INT NOT NULL,
    "table_optimizer_distinct_agg_split_enabled" INT NOT NULL,
    "del_flag" INT NOT NULL,
    "version" VARCHAR(32),
    "cluster_id" BIGINT REFERENCES "t_cluster" ("id") ON DELETE RESTRICT
);
CREATE INDEX "idx_t_job_cluster_b6214b" ON "t_job" ("cluster_id");
CREATE TABLE "t_job_ds" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "ds_type" VARCHAR(16) NOT NULL,
    "run_sql" TEXT,
    "sort" INT NOT NULL,
    "datasource_id" BIGINT NOT NULL REFERENCES "t_ds" ("id") ON DELETE RESTRICT,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE
) /* One datasource mapped into a job, in the role source, side or sink. */;
CREATE INDEX "idx_t_job_ds_datasou_fb746a" ON "t_job_ds" ("datasource_id");
CREATE INDEX "idx_t_job_ds_job_id_14b0d3" ON "t_job_ds" ("job_id");
CREATE TABLE "t_udf" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "udf_name" VARCHAR(128) NOT NULL UNIQUE,
    "udf_class" VARCHAR(512) NOT NULL,
    "udf_type" VARCHAR(16) NOT NULL,
    "udf_desc" TEXT,
    "jar_name" VARCHAR(256) NOT NULL,
    "udf_path" VARCHAR(1024) NOT NULL,
    "delete_flag" INT NOT NULL
);
CREATE TABLE "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""

_SQLITE_DOWN = """
        """

_POSTGRES = """
        CREATE TABLE "t_cluster" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "address" VARCHAR(512) NOT NULL,
    "type" INT NOT NULL,
    "remark" TEXT,
    "del_flag" INT NOT NULL
);
CREATE TABLE "t_ds" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "ds_name" VARCHAR(128) NOT NULL,
    "ds_type" VARCHAR(16) NOT NULL,
    "table_name" VARCHAR(128) NOT NULL,
    "table_key" VARCHAR(128) NOT NULL UNIQUE,
    "table_type" VARCHAR(32),
    "schema_type" INT NOT NULL,
    "structure_type" INT NOT NULL,
    "schema_file" TEXT,
    "ds_ddl" TEXT,
    "ddl_enable" INT NOT NULL,
    "ds_version" INT NOT NULL
);
CREATE TABLE "t_ds_column" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "virtual_id" VARCHAR(32) NOT NULL,
    "virtual_pid" VARCHAR(32) NOT NULL,
    "level" INT NOT NULL,
    "name" VARCHAR(256) NOT NULL,
    "flink_type" VARCHAR(1024),
    "basic_type" VARCHAR(64),
    "join_key" INT NOT NULL,
    "event_time" INT NOT NULL,
    "comment" TEXT,
    "res1" VARCHAR(512),
    "res2" VARCHAR(512),
    "res3" VARCHAR(512),
    "res4" VARCHAR(512),
    "res5" VARCHAR(512),
    "sort" INT NOT NULL,
    "datasource_id" BIGINT NOT NULL REFERENCES "t_ds" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_t_ds_column_datasou_a64bb4" UNIQUE ("datasource_id", "virtual_id")
);
COMMENT ON TABLE "t_ds_column" IS 'One column; nested columns point at their parent through virtual_pid (\"0\" at the top).';
CREATE TABLE "t_ds_json_field" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "json_value" JSONB NOT NULL,
    "datasource_id" BIGINT NOT NULL UNIQUE REFERENCES "t_ds" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "t_ds_json_field" IS 'The filled connector form (the document''s jsonFieldVO).';
CREATE TABLE "t_dict" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "dict_type" VARCHAR(64) NOT NULL,
    "dict_name" VARCHAR(128),
    "dict_label" VARCHAR(128) NOT NULL,
    "dict_value" VARCHAR(128) NOT NULL,
    "dict_sort" INT NOT NULL,
    "is_default" VARCHAR(1) NOT NULL,
    "status" VARCHAR(1) NOT NULL,
    "css_class" VARCHAR(128),
    "list_class" VARCHAR(128),
    "remark" TEXT
);
CREATE INDEX "idx_t_dict_dict_ty_b8ac3a" ON "t_dict" ("dict_type");
CREATE TABLE "t_doc" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "doc_key" VARCHAR(128) NOT NULL UNIQUE,
    "title" VARCHAR(256) NOT NULL,
    "content" TEXT NOT NULL
);
CREATE TABLE "t_jar" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "entry_class" VARCHAR(512),
    "res_name" VARCHAR(256) NOT NULL,
    "res_uname" VARCHAR(300) NOT NULL UNIQUE,
    "res_size" BIGINT NOT NULL,
    "res_type" INT NOT NULL,
    "status" INT NOT NULL,
    "cluster_id" BIGINT REFERENCES "t_cluster" ("id") ON DELETE SET NULL
);
CREATE TABLE "t_job" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "job_name" VARCHAR(128) NOT NULL,
    "job_code" VARCHAR(64),
    "job_desc" TEXT,
    "job_type" INT NOT NULL,
    "job_status" INT NOT NULL,
    "flink_job_id" VARCHAR(64),
    "cluster_type" INT NOT NULL,
    "computing_unit" INT,
    "parallelism" INT NOT NULL,
    "use_jar" VARCHAR(512),
    "entry_class" VARCHAR(512),
    "program" TEXT,
    "allow_nrs" INT NOT NULL,
    "savepoint_path" VARCHAR(1024),
    "state_savepoints_dir" VARCHAR(1024),
    "checkpoint_interval" BIGINT NOT NULL,
    "checkpoint_mode" INT NOT NULL,
    "checkpoint_timeout" BIGINT,
    "checkpoint_max_cuncurrency" INT,
    "min_pause_between_checkpoints" BIGINT,
    "checkpoint_cleanup_mode" INT NOT NULL,
    "checkpoint_statebackend_type" INT NOT NULL,
    "checkpoint_statebackend_path" VARCHAR(1024),
    "restart_strategy" INT NOT NULL,
    "restart_attempts" INT,
    "delay_interval" INT,
    "failure_rate" INT,
    "failure_interval" INT,
    "time_type" INT NOT NULL,
    "enable_minibatch_optimization" INT NOT NULL,
    "table_exec_minibatch_allowlatency" BIGINT,
    "table_exec_minibatch_size" BIGINT,
    "table_optimizer_agg_phase_strategy" INT NOT NULL,
    "table_optimizer_distinct_agg_split_enabled" INT NOT NULL,
    "del_flag" INT NOT NULL,
    "version" VARCHAR(32),
    "cluster_id" BIGINT REFERENCES "t_cluster" ("id") ON DELETE RESTRICT
);
CREATE INDEX "idx_t_job_cluster_b6214b" ON "t_job" ("cluster_id");
CREATE TABLE "t_job_ds" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "ds_type" VARCHAR(16) NOT NULL,
    "run_sql" TEXT,
    "sort" INT NOT NULL,
    "datasource_id" BIGINT NOT NULL REFERENCES "t_ds" ("id") ON DELETE RESTRICT,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE
);
CREATE INDEX "idx_t_job_ds_datasou_fb746a" ON "t_job_ds" ("datasource_id");
CREATE INDEX "idx_t_job_ds_job_id_14b0d3" ON "t_job_ds" ("job_id");
COMMENT ON TABLE "t_job_ds" IS 'One datasource mapped into a job, in the role source, side or sink.';
CREATE TABLE "t_udf" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "udf_name" VARCHAR(128) NOT NULL UNIQUE,
    "udf_class" VARCHAR(512) NOT NULL,
    "udf_type" VARCHAR(16) NOT NULL,
    "udf_desc" TEXT,
    "jar_name" VARCHAR(256) NOT NULL,
    "udf_path" VARCHAR(1024) NOT NULL,
    "delete_flag" INT NOT NULL
);
CREATE TABLE "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""

_POSTGRES_DOWN = """
        """


MODELS_STATE = (
    "eJztXW1z2zYS/iscfrlkRpexJNtJ725uxnGcxnmxO7ba6/RlOBAJSbQpkiVBJ26b/34ARY"
    "pvAAXIol6Q/dDGArEg+Syw3H2wAP4y54GDvfjFuZfEBEfmv4y/TB/NMf2jfqlnmCgMiwus"
    "gKCxl9Ylll2qNo5JhGxCL0yQF2Na5ODYjtyQuIFPS/3E81hhYNOKrj8tihLf/SPBFgmmmM"
    "zS5/n1d1rs+g7+guP8Z3hvTVzsOZXHdR1277TcIo9hWvbanV765G1al91wbNmBl8z9on74"
    "SGaBvxRwfcJKp9jHESKY3YFECXsD9oDZ2+YvtXjYosriKUsyDp6gxCOlNx5bRZlpWVfXI+"
    "v2YmRZpgJGduAzfOmjxikAU/YI//xuMBgOXw6OhqevTo5fvjx5dfSK1k2ft3np5dfFwxRo"
    "LZpKMbv8/vJqxB4ooEpcqJcVfE1lEEELqVQZBfp2hCle1vixqYTzGYr4KqgI1TRBX7GuiR"
    "z3kioyoJeayKsUqih64DZ0MUdfLA/7UzKjP0+PW2D+6ezm/N3ZzbPT4+dVrK+yK4P0EkO9"
    "gTJx6c8Gzm/oJXalFetctIa2k8m+yP+QwL4xDHYNPn1D59r3HrN+0QL+6PLTxe3o7NMP7H"
    "bzOP7DSwE8G12wK4O09LFW+uy0pqhlI8b/LkfvDPbT+OX66iKFN4jJNErvWNQb/WKyZ0IJ"
    "CSw/+Gwhp2Qr8tIctYreqcV1J4+Ko6siBKNr9ejKAFtndNVEYXTty+jKMSoNr+zpC72n/y"
    "oMrLz+WmNq7/RaGVT9wSuJUUVrCYdVeq06rqgmqLJiFYhLIhqifNIfSKBMawlRTq9VUU4B"
    "akAsdH/z6qsd4E3B2+/WAR70j18evxqeHi/93mVJm7ubu7YFkBGeo+i+CeUIfxFgWUjo8J"
    "lts+wXP48qRj3vkc8+nf38vGLYP15ffZ9XL/Xg84/Xr2t402DSmnhoqtB5yyLQgVkHZmHx"
    "5L4UmrGCMbLvP6PIsSpXCuTvUMSxyq8zqbcfbrCH0pdpwpyRA+/R4XbwopTnFNwF46diE4"
    "w1wob1p2AQiHpY89J8MK+XIB9N01di92Z3yimmfGA3yafFlV479+TEuW3oSbBP5rWPjUX9"
    "fxs+jqlqsp+xEQb0lQ1EDDLDbmSEKMI++xEFyXRmPLgRSZBnha5jPPvNPPrNzKoaJAifvz"
    "BrCHd6Iw5T9mtKz8RBEtnppz1vxXXM34FFAxbtUGwQsGgQ5wOLdqijC1g0/UaXDItW8jYU"
    "hldVSkOuZyhD9QzFTM+wQfSUnMN1kA63DbV5ZB4o0h5+wJ4CLbGsD5xEnVQDjn3ZTwcnpx"
    "IdldYS9tT0WhXfief69xafAxajXJXSz7vpHw1k/BtWTTyhkV6soj1GsWsro12V0g/tzfuS"
    "d4HrW/eY47ALbXBZZHtm+OhAzDD9QPlE4JsLIa0KAah1UO1gPscLGGRnjEoiOtiBbU8Z0a"
    "ilr2J58/o6YL2FqWQK10AR3gHAqwLvUBHeIcCrAu+xIrzHAK8KvCeK8J4AvNLwxkHE8SSE"
    "vlleHbyyuldWzIVyKcm2Sc2G6PbQ1WKKs5GMwtNKUyVvgwi7U/8DfkzVckmfHvk2L+jIsg"
    "PeVBo7MHWIMi1ocYQ+L6fmm52R4kDfHpOF3T27PT97c2F+Fef7dJm5UdIAJ3ujqp/2DI60"
    "BiwcgpQHSHmAlAeYlK3Ug5SH/R5dkPKg3+iSSXlwYkt1XrMkouHUZifLhyhkqjNtJREdUZ"
    "aZP+6Lp4/7jdnj1BNX7stVKR2B7qI7L1DjTmqugpo/rbkm0ruNPbaFs6rlqErp5/xsPkkq"
    "tmd4jgRAi3nLqhTQl3X6krad2CSJRF1YjGxDEMBtgLvofRPX4yArnrWvielgHba+2DO2HI"
    "eTUykGvZAAvNfA2/Es7KdYyJuQqhCYj8bUUmw94CjOVn/KgloRAlDXXrWcLaHkkPYKi3OL"
    "haUHFqFILV6eozCkjTx9AbOWM2xqa5kLVMMoCHFEXNyC67WPRwH932p0C2h/qLR7kN8zPs"
    "ZrTSSW0GidUqyitmJ5+F1MFTDJ7fLqJeKjGTaom+elK7Z9H9skiIxJEM2NZ2wVNsUlYfmb"
    "/4gN1nJq8H+65qwAf0I7MKMJM5oH7OjCjCbMucCM5qGOLpjR1G90ycxopn7SA/ISjtrf31"
    "5fCdZcVaTqGndtYvxteG7cWYhr/meS+DZTozFOXI+4fvyC3e+/ZrdeL0/jDKV2FqdO2NS0"
    "yBposDh7l8v6jfh5CgRFM6iUy3rNI8at5LzuVG1dZrw+LYuVmqgLn0SPJi/iXF7srQgzaU"
    "Wp6BKyWA/SFvQg5oOYD7xSiPk0HV0Q8+k3uqSyWKnfop5hWRbqKvVvdxlpmx9dKWDK2cJl"
    "If1sWDfpwgwz+vq8nbtWIL2UglxWBawFdNEKrEV0EWDdhrXi6vCKDKSc1PN43Hj5jArdty"
    "q1xX0Ur7qiM2u9V6bvintuIz+YIJIoHf5SSOi3SeWGwbXj2LI9pHa4TkUIvAop68umE9SR"
    "rkoB1FJQw/k74tByUynCT5rX2Bzx/g574ZvANjm0e36pt4J0z6oA5w6cO3DuwLkDK1ipB5"
    "z7fo8u4Nz1G11SnHtgqy4BL4nAAnCpBeAu4a16a1n7nQtoSEl2cugAvSNR3vh6KaIFyt9Q"
    "sMbO+uQEatkRoG1B2l1WBYI0CNIgSIMgDdxICTcSgrR9GV0QpOk3umSCNMyyvtUnfWpi+o"
    "2wro4VUE6PKstoEU1sIWZjmCXrAJ1sFuk9Yh+GR0cSONNa4l3R2LUmzrH7JwfmtuCjLKVN"
    "vs5WQpAq8vx01lbYBcmshwv7Brei42fwtGxBJ0jgATBN20tigiPldZxVubVw3TenYh/OI8"
    "lgbepC+TCS86Klw9KD7LLMag+srMmkj2Bc/fjx466OIXkfjE0eNUmLeyuoyawKUJNATQI1"
    "CdQkkCeVekBN7vfoAmpSv9ElQ01St0WZLSvLaMiWdZJDwjCzqd+oinMuAzZstQ1jeLFHa2"
    "IsTiMpy+iA8TbSSOqYK3JkZRGgdeq0DkNHmSerCgGodVAnnuvfsxCdy5aJLXBdTgcL0Xmc"
    "lrE7ilahLra9Ttw/kE5sB/MwIfSOFn09lcXbTUGNWN+NwRuiCHke9tx4roBtTQp6bR3WJM"
    "Z52qas1S2J6GdwO8l5gASTLYIdRsE0QhwjIY4ySiI6gLztIINa2OCz5UcqLnFFBjzixlQ8"
    "esBhQFu3QkSHioLRaErq0KVrFNDRQMYvZtXEJFB6sZkAga0lgrHluEpfRpE8aEBWA/YM2/"
    "eL7kv/w9ED4uzu1Zo+wW9AGwuz5RyrEpxzLj0qo4g5nyQ9XCVsLmYsQGJzL0HCiRsle3tJ"
    "XqPwcYfdnZo7O/HtJIqwb3NmN6V6frMRjZSzsWEwd33qrbC4cozJZ4x9q8CQdwZby4hY2Z"
    "RG+O9ucNA6yE/CJ3wT6i3At6EF7tSvZBl02HeUidsVzQDwssCrRmKr2oGoQDYqiDAFMGIw"
    "MmSmKh9jnih0ec5SihQlRAieh7xv7kqAy6IafWM3d5Y09tBjS1Ar3tu3IQjwcqaQkeslEb"
    "YYAgrg1sUAWjG0a/RdnihA3ISYBe+qjl1FBiY265Bin72lReNBd4yIPbMC+khz98/lad2S"
    "MK9sB7yJRm9OEaOvYZdgSyd8PIoIl0xpC+mlmtPIqmw5rOfCq76iubUZ0M7TtJPZHBxZaD"
    "q1whmK8TrBkFxjYNBWKcFxY+L6NkkBjEPPJdbiM8HJXpRWRnujoBROQGVNPDRVC6WWIuAx"
    "1QF9wFHM9Y3EFFdJRD82ayiTnDQU5yYNG6lJe70ngJ4Lgw9uS4B9PKi5ZUeAm4vb0c3l+a"
    "htR4DSRB8KQ/pAvDm9TPLthxvsiWKrYrn/007H3o/8vAbsXzveOqEEGn8ThSqqK7ZTsJy0"
    "cOWOCuzgc6M46ttgfQA7Bn3twEAGbahH/zbIDBtR4GFjUatnxK6DjSCi//r3L8warptqE/"
    "Z02GPTzWRgTwfY02FPrfiBrjqHPR32ZXTBng76ja4co9YzQUTbFracCSLctlCLHR1ktj/t"
    "i3c/7Tc3P018i2m8AXHL2YKFiA7Ga9trgBQPLIazioW05jKqUaaJGqJdoatrvFHd5kEVfu"
    "E+BID7uhRdtmvjE+m5bHvIw8Jflpsrel2Flzs/uz0/e3NhCmzLBlDdNAW3j+A2LKoy99kl"
    "pfejMzE5RB4r7rXTd0lWBXZD1dKi9oA5A+Zsj6O/w4ztgTnbl9EFzJl+o0uGOaNui/JuqG"
    "UZ7U606WQvVIaY8l5FFSENOcpOtipioKlSwWUZDXHePBfMAFPddrYso8MHedts8B2K1Let"
    "Lslo2LE7OeSN9VPVZcllGQ1x7moN8oL2WSPjuCwF0x1cwnc39NkZjlx7ZnIYtOxKr41EQ0"
    "WdvWHRvhUK7YmTbWJybAcp8PttTQcnJ1JfrZOWr9ZJ3ZSyQaWAcFZdQ3T7UgeS9lsOJO03"
    "DySldyTY50zGv7+9vhJQjoVInRBxbWL8bXhu3NmXajduLwOj3e2te7i9Kp3BGni964/Z1/"
    "8D8OQA8A=="
)
