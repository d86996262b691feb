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
    "xCGZoK8GwZ75fOzTgkFi1dFgCcEuQN20+w/jLFh9nq/jrKZkjK+aC5KhD2zGofbBjEKH0Rg6"
    "8pJdaNIZcvbwuIp1jMXK6Vl1M++3ssEcQTGwHa35sUzeaKCqBqwJs+7D5gv/Mf+BFuTdWxrY"
    "VFxBZ0aYhqMfE3BOCxcuqihiWrx8sb9K2J7nuAAJ2SweFHiPFVt7Qr5DTuQOmzsMd1bgWYHv"
    "M88qiDuo1PLzlXRIOVvrBlPHA2sFvcshk4+MeYMFhkVnJC7pESur6hD+u+scUIZ6wWyDOSFb"
    "g5kblsCt7EqMbWWerU3frqjGAF8VeF1PbFU9xiuo6hX4DAD0EUZEZqwzGReJmiZfsMlJoUSl"
    "ZNNZ0Zy7EuCkaIfm2O2d9c5c+rTEqS0FOC9o4C0I7qCOG/hs4BdGd5SCmxUz0JZDu0bbLRI1"
    "EOchRudd17BLyZjlzSykzMOvHIA/6AyptCYDDq80df5F1YtVh3llPcaayLVmhRh8hpWATS34"
    "uIBIIZmyzKWvVF2HRpWG3fpCePVzDSytxmhnM+1EYw7zB3Q8HswmVLB1nKFqlZkBbZUSbEdI"
    "x7OkAlDMXEcOwmmiIIaxsjKWV2qUUuBQDUYuHeu5UnMRYzFlAX1gvii0jcoproRI99is7cfF"
    "++zBKYZ4eRafhVRrh4HeMJjOmE2GT4RBq3girjNi1hOAAkqmnnCw3FvCqDUhj74jGXEEoQQj"
    "YKnPnlPPfi6YJNwjjiQHArxFx2LiL1/4UPxFsafixexJQZ2KoG/sqa0wBsCDdmzleOjvDiqU"
    "bW1z2t0guICJ+T4vCP/56fb6aiXEc9nsBhbHkuQ/BE9y2r/hcQmQCArWXB5XmA0h7Kc3k2AF"
    "2bjCBJ4zlxaMmpVUEYsaTWysCWYPaEGEyvIdXVnZvdnStZV4233bkNXqhGLdzCq0d/nEmlTD"
    "FtKJ3UCnuLk4u1uWTiwRi0RnM3ihorCjSPLDzzfMLaN/F7nCYFSkgge+tY/JTspgT7szgbc5"
    "TDeB11V8Iu94c4z+vnCzu4gTn+EnbY7UdVxPV4Fa7CzYDKjbuJ4uAVVzRsjEcF6cGzI93q/I"
    "Ejmw1cWViSJ71x4j9rxmgrMTswl8NieUQEV9+K2yBfjcZSQs1SfCsRnhPvzr3b/IkSZbqtOk"
    "qmyxUdknJlWlSVXZ2lF8T5PpmVSVbeldJlVl93pXAUGVP+q07DSGJUedlp7GUK1ntU676Zj7"
    "Kqe6HJUf6nKUP9Ml8Aao8RzE5QkUEiJdGLyaTqAguK+TNigublbvcjEhc69Gm8DOidaFblf9"
    "jXT2Sl34S1O5GdzXXTyIDqPYcOEgOvViv/CvumqwaHWpFYOz09uz0/fnvZKxZQuobntxoI3g"
    "5kZU7VWZmik9XHoo5vKiRYlVJJ4fFavE4olgOHUE8viEj0KijUgepf+knk0m/BHDkBgo1S4m"
    "7fSrMBxdi8fuvuHoDEfXYj9zP1kEw9G1pXcZjq57vasKR9fqGLJvYM/YzJkxMAmZ9pk+OcE2"
    "86Xqc4Vapw4NYLVyLXANO2Enq53nfjCT4S4BSqJ8FWhAT5SYI8iIB2A80zHoLWd31/aU5g+R"
    "bnmy/d0d2V2DYTnhgnlrYJ0TbC/YvVSnII4dNXX1CdDafeg10OwT3QRdVPg6SR4dOQkjTAIP"
    "+gq8pJDk4I8/oJ4L+48/nvXVbh3J8t2xgWd+9oYMamJh4aigy+gDE2/J44TjTiPicn4vCG5A"
    "9wkV8DN8KXwD9pVa0n0K3yRUYsP7zCYMxp4h+CdrhOtnZfcmXB8MqhEMu5NwCEbdzXxuMRG1"
    "BonnLID6HJcRR4q5YlFHHoEhbjyRb2HkHjHPYtFuMp/NXMeCkZ7BFHBAc42x9id+9hIt+VG1"
    "8bl+iJBcBW49UmiIbCTJkE0A0nACssG6jF+naAPb/pqbeW8OJ1vor/Zg5POC7O/lg21OsHte"
    "XY2psn257glPCcm9GV6+yd1AKlHkGjpOyjWi4W2YM1Ft0XZhn4FeLRy7w/3EapIPDYwkEY/D"
    "OtgGAsZhNAZg2j8ILYEpfYIR2nFdEnoCIDbN719u6JkdbqIjx6PuGqf6pcW6N/Bv36qMkrnl"
    "US6PC0qIdAHhpuOCSjNylO/yL03I0Sb+THlxXjAdgvPER2p0Ay/sO0Gi1w9dJ/TT1DgG49xB"
    "uOAa3c+Po9uosO40imBjluxjf8c5psMu6UNJuYxShyBYFyM3v6J3CCYuM+MatE895fVECIMu"
    "MOsGzG3glsDHkAMG1S/OuZyiix7Wldfu9qqt3qHfXV9fpjr0u4tsj/308d05mM6qYijkyBI+"
    "1sRDmXio/QjZWRUPVWUD9S42KbbTTmh8j2K8T7g4qCmxi3hVYFPCjFgd3PTrhGIKJTafbOex"
    "SbhBvA9eDA7cjzxwbbzyNuZZQQb3FXqKT7Um1BsjkRZI5fHgGJ8a2fu5WaGh5372HicOOGeY"
    "Ocq2kW/DU5txhonWK2EOwoLQQMkEnjmlNlPppOCNsC/0cdMkVc4YGTm+kMoOyVaCLN5nz+aP"
    "3rOywK3f4hEsNHR6v5tIrrbMOn0TybXrBTcTydW5WBMTydWW3mUiubrXu6pEckWWRk7lpabD"
    "QqC5zWn1WxBb44DQti7evrqUCCjZvmowVQO2egkdVnoh0eKxv1fEYYVBLOijCAZmi0RvQ9wj"
    "nfmIzhD1ntAfwmUgHJP6KvhF3YExeCTivLfF9GmNz9r19tr4ywoYiVVHw6dl96a9CPR+4coT"
    "Opv9uQZRR9R1MeoE03yq7Kd4FzHA+BJcc5QqeHF5E9lK9btuFUwF6BS0ifK0skmZjfLJNhUj"
    "uwiXi1+dHHh8rrAwz9MUY9+gs/MAWQoMMuIjRawgUXEQBwUTBK5PopgZoqi54pGk7gfuOBlu"
    "YI+0Gk1cfi8azG//DlG3XCrElfopJvT45PWfv8cra6PAs1S2PvXX7f9eEgs6vcg1hc2q2rGS"
    "v1Ct1N9R8T3IMd2Dsfn0JloejTQUqqVPYGT3n85QXX2MHRz7dPpnTq1ryO9Yl2H8+hrHW+QE"
    "2z7/LxjpcAxeLH+z2KpzxJwHR777AA28e/Yknv1NPTRPTNuOTTyOBp94DF273IDfzGMbDncJ"
    "VwYKRvpyYzEh0uqdM8pMj1c+hIPhxwh9rLYo/P0AZ2Q1Ec/mCyVFa/Mb1bVjI7A4HmOVU1AS"
    "jdG+4SAdGvHh8uKX50d/PXyG1jsOlMW2OXZOEJ05DL04z2MW2F+Eq5pxYIfh/ZH7NszZnBcb"
    "gA09twVtp+yQkOVtp/R4kFa1oMdJtKkhWty01EoqjsmRftUqZ2y42RzUhjfj8x5AybTgxJ6t"
    "1bpj7cdtfI0tNhlREwLfHgY8v8BkgrdM8FbXg7fqDEtaJOUviEpKZexfFZTEU4VXhiWdknkk"
    "mkpbLvnsOZJOzxeXQz6bj0K3pQ+eCZ4qDJckV7MRQIg27ASuhXs+vTHOTpLeM5HP0FT3Az97"
    "n735blcuol3p8PjxGGNj7ZCBx1PuRJS9/TE2vx31aBFuXPfIHMloT2G8MxEDlZS7FUYjuRyN"
    "Mkosn4pJHzcV+uGOw8g6w8DpzMZ2PEov9AHVjkiw7Bz7b9EVm9mB2t2ILwi38cM4N2mq2j4q"
    "901wkwluavF68n6GX5jgprb0LhPc1L3eVSW4CZOW61oPC5kWb69rpQ3RivRgretdO1HATvNA"
    "tU4FNc8u9/BdOiDH5TsI7vaPqoicX812nJZqM9C9l8dkwr4S2xk7Etz3MDsYOs+Tec7nTHKr"
    "OLFV6HMfvTg6+S8VoIebofJsfA31N7xMK6k/ZnJgOwWrMEuaQEqqe1ZyjWl/ZFCwJl6O9EKi"
    "ro62jdwvv5xfvb+4+oEcKIauTzweM2FPTD7rk4urwS831z/cnN/exk1fcn6Pbb5Pzq4//nJ5"
    "fnf+vk8+nF5cnr/PdbPtV9/wQGtyfzS9vjhyPEdM1vJKM6JmfbE9Tmie44nCW9fNXbcPqet6"
    "83y434l0OK/apB3tKsBUVipcPF4twWHSY8+UEaIiyebLKI5UscHiLbGZ5cz3ZDsyH4Ta3KM/"
    "e7jio7aAq/M3+kTtG1cLOXFeSNyYHmenwX9XJwKu4Xi3qOHMv0mfBCmpwVAi63rkJshgN7iv"
    "3wdM2zeBHm0N9Chs4VsAtYMZebLQZrt1CmB4CXL16fJyV6E0C/wLQmlSylkVSpNqFdqhND6T"
    "ACHGgUyYdR9djnLvvCX3bIbRJmTioJXwhIl2HpExCnPfjJS8sshWh9Bs9UEmxqTFE0LfxJiY"
    "GJMWr2Ps5yq4iTFpS+8yMSbd611VYkxafuRSp/rYjELFGhjH5du8ANyy5T8TzFAjMWtIwN2Q"
    "gCYO0BB/3SP+orPpN4fzJqxov1p0VUQX/Vib6VtAPd9OtWHG89RuuG7gXWvG8zt+zwq3FYY3"
    "+st5UDkvVIH/HDLqM58omZCCDAQmPHlLOPgtKkve7Y+nz49PXuOGOMVMHqjCgoBguJHPp57N"
    "pyREUvTVtvZ5UoNnRWRoQ081zGiLZ8z+EmYUsGGujj0+F2izQR6mlHFkuLXUJwefey4fO95n"
    "KPq5Z7lO9AP+JS9evChJSaMn37CrqjrpYEKFlsOaltqOCnfbi+pmBHw2cr5qcQJziVb3kMVZ"
    "EhZ8CsxdzIehXXIimeuSeAqY4RmAjqfyz8VZK3O5etarpmHXmH2dOT4Ta+RaSUuaUMj2cKVF"
    "oZAP0OTWyaiTljRabrOWXSrkAOzYdfSclTWabrOmzZJy9xa9qiwpo5OqzagmhAyVvSVKFTHd"
    "Agn4KapmvzRQlQJMNLw25c36ZI96BdQWXu4vJ7aCqMgqWqscSUMItbi/95cQQiZUrmdC5Yxd"
    "Y0Ll9rh3mVC57vWuKqFyYLYM1G+NzpWU6RwffnT8pgqPevymnEjFe7nDawbqQBZdmOdCbSbG"
    "10T65KhKWhIoVYq0updHWoGkCXQs00Gct78wgIDhq+VBLk9MkZTpwoTcdGaKL9TXHqiTMh1s"
    "2Hio1eqWDaVKm7a6l2/bujHNSZkO4lxXXHPI+gxGLh3n0S7lLjJSzWUkPKwL7C0czZqjI3dE"
    "nwnFW+X5s4jLXEqgxWUqBIbNmC+4pzKnx0eehcnSKPG5y96SB4c9Mr9PbPbAXIwUVGXtqeMV"
    "RXxtWp1h7vaUudOdUDvr9dSxLyiMdtSOt8oJttha7FF/zL1jcjB7tF1niMfq4ZFrIzWS4ICG"
    "Rz0Q4Yw9dQhrmM8xDPDBWNLcULR5dc0bTDhC6ug3Lt9FQ2nrnpbtCPzyokmCA47UK7GREmIZ"
    "nIcgVxfQ8yvN+lvvrq8vU/7Wu4usQ/Xp47tzgF4hD4UcmZogzCJDtca+nzRo2SKDhs2ciSHe"
    "cMfJfKPEnul/J9tNTpnvWJNegVMR3VnqVtBFmdYszH8rtv1GDu0yq32NM6U3PU26bV0xa9ed"
    "VLLrTpbYdSdZ0wM7lQbCUfEOont0eFiJ/TpcQn4d5qIZuCdZUX648tPuEyIbnXjfNrSXgLu1"
    "g+l3yo/9+f9ykY7D"
)
