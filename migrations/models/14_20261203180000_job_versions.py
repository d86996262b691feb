"""Job versions (issue 20): t_job_version, one immutable row per saved change of what a job runs (its script
with secrets masked, the statements and the compiled plan sealed), and t_job_run.version and from_plan, the version
a run started and whether it ran its plan. The same SQL shape on SQLite and PostgreSQL, picked by the connection.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    return _TABLE.format(
        id="BIGSERIAL NOT NULL PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
        time="TIMESTAMPTZ" if postgres else "TIMESTAMP",
        json="JSONB" if postgres else "JSON",
        false="FALSE" if postgres else "0",
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DROP TABLE IF EXISTS "t_job_version";
ALTER TABLE "t_job_run" DROP COLUMN "version";
ALTER TABLE "t_job_run" DROP COLUMN "from_plan";"""


_TABLE = """
CREATE TABLE IF NOT EXISTS "t_job_version" (
    "id" {id},
    "create_by" VARCHAR(64),
    "create_time" {time} NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" {time} NOT NULL,
    "number" INT NOT NULL,
    "job_type" INT NOT NULL,
    "script" TEXT,
    "statements" TEXT,
    "settings" {json} NOT NULL,
    "udfs" {json} NOT NULL,
    "jar" {json},
    "flink_version" VARCHAR(32),
    "changes" TEXT NOT NULL,
    "plan" TEXT,
    "plan_error" TEXT,
    "compiled_at" {time},
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_t_job_versi_job_id_number" UNIQUE ("job_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_t_job_versi_job_id" ON "t_job_version" ("job_id");
ALTER TABLE "t_job_run" ADD COLUMN "version" INT;
ALTER TABLE "t_job_run" ADD COLUMN "from_plan" BOOL NOT NULL DEFAULT {false};"""


MODELS_STATE = (
    "eJztXW132zay/is4+lLnXCVrO3Gazd5zz3Ecp3Xr2L22s91zmx4VIiGJMUVoCdCOd7f//c6A"
    "pMRXiZBEimLwoY1MYkDyGbzMPBgM/t2bcpu54sWpy3x5NqGex9zeW/LvnkenDH4U3u+THp3N"
    "FnfxgqRDVwnIAcWyAytReCikTy0Jt0fUFQwu2UxYvjOTDvdQ6JT4zGLOA/PfEkrGzGO+Y5Gf"
    "bq+vyCMbTji/7xPuw633jje+oy78+Ss741O8eOtS6574fMjlC3yazS14HJTbdsWB5/wzYAPJ"
    "x0xOmA/V//Y7XHY8m31lIv5zdj8YOcy1Uyg6Nlagrg/k00xde+eMLzz5QZXF1x4OLO4GU29R"
    "fvYkJ9ybCziexKvqI6hk+ATpB4imF7huhH8McPiyiyLhWyZkbDaigYs6QenwBRbXeoPB1fXd"
    "4Pb8bjDo5fQVSySQji5Z3ENdw6sKBcAYX+H5X4+PX778/vjw5es3J6++//7kzeEbKKveN3/r"
    "+z/Dl1mgFValMLv44eLqDl+IQ4MKGxxe+FPJUElDKaWMBfqWzwCvwfAprwRo0n6xClJCGU3A"
    "J2Y1EeOeUEUE9FwTcZGFKha9oQldTOnXgcu8sZzAn69fLYH576c3Zz+e3hy8fvUsjfVVdOdY"
    "3ULUcyhLB/7M4fwebuGdpVjHohm07Uj2RfyjAva5brBr8OEL7WvPfYraxRLw7y4+nt/enX78"
    "BR83FeKfrgLw9O4c7xyrq0+ZqwevM4qaV0J+vbj7keCf5P+ur84VvFzIsa+euCh39389fCca"
    "SD7w+OOA2omxIr4ao5bSO8wBzuhJs3elhEzvWt27IsDW6V0ZUdO72tK7YowS3St6+4Xe1b8a"
    "HSsuv1afap1eU53q6PhNhV4FpUq7lbqX7lf38Gk6+Mblu4jv6yrwZvtCAt3XWXAD381je8vA"
    "QbDv2NcS2zcSajPAPbD/547Fd4J8urnsE6G+i1AJd4QkB8pxwFuCWNT3nwgIOT6R/J55z3KO"
    "ylZqzKh32TB4/o+71AgYq/Hg4+k/nqVGwcvrqx/i4gm1n11ev8uom3mohiJXh3OXUa9Y3wmp"
    "jM6HIFaX0mMvqIZetcx/ub6+TMH+7iKL66eP786hmykdQCFHJpwc9C9H9wkfBy8MwUt9pL49"
    "SN1ZaMUPXCYKdBKJffj5hrlUfWNeA0nv/wbqaU8X1NXG4mo8yyJ2/JiXoZm/NT2eZq9Qj47V"
    "J+Gz8UlJwC48y7GZemAxnzIv0K9CqDjJ0isZlWuPkViC8BHh8De2BPihfn/hw7eEz0CXdp94"
    "XDrwZfALBhruPiSvEToG1MgBo9YEJC32LM+y1P0ww7wY5sX4hoZ5+YZ8Q8O8tKV3Geale72r"
    "CvMCRstA13pYyKy2INbTbldtCMPINMLI2ExSp4CUKadjFhJdmCyapkRCp2dApe7UkRLs4MSx"
    "vxNF3g6L/dg11JwR3YKi96jD7ZueY5ZCaz0mIdPcDAWP9VhPT6XzVwVVgnR/TtjEbZQcTPgj"
    "PMxH3jmibCzFHAoyoQ+MjLnME9tbq7XhmdJyKXQ4exB4smjCXOFWZ4X3pmP3KGhm5oIKiM1c"
    "XI0APRKaUgyZcNcWxJFEfR8qziMHFIpMGKiR3jN1k4MwoSPJ/HyrqO0pHR5+qJRsOpMFXH6p"
    "P5IUqcsjybe6w3r9keOjV9+/evPy9au5GzK/ssz7yHsaLhVywHyf+zoGcVrKGMX6RjEuDWi7"
    "1gmh5lpyJ5zr3KphWhN5NXzgPnPG3s/sSaniAt6belYRhdXh9UG47NPH+YpSsv0BAPDZLFyZ"
    "PTu9PTt9f977s3wttvaVRgV92SpjrJfVK4xxa1i9uvgrzsUU1/W+EwRah4wtN5iTKYlCv1Ha"
    "cdHWc2EmVHHWgXcPs5tHRvDb5d4YJ3IoDDLKGsqZCTU+x6wptnjI6ps1RbOm2N45Y09XPcya"
    "Ylt6l1lT7F7vMtHcu4/mBoxCW7DAQFsWg5qSM1Goy6NQM4Cj0a0PdyxlwK4OduTVDBTbqcEC"
    "5uRaSwX2BANkbRH6fGRKnwhOBuTT1c9X179ekSEDj44h7as8VkEODkEl7KGIYt6sqpqpRxMq"
    "32C/iXgCbcoxLWdYx22xjonUANsgHhNpCfZMG1W5x3RD1KUfE8RVFKO/je0gyc0LHYG93i0h"
    "ge3Ic0/6T70ipnZxt7+CqsWS1Vha3JYxDaTSZp+4zohZT9BHCQjh+ir3iYDe9tzx3pLHCe/D"
    "/5iH/6dIonrww7EmBFTsyKc+oZ5NcKUeJkwGarOLd4HU+zjD2bZ4wO8v4Wz1A6OaDHxrVB/7"
    "SW5UoQ6hnxetpJezG3OBuuiNRhVbM2UYjqKa8BZP4wbfAnzDiSfESAPkjFj3yO+XxxWQfnlc"
    "ijTeKkS6aEZeiXPhtNwBlLffnnkgLa7HNidE2kw49zBpG7geuF/4wOdgYUrOiZhS133Wj2IB"
    "MFCQsK8zZsHbEhWtBffUv3CLqAflKaNtVtySjR2Y6k5zY4ftWJL8Bwx4UcW5aygsFYODFcrf"
    "CTJlQoCT1Q/pOnAViOPNAkkeqBswcqD+EIrxwxBSIpjlMymKc25soc7qnBYqI2XM5aLpsoFz"
    "GSsNK3inlwiiTp/2zA2EVH5YzqGNb/WXe7NWotgqf7Z8aDV+4Z76hSaWpwlTwMTyfJsOuYnl"
    "aaJ3mVie7vUuE8uz+1ge0AQoq2CpagnjtRDpIMonR1WoGChVirK6l0a5mO8qNX9LeK4aF8OP"
    "6jWAtxbR4bMp9e/zUJZvJFtIdGGabXoTGTiTg5FLxxqNNynS2hCoRhuwBo+QSIxD/Q0DCH6i"
    "+9vA81EDmaRBm2LDhx3Cplb2Ke7YefIpvNNfzj3ZIh4b+lWjKcLyfyMeE0j/hn8KMuPwyZin"
    "N0zIO6M+JsKUE58H4wl5cHwZUHcwc2xy8Ll3+LkXFSWSz0qyadb1oAKm7DdFzwge+GGkVVyL"
    "Y/d+NyyaYdH2ZQwyLJrx8w2Ltq+9y7Bo3etdVVi0hLWh0b3SUh3kerYfdZMwDtdBetY01L3D"
    "3p4i7bKHos0NpcbwvLwh1bKkmuHY5+30+KRKzBCUKm2p6l4a35HrePfaMY9pqe5ZN0eHx1Xs"
    "GyxWvqChbqbRHlLhWNpop6W6h/b2bckv3PEG96zAYF+SuHshYqjh3G7VB+bJEtu8FNK0kAE1"
    "tyuVT6fR/rmqK0YJkS6MA00vGYHXcqQz8sblu4B1A0vJANexJrzHBl4deF9qwvvSwKsD7ytN"
    "eF8ZeHXgPdGE98TAWxlewf0CS6LUNouLG6ssa5Ut1kK104XkRE3GEK0lziUZQ9Ir1GmVaCcN"
    "eZ+qbM/UUTVlSK4xtilpcUIDBdEbaf0sj+BQJczGIRPyYEIeTMiDWZRNlTMhD+3uXSbkoXu9"
    "q0rIgy0GuuuaCZEOLm3Wsn0IINNdaUuIdBHlreecUJa4dltOS3UR6Dqac4ha4aLmKqiLlzXX"
    "RHq3vkdTOOuOHGmp7hk/2w+SEtaETWkJ0OW8ZVrK0JdZ+hLqDiwZ+GVNuBzZnKABNwdu2PpG"
    "jluAbPmqfUasC6ND45s9xcC2C2Iqbxl1mb3k8PK5nEF9DdRtdxCmnNcYSNJCZhDJLTCJwQPz"
    "RWEuz3JQU0IG1LX3LkcbKQuoe40tuovtpXvmp1TawjylsxlUsvk25k6us+ntaF6gOvP5jPnS"
    "YUtwvfbYHYf/rUZ3Ae0vqXr3cj4rxnit5cQEGksXFtOordgk/kXg8VDxuLx6o/jdhBEw9ly1"
    "b9vzGGa5xpNIp+QA92IDLgFGcX4nCNasBvy/XxfsA9+gHrOuadY199jQNeuaZuXFrGvua+8y"
    "65rd611V1jWVnaTyZZcRNeXJyNOyGyUkX0vjvf8eBV54TtEwcFzpeOIFPu9/evXavkV631qW"
    "8HbHtX4j1p4GTZF3LatFwMZ+YyPxrztVW53Rr5tFtMIQVXq42+Jmf4WzCQUr+ZgmonUvx4K+"
    "8fyM52dsU+P5dbR3Gc+ve72rUkQr2C360ZZJIXNC4erepQDTjhxOCnVvDKsndBgxg88vyuK1"
    "Aum5lIlr1cC6hDRagXUZXWSwXoa15k7xlIwJPMlG8zhi/o4azTct1WBOxau66MxM663Sdstb"
    "bi5WWFIZaB0Es5DoXsLKLYNrCTGwXKp30E5KyFgVlUZfXE7QRzotZaCuBLU5i6fctdxWoPBG"
    "6xrbI95/ZO7sPbd6BbR7fKu/gnSPihjO3XDuhnM3nLthBVPlDOfe7t5lOPfu9a5KnDu3dLeD"
    "J0TMZvBKm8EdWbT3bck+8Figg5RkLQcQwBOldhLsuUgnUP6GnDU897PAUYuOA13mpH2Jihgn"
    "zThpxkkzTpoxIyuYkcZJa0vvMk5a93pXFSeNYdS3/qJPRqx7PayuIwa0w6OSMp3wJhrw2RCz"
    "YB2gg+0i3SL24eXhYQWcoVR5hjS8l8dZOP8qgHmZ85GU6ky8TiMuSBr54nDWpbCXBLPuL+xb"
    "TEtXHMGzJB1dSQCPAbNnuYGQzNfex5mWWwvXthkVbTibJII1rwvtg0nOFjXtlx6qbstMt8DU"
    "nkx4BXL16fJyV0eS/MSHvSJqEi73V1CTURFDTRpq0lCThpo05EmqnKEm2927DDXZvd5VhZoE"
    "s0WbLUvKdJAtqyWGBDGzwG7UxTmWMWPY6jEM8cJXy2NcHkaSlOkCxk2EkWQx1+TIkiKG1snS"
    "OoiONk+WFjKgZkEduY53rxDSGoAzYl0YH2o/0EW1wrXsyIzoFuzIZrDvPU6YRz5gWyEuFRLT"
    "NI8cf8psggma580nldW5oozG6N5uwzPv14WdC0euIvZqVadcyHWvV9bAnUSMq+ZMnRVrbmI5"
    "2pOJxeLTWSDhiQP4PJ2ECnnBDq3EbA3eGfWp6zLXEVMNbDNSptVmYQ0Ei0Opq466CZHuDbi1"
    "xCGZoK8GwZ75fOzTgkGi3PNPiHQB5KYdfxhhwd7zfB03NSVjvNRceAx9YDMOtQ9mFLqKxqCR"
    "l+xCk87QsofHVexiLFZOzKqbeY+VDeYIioHtaM2MZfJGA1U1YE2YdR82X/iP+Q+0IOPe0pCm"
    "4go6M8I0HPeYgHNauGRRRRHT4oWL/VXC9nzGBUjIY/GgwG+s2NoT8h1yH3fY3GG4swLPCnyf"
    "eVZBxEGllp+vpEPK2Vo3mDoeWCvoVw6ZfGTMGywwLDodcUmPWFlVh/DfXeeAMtQLZhvMCdka"
    "zNywBG5lV2JUK/NsbeJ2RTUG+KrA63piq+oxXkFVr8BnAKCPMCIyY53JuEjUNPmC7U0KJSol"
    "m86K5tyVACdFOzTHbu+Ud+bSpyVObSnAeUEDb0FYB3XcwGcDvzCuoxTcrJiBthzaNdpukaiB"
    "OA8xOu+6hl1KxixsZiFlHn7lAPxBZ0ilNRlweKWp8y+qXqw6zCvrMdZErjUrxOAzrARsasHH"
    "BUQKyZRlLn2l6jo0qjTs1hfCq59lYGk1RjubaScac5g/oOPxYDahgq3jDFWrzAxoq5RgO0I6"
    "niUVgGLmOnIQThMF0YuVlbG8UqOUAodqMHLpWM+VmosYiykL6APzRaFtVE5xJUS6x2ZtPyLe"
    "Zw9OMcTL8/cspFo7DPSGwXTGbDJ8IgxaxRNxnRGzngAUUDL1hIPl3hJGrQl59B3JiCMIJRj7"
    "Sn32nHr2c8Ek4R5xJDkQ4C06FhN/+cKH4i+KPRUvZk8K6lTsfGNPbYUxAB60YyvHQ39fUKFs"
    "a5vT7gbBBUzM93lB+M9Pt9dXKyGey2a3rjiWJP8heIbT/g2PS4BEULDm8rjCbAhhP72NBCvI"
    "xhUm8Jy5tGDUrKSKWNRoYmNNMHtACyJUlu/lysruzWaurcTb7ttWrFanEutmPqG9yyTWpBq2"
    "kEjsBjrFzcXZ3bJEYolYJDqbwQsVhR1Fkh9+vmFuGf27yBIGoyIVPPCtfUxzUgZ72p0JvM1h"
    "ugm8ruITecebY/T3hZvdRZz4DD9pc6Su43q6CtRiZ8FmQN3G9XQJqJpzQSaG8+KskOnxfkV+"
    "yIGtLq5MEdm79hix5zUTnJ2YTeCzOaEEKurDb5UnwOcuI2GpPhGOzQj34V/v/kWONNlSnSZJ"
    "ZYuNyj4xSSpNksrWjuJ7mkbPJKlsS+8ySSq717sKCKr8Iadl5zAsOeS09ByGaj2rddpNx9xX"
    "Oc/lqPw4l6P8aS6BN0CN5yAuT6CQEOnC4NV0AgXBfZ2EQXFxs3qXiwmZezXaBHZOtC50u+pv"
    "pPNW6sJfmsTN4L7u4kF0DMWGCwfReRf7hX/VVYNFq0utGJyd3p6dvj/vlYwtW0B124sDbQQ3"
    "N6Jqr8rUTOnh0kMxlxctSqwi8fyoWCUWTwTDqSOQxyd8FBJtRPIo8Sf1bDLhjxiGxECpdjFp"
    "p1+F4ehaPHb3DUdnOLoW+5n7ySIYjq4tvctwdN3rXVU4ulbHkH0De8ZmzoyBSci0T/PJCbaZ"
    "L1WfK9Q6dWgAq5VrgWvYCTtZ7Tz3g5kMdwlQEuWrQAN6osQcQUY8AOOZjkFvObu7tqc0f3x0"
    "y9Ps7+6w7hoMywkXzFsD65xge8HupToFceyoqatPgNbuQ6+BZp/oJuiiwtdJ8ujISRhhEnjQ"
    "V+AlhSQHf/wB9VzYf/zxrK9260iW744NPPOzN2RQEwsLRwVdRh+YeEseJxx3GhGX83tBcAO6"
    "T6iAn+FL4Ruwr9SS7lP4JqESG95nNmEw9gzBP1kjXD8ruzfh+mBQjWDYnYRDMOpu5nOLiag1"
    "SDxhAdTnuIw4UswVizryCAxx44l8CyP3iHkWi3aT+WzmOhaM9AymgAOaa4y1P/Gzl2jJj6qN"
    "z/VDhOQqcOuRQkNkI0mGbAKQhhOQDdZl/DpFG9j219zMe3M42UJ/tQcjnxfkfS8fbHOC3fPq"
    "akyV7ct1z3ZKSO7N8PJN7gZSiSLX0HFSrhENb8OciWqLtgv7DPRq4dgd7idWk3xoYCSJeBzW"
    "wTYQMA6jMQDT/kFoCUzpE4zQjuuS0BMAsWl+/3JDz+xwEx05HnXXOM8vLda9gX/7VmWUzC2P"
    "cnlcUEKkCwg3HRdUmpGjfJd/aUKONvFnyovzgukQnCc+UqMbeGHfCRK9fug6oZ+mxjEY5w7C"
    "Bdfofn4c3UaFdadRBBuzZB/7O84xHXZJH0rKZZQ6BMG6GLn5Fb3jL3GZGdegfeoprydCGHSB"
    "WTdgbgO3BD6GHDCofnHC5RRd9LCuvHa3V231Dv3u+voy1aHfXWR77KeP787BdFYVQyFHlvCx"
    "Jh7KxEPtR8jOqnioKhuod7FJsZ12QuN7FON9wsVBTYldxKsCmxJmxOrgpl8nFFMosflkO49N"
    "wg3iffBicOB+5IFr45W3Mc8KMriv0FN8qjWh3hiJtEAqjwfH+NTI3s/NCg0997P3OHHAOcPM"
    "UbaNfBue14wzTLReCXMQFoQGSibwzCm1mUonBW+EfaGPmyapcsbIyPGFVHZIthJk8T57Nn/0"
    "npUFbv0Wj2ChodP73URytWXW6ZtIrl0vuJlIrs7FmphIrrb0LhPJ1b3eVSWSK7I0ciovNR0W"
    "As1tTqvfgtgaB4S2dfH21aVEQMn2VYOpGrDVS+iw0guJFo/9vSIOKwxiQR9FMDBbJHob4h7p"
    "zEd0hqj3hP4QLgPhmNRXwS/qDozBIxHnvS2mT2t81q6318ZfVsBI3DIKnt6StpKS3Zv2ItD7"
    "hStP6Gz25xpEHVHXxagTTPOpsp/iXcQA40twzVGq4MXlTWQr1e+6VTAVoFPQJsrTyiZlNson"
    "21SM7CJcLn51cuDxucLCPE9TjH2Dzs4DZCkwyIiPFLGCRMVBHBRMELg+iWJmiKLmikeSuh+4"
    "42S4gT3SajRx+b1oML/9O0TdcqkQV+qnmNDjk9d//h6vrI0Cz1LZ+tRft/97SSzo9CLXFDar"
    "asdK/kK1Un9Hxfcgx3QPxubTm2h5NNJQqJY+gZHdfzpDdfUxdnDs0+mfObWuIb9jXYbx62sc"
    "b5ETbPv8v2CkwzF4sfzNYqvOEXMeHPnuAzTw7tmTePY39dA8MW07NvE4GnziMXTtcgN+M49t"
    "ONwlXBkoGOnLjcWESKt3zigzPV75EA6GHyP0sdqi8PcDnJHVRDybL5QUrc1vVNeOjcDieIxV"
    "TkFJNEb7hoN0aMSHy4tfnh/99fAZWu84UBbb5tg5QXTmMPTiPI9ZYH8RrmrGgR2G90fu2zBn"
    "c15sADb03Ba0nbJDQpa3ndLjQVrVgh4n0aaGaHHTUiupOCZH+lWrnLHhZnNQG96Mz3sAJdOC"
    "E3u2VuuOtR+38TW22GRETQh8exjw/AKTCd4ywVtdD96qMyxpkZS/ICoplbF/VVASTxVeGZZ0"
    "SuaRaCptueSz50g6PV9cDvlsPgrdlj54JniqMFySXM1GACHasBO4Fu759MY4O0l6z0Q+Q1Pd"
    "D/zsffbmu125iHalw+PHY4yNtUMGHk+5E1H29sfY/HbUo0W4cd0jcySjPYXxzkQMVFLuVhiN"
    "5HI0yiixfComfdxU6Ic7DiPrDAOnMxvb8Si90AdUOyLBsnPsv0VXbGYHancjviDcxg/j3KSp"
    "avuo3DfBTSa4qcXryfsZfmGCm9rSu0xwU/d6V5XgJkxarms9LGRavL2ulTZEK9KDta537UQB"
    "O80D1ToV1Dy73MN36YAcl+8guNs/qiJyfjXbcVqqzUD3Xh6TCftKbGfsSHDfw+xg6DxP5jmf"
    "M8mt4sRWoc999OLo5L9UgB5uhsqz8TXU3/AyraT+mMmB7RSswixpAimp7lnJNab9kUHBmng5"
    "0guJujraNnK//HJ+9f7i6gdyoBi6PvF4zIQ9MfmsTy6uBr/cXP9wc357Gzd9yfk9tvk+Obv+"
    "+Mvl+d35+z75cHpxef4+1822X33DA63J/dH0+uLI8RwxWcsrzYia9cX2OKF5jicKb103d90+"
    "pK7rzfPhfifS4bxqk3a0qwBTWalw8Xi1BIdJjz1TRoiKJJsvozhSxQaLt8RmljPfk+3IfBBq"
    "c4/+7OGKj9oCrs7f6BO1b1wt5MR5IXFjepydBv9dnQi4huPdooYz/yZ9EqSkBkOJrOuRmyCD"
    "3eC+fh8wbd8EerQ10KOwhW8B1A5m5MlCm+3WKYDhJcjVp8vLXYXSLPAvCKVJKWdVKE2qVWiH"
    "0vhMAoQYBzJh1n10Ocq985bcsxlGm5CJg1bCEybaeUTGKMx9M1LyyiJbHUKz1QeZGJMWTwh9"
    "E2NiYkxavI6xn6vgJsakLb3LxJh0r3dViTFp+ZFLnepjMwoVa2Acl2/zAnDLlv9MMEONxKwh"
    "AXdDApo4QEP8dY/4i86m3xzOm7Ci/WrRVRFd9GNtpm8B9Xw71YYZz1O74bqBd60Zz+/4PSvc"
    "Vhje6C/nQeW8UAX+c8ioz3yiZEIKMhCY8OQt4eC3qCx5tz+ePj8+eY0b4hQzeaAKCwKC4UY+"
    "n3o2n5IQSdFX29rnSQ2eFZGhDT3VMKMtnjH7S5hRwIa5Ovb4XKDNBnmYUsaR4dZSnxx87rl8"
    "7HifoejnnuU60Q/4l7x48aIkJY2efMOuquqkgwkVWg5rWmo7KtxtL6qbEfDZyPmqxQnMJVrd"
    "QxZnSVjwKTB3MR+GdsmJZK5L4ilghmcAOp7KPxdnrczl6lmvmoZdY/Z15vhMrJFrJS1pQiHb"
    "w5UWhUI+QJNbJ6NOWtJouc1adqmQA7Bj19FzVtZous2aNkvK3Vv0qrKkjE6qNqOaEDJU9pYo"
    "VcR0CyTgp6ia/dJAVQow0fDalDfrkz3qFVBbeLm/nNgKoiKraK1yJA0h1OL+3l9CCJlQuZ4J"
    "lTN2jQmV2+PeZULlute7qoTKgdkyUL81OldSpnN8+NHxmyo86vGbciIV7+UOrxmoA1l0YZ4L"
    "tZkYXxPpk6MqaUmgVCnS6l4eaQWSJtCxTAdx3v7CAAKGr5YHuTwxRVKmCxNy05kpvlBfe6BO"
    "ynSwYeOhVqtbNpQqbdrqXr5t68Y0J2U6iHNdcc0h6zMYuXScR7uUu8hINZeR8LAusLdwNGuO"
    "jtwRfSYUb5XnzyIucymBFpepEBg2Y77gnsqcHh95FiZLo8TnLntLHhz2yPw+sdkDczFSUJW1"
    "p45XFPG1aXWGudtT5k53Qu2s11PHvqAw2lE73ion2GJrsUf9MfeOycHs0XadIR6rh0eujdRI"
    "ggMaHvVAhDP21CGsYT7HMMAHY0lzQ9Hm1TVvMOEIqaPfuHwXDaWte1q2I/DLiyYJDjhSr8RG"
    "SohlcB6CXF1Az68062+9u76+TPlb7y6yDtWnj+/OAXqFPBRyZGqCMIsM1Rr7ftKgZYsMGjZz"
    "JoZ4wx0n840Se6b/nWw3OWW+Y016BU5FdGepW0EXZVqzMP+t2PYbObTLrPY1zpTe9DTptnXF"
    "rF13UsmuO1li151kTQ/sVBoIR8U7iO7R4WEl9utwCfl1mItm4J5kRfnhyk+7T4hsdOJ929Be"
    "Au7WDqbfKT/25/8D+dGMdQ=="
)
