"""Run history and savepoints (issue 5): t_job_run, t_job_savepoint; Flink state and validation on t_job.

Like the initial migration, it carries SQLite and PostgreSQL SQL and picks by the connection.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _POSTGRES if db.capabilities.dialect == "postgres" else _SQLITE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWN


_SQLITE = """
        CREATE TABLE IF NOT EXISTS "t_job_run" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "cluster_id" BIGINT,
    "pipeline_name" VARCHAR(300) NOT NULL,
    "flink_job_id" VARCHAR(64),
    "restored_from" VARCHAR(1024),
    "start_time" TIMESTAMP,
    "end_time" TIMESTAMP,
    "final_state" VARCHAR(32),
    "failure" TEXT,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_t_job_run_flink_j_76075c" ON "t_job_run" ("flink_job_id");
CREATE INDEX IF NOT EXISTS "idx_t_job_run_job_id_0ff383" ON "t_job_run" ("job_id");
        CREATE TABLE IF NOT EXISTS "t_job_savepoint" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "flink_job_id" VARCHAR(64),
    "path" VARCHAR(1024) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE,
    "run_id" BIGINT REFERENCES "t_job_run" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_t_job_savep_job_id_43bbb1" ON "t_job_savepoint" ("job_id");
        ALTER TABLE "t_job" ADD "validated_at" TIMESTAMP;
        ALTER TABLE "t_job" ADD "validation_error" JSON;
        ALTER TABLE "t_job" ADD "validation_plan" JSON;
        ALTER TABLE "t_job" ADD "status_time" TIMESTAMP;
        ALTER TABLE "t_job" ADD "validation_status" INT NOT NULL DEFAULT 0;
        ALTER TABLE "t_job" ADD "flink_state" VARCHAR(32);"""

_POSTGRES = """
CREATE TABLE IF NOT EXISTS "t_job_run" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "cluster_id" BIGINT,
    "pipeline_name" VARCHAR(300) NOT NULL,
    "flink_job_id" VARCHAR(64),
    "restored_from" VARCHAR(1024),
    "start_time" TIMESTAMPTZ,
    "end_time" TIMESTAMPTZ,
    "final_state" VARCHAR(32),
    "failure" TEXT,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_t_job_run_flink_j_76075c" ON "t_job_run" ("flink_job_id");
CREATE INDEX IF NOT EXISTS "idx_t_job_run_job_id_0ff383" ON "t_job_run" ("job_id");
COMMENT ON TABLE "t_job_run" IS 'One submission of a job to Flink and how it ended.';
CREATE TABLE IF NOT EXISTS "t_job_savepoint" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "flink_job_id" VARCHAR(64),
    "path" VARCHAR(1024) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE,
    "run_id" BIGINT REFERENCES "t_job_run" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_t_job_savep_job_id_43bbb1" ON "t_job_savepoint" ("job_id");
COMMENT ON TABLE "t_job_savepoint" IS 'A savepoint or retained checkpoint of a job: kept as history, newest first for restarts.';
ALTER TABLE "t_job" ADD "validated_at" TIMESTAMPTZ;
ALTER TABLE "t_job" ADD "validation_error" JSONB;
ALTER TABLE "t_job" ADD "validation_plan" JSONB;
ALTER TABLE "t_job" ADD "status_time" TIMESTAMPTZ;
ALTER TABLE "t_job" ADD "validation_status" INT NOT NULL DEFAULT 0;
ALTER TABLE "t_job" ADD "flink_state" VARCHAR(32);"""

# the same SQL undoes it on both
_DOWN = """
        ALTER TABLE "t_job" DROP COLUMN "validated_at";
        ALTER TABLE "t_job" DROP COLUMN "validation_error";
        ALTER TABLE "t_job" DROP COLUMN "validation_plan";
        ALTER TABLE "t_job" DROP COLUMN "status_time";
        ALTER TABLE "t_job" DROP COLUMN "validation_status";
        ALTER TABLE "t_job" DROP COLUMN "flink_state";
        DROP TABLE IF EXISTS "t_job_savepoint";
        DROP TABLE IF EXISTS "t_job_run";"""


MODELS_STATE = (
    "eJztXW1z2zYS/iscfrlkRpexZDvx9W5uxnGc1mlqd2y31+nLcCASkhhTJAuSdt02//0AiB"
    "TfQAqQKIlC9kNeRGBB8gGw3H12AfxlzgMHe9GrCy+JYkzMr4y/TB/NMf1PtWhgmCgM8wJ2"
    "IUZjj9eNLbtQbRzFBNkxLZggL8L0koMjm7hh7AY+veonnscuBjat6PrT/FLiu78n2IqDKY"
    "5n/Hl++Y1edn0H/4Gj7Gf4YE1c7Dmlx3Uddm9+3YqfQ37trTu98uP3vC674diyAy+Z+3n9"
    "8DmeBf5SwPVjdnWKfUxQjNkdYpKwN2APmL5t9lKLh82rLJ6yIOPgCUq8uPDGYyu/ZlrW9c"
    "29dXd5b1mmAkZ24DN86aNGHIApe4R//ms0Oj5+Mzo6fn12evLmzenZ0Rmty5+3XvTm8+Jh"
    "crQWTXHMrr6+ur5nDxTQTlx0L7vwmcugGC2keGfk6NsEU7ys8XO9Ey5miIi7oCRU6Qn6it"
    "WeyHAvdEUK9LInsip5V+QjcBd9MUd/WB72p/GM/nx90gLzj+e3F9+c3754ffKyjPV1WjLi"
    "RQz1GsqxS3/WcH5Hi1hJK9aZaAVtJ5V9lf1HAvvaNNg3+PQNnRvfe07HRQv491ffXd7dn3"
    "/3PbvdPIp+9ziA5/eXrGTErz5Xrr54XemoZSPG/67uvzHYT+Pnm+tLDm8QxVPC75jXu//Z"
    "ZM+Ekjiw/ODJQk5BV2RXM9RK/U41rjt5VpxdJSGYXatnVwrYOrOrIgqzqy+zK8OoML3Sp8"
    "/7nf+rMLGy+mvNqd71a2lSDUdnErOK1mqcVrysPK9oT9DOilQgLohoiPLpcCSBMq3ViDIv"
    "K6PMAapB3Gj+ZtVXG8BdwTvcrgE8Gp68OTk7fn2ytHuXV9rM3cy0zYEkeI7IQx3Ke/xHA5"
    "a5hA6f2TbNfvnTfUmpZyPyxXfnP70sKfaPN9dfZ9ULI/ji483bCt7UmbQmHpoqDN6iCAxg"
    "NoCZWzx5KLhm7MIY2Q9PiDhWqSRH/hMiAq38NpV6/+0t9hB/mTrMKTnwAR3uAM+vioyCT8"
    "F4U2yCsUbYsPEUjIKmEVYvmo/m1SvIR1P+Suze7E4ZxZRN7Dr5tCgZtHNPTpTphoEE+2Te"
    "+NhY1P+34eOIdk36MzLCgL6ygWIjnmGXGCEi2Gc/SJBMZ8ajS+IEeVboOsaLX82jX820qh"
    "EH4ctXZgXhrd5IwJT9wumZKEiIzT/tWSuuY/4GLBqwaIeig4BFAz8fWLRDnV3Aouk3u2RY"
    "tIK1oTC9ylIacj3HMlTPcTPTc1wjegrG4TpIh7uG2jwyDxRpDz9iT4GWWNYHTqJKqgHHvh"
    "yno9PXEgOV1mocqbysjO/Ec/0HS8wBN6NcltLPuhkejWTsG1atOaDBC8toj1Hk2spol6X0"
    "Q7t7W/JT4PrWAxYY7I06uCiyOzV8dCBqmH6g/LjBNm+EtCwEoFZBtYP5HC9gkI0YFUR00A"
    "O7DhlRr2Woonmz+jpgvYNQMoVrpAjvCOBVgfdYEd5jgFcF3hNFeE8AXhV4TxXhPQV4peGN"
    "AiKwJBpts6w6WGVVqyyPhQopybagZk10d+hqEeKsJaOIeqXeJe8Dgt2p/y1+5t1yRZ8e+b"
    "bI6UizA96VGjuw7mjKtKCXCXpahubrg5HiQN8exwu9e353cf7u0vzcnO+zzcyNQg8IsjfK"
    "/dOewcFrwMIhSHmAlAdIeYCgbKkepDz0e3ZByoN+s0sm5cGJLNW4ZkFEw9DmVpYPUchUI2"
    "0FER1RlokfD5vDx8Na9Jhb4spjuSylI9DbGM4L1IRBzVVQi8OaayK9X99jVzirao6ylH7G"
    "T/dJUpE9w3PUAHQzb1mWAvqySl/SthM7TkjTEG5GtiYI4NbAXYy+iesJkG2O2lfEdNAOO1"
    "/sGVmOI8ipbAY9lwC818Db8SzscyzkVUhZCNRHLbQUWY+YROnqT1lQS0IA6tqrltMllALS"
    "XmFxbr6w9MA8FKnFy3MUhrSRzRcwaxlhU1vLnKMakiDEJHZxC643Pr4P6F+r0c2h/b7U7k"
    "F+z8QYrxVILKDRGlIso7ZiefiniHbAJNPLq5eI38+wQc08j6/Y9n1sxwExJgGZGy/YKmyK"
    "S8LyN/8RGaxlrvB/vBGsAN+gHYhoQkTzgA1diGhCzAUimoc6uyCiqd/skolocjvpEXmJoN"
    "s/3N1cN6y5KklVe9y1Y+Nvw3Ojrbm45n8miW+zbjTGievFrh+9Yvf7r7ldq1fU4wyldhan"
    "SthUepE1UGNxepfL+oXYeQoERd2plMt6zTzGneS87rXbtpnxulkWK1VRl35Mnk2Rx7ksHK"
    "xwM2lFKe8SslgPUhcMwOcDnw+sUvD5NJ1d4PPpN7ukslip3aKeYVkU2lbq3/4y0rqfXRww"
    "5WzhopB+Omw76cIMM/r6op27ViC9lIJcVgWsG+iiFVg30UWAdRvWiqvDSzKQclLN43Gj5T"
    "MqDN+y1A73UbzeFp1ZGb0yY7d55Nbyg2MUJ0qHv+QS+m1S2TG4dhRZtofUDtcpCYFVIaV9"
    "WThBHemyFEAtBTWcv9PsWnaVIrxRXKM74v0b7IXvAtsU0O5Z0WAF6Z5WAc4dOHfg3IFzB1"
    "awVA84937PLuDc9ZtdUpx7YKsuAS+IwAJwqQXgbixa9day9jsT0JCS3MqhA/SOsfLG10sR"
    "LVD+gpw1dtanwFFLjwBtc9I+pVXASQMnDZw0cNLAjJQwI8FJ68vsAidNv9kl46RhlvWtHv"
    "SpiOk3w7Z1rIByelRRRgtvYgc+G8MsWQfopFuke8Q+HB8dSeBMazXvisbK6jhH7p8CmNuc"
    "j6KUNvk6O3FBysiL01lbYW9IZj1c2Dvcik6cwdOyBV1DAg+AadpeEsWYKK/jLMuthWvfjI"
    "o+nEeSwlrvC+XDSC7ylg6rH2SXZZZHYGlNJn0E4/qHjx/3dQzJh2BsiqhJenmwgppMqwA1"
    "CdQkUJNATQJ5UqoH1GS/ZxdQk/rNLhlqkpotymxZUUZDtmwrOSQMM5vajao4ZzKgw1brMI"
    "YXe7Q6xs1pJEUZHTDeRRpJFXNFjqwoArROldZh6CjzZGUhALUK6sRz/QeOkJICrojpoB+2"
    "fogLH4Vr2ZEV0Q7syN1gbz7NsG+8Z2PF8FAUsw2aJy6ZY8dgWzMvh09pP2dJGQXt3m/Ds+"
    "7XLSYX01wi9mrVpMzl9JuVW+BOUsZV8UtdFdvdh2V4IB8WO5iHSUzvaNHXU9lQoS6oUSSm"
    "M3hDRJDnYc+N5grYVqRg1FZhTSKcpVLLat2CiH4Kdyt5SJD0tUOwQxJMCRIoiWbPvyCiA8"
    "i7dvyphqX2nk9U3NSSDHiptfQY9IjDgLZuhYhOFQWlUZfUYUhXaNmjkYxdzKo1E7O8sO6x"
    "YmuJYGQ5rtKXsUkeekC2B+wZth8Ww5f+weQRCXbca01pEjegjYbZcd5jAc65MGQh0xFzce"
    "DicDuhO58xB4nxWEEi8BslR3tBXiP3cY/Dnao7O/HthBDs24KMA6mRX29Eo87pbBrMXZ9a"
    "K8yvHOP4CWPfyjEUnYvYMiNWNqUR/vubHLQO8pNwg29CtQX4NrTAze1KltWKfUeZuF3RDA"
    "AvC7yqJ7aqHfAKZL0CgimAhMHIkJmqfIxFojDkBcubOEoojvE8FH1zVwJcFNXoG9vd+e7Y"
    "Q88tTm0jwHVBgFeQ1oFcLyHYIsK8jkZwq2IAbTO0a4xdkShAXIeYOe+qhl1JBgKbVUixz9"
    "7Sov6gO0axPbMC+khz90/EH0we5pXtgDVRG80cMfoadgE2HvDxKCJCMqXNpZdqTiOtsmO3"
    "Xgiv+i4Drc1A72zWO6nOwcRC06kVzlCE13GG5BoDhbaqExw3il3fjjmAUei5sbX4TAiyF6"
    "U7o71R6BSBQ2VNPDRVc6WWImAxVQF9xCQS2kbNFFdBRD82q/uMeOoBuQ43HNXXdQhlQSvU"
    "BnEOEyYkEKRvfLi7uV4J8VK2uvTAtWPjb4OdwXN4w7sFSAYKa7k5L6yaAjYoLwNgDVTzwg"
    "p4hh4SKBaprshEoSc27gnsWEiQYdC+FqcqezCLcTrJlzy0pTS93gpKz/1gDm4nqF12Qwcb"
    "Qd3SSXF7dXHfthFUIZcEhSF9IFHaSCr5/ttb7DXRd/kuT1QroihIiH2I21Q0wV6O+iX+5j"
    "DdJr6u+OSJvJuhdJe1oxNQW956rTD7xJuwlafniu3YLIdfXLkjm3njY8NZtmwwZYIdg752"
    "YCCDNjSg/+fLckngYWNRa2BEroONgNB//YdXZgXXrtqEPeF6bAMMDNgTDvaE660WP9Bdq2"
    "BPuL7MLtgTTr/ZJeAT6mcKNm173nKmYOO251rsCCdzfMKw+fSEYf3whMS3WI/XIG45mzwX"
    "0UF57Xq9chQQlf05suoQbKmFYJdejTLfWBPdFrq6+hvlbeJU4W/cMwlwX5frTXd935DnTb"
    "eXPyz8ZUnefNSVCN6L87uL83eXZoNu6QDVrrncPoJb06jKJPqWKT3GFIu5vJRDXkXikbSa"
    "FIsXJeO5G7HsFCOYLIg2Iw7SffaQ7xiz4MlwYwPTTnXEpJ16E8DR9Vh3D4CjA46ux37mYb"
    "IIwNH1ZXYBR6ff7JLh6Hqd8vMFLNEI3RBTkxArH55RE+wzX8pfN+Jx6oUBzCPXEYthF+xk"
    "vtCTJCF9WmP8TMvS5eHMgJ5xMTcyJkFCjWc0pf1Ws7u3dpfdn9ba812t93c2bvefPtb/Ac"
    "HUnyWBYOfP1kOIy4L6GRpb3CyRxOvu7l+QhHzi/tgWddOdbxW0Rh8X5aCH+9zDE9dH3hoH"
    "opTF9NOb3S//SnfDUIn0FkR0QHjXkV4IjUFo7DCiN6tCYzJLH/aRr95PBbPbdPUcL0F4qw"
    "TmqghXVKq8Ms51biwFWKo4wTF9ZeoT5zsPLgNXXxkPOIwNFBkzl7k8zwPDx0/U+zEmLmF/"
    "c3lumUf1aNg2bwQxsx4r9QHEzCBmBqw+xMw0nV0QM9NvdsnEzHrOzWs1x1T3zd5of+zeza"
    "GdcPEP9O1UIM7q6whx5ws0gETaT1ydrXJRxT2XgXwGIO/6Qt5VRnU3cMptvNGzES2LaD6P"
    "S4jS2xvXP3z8uK8s9h+ciSng+NjlQTu7l6RVVnF6zUgCT9Zj/TkAngx4sh6byIfpyQNP1p"
    "fZBTyZfrNLhiejZotyWnNRphuCYb9GRJleGJ3J8Aujs2aCgZV9rqFseygSxO3bYV4KaUjk"
    "nA5lErBorUakeVkdadUNTYoyGuLcPWHGAGOPVge5OdGtKKPDB3nnmW6IKCvqooyGA3t0Kj"
    "Oyaa3Goc3L6mNbNaBRlNEQ520FNRa0zxpnfBSlYNMeIb27H/rsHBPXnpkCBi0tGbSRaCiv"
    "0xsW7Uuh0DbcMqqZHNvDoTP91qaj01Opr9Zpy1frtKpK2aRSQDitriG6Q6mFnsOWhZ7D+k"
    "JPescY+4It5ZrPNymIbHSuSd/QbgG3s4NN9vox+/x/g9TpGQ=="
)
