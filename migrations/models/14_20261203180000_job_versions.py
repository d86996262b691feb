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
    "eJztXW1z20aS/itT/BK5jvZKsuV4vVdXJctyokSWcpa82bo4xRoCQxIWiOFiAMnc3fz36x4A"
    "JN6JIQEQROZDYgqYBsin56X76Z6efw/m3GS2eHFuM9e7mFHHYfbgLfn3wKFzBh9y7w/JgC4W"
    "67t4waNjWwp4I4ptR0as8Vh4LjU8uD2htmBwyWTCcK2FZ3EHhc6JywxmPTL3LaFkyhzmWgb5"
    "6e72hjyx8YzzhyHhLtx6bznTe2rDn7+yCz7Hi3c2NR6Iy8fce4FvM7kBr4N2dT/Yd6x/+mzk"
    "8SnzZsyFx//2O1y2HJN9YyL6c/EwmljMNhMoWiY+QF4fecuFvPbOml453gfZFr/2eGRw2587"
    "6/aLpTfjzkrAcjy8Kn8E9Ri+wXN9RNPxbTvEPwI4+LLrJsG3jMmYbEJ9G3WC0sEXWF8bjEY3"
    "t/eju8v70WiQ0VckEUM6vGRwB3UNX1VIAKb4FZ7/9fT05cvvT49fvn5z9ur778/eHL+BtvL7"
    "Zm99/0fwZdZoBY+SmF39cHVzj1+IQ4cKOhxe+EPKUI8GUlIZa/QNlwFeo/EyqwTo0m6+ChJC"
    "KU3AT0xrIsI9pooQ6JUmoiZrVaxHQxu6mNNvI5s5U28Gf75+VQLz388/Xfx4/uno9atnSaxv"
    "wjun8hainkHZs+DPDM7v4RbeKcU6Ek2hbYayL6IPFbDPDIN9gw+/0Lx17GXYL0rAv7/6eHl3"
    "f/7xF3zdXIh/2hLA8/tLvHMqry5TV49epxS1egj59er+R4J/kv+7vbmU8HLhTV35xnW7+/8b"
    "4HeivsdHDn8aUTM2V0RXI9QSeoc1wJosFUdXQkiPrs2jKwRsm9GVEtWjqyujK8IoNrzCb7/W"
    "u/xXYWBF7bcaU53Ta2JQnZy+qTCqoFXhsJL3kuPqAX6aCr5R+z7i+7oKvOmxEEP3dRpc37Wz"
    "2N4xcBDMe/atwPYNhboM8ADs/5Vj8Z0gnz9dD4mQv4tQD+4IjxxJxwFvCWJQ110SELJc4vEH"
    "5jzLOCq1PDGl3rJp8PIf94kZMFLj0cfzfzxLzILXtzc/RM1jar+4vn2XUjdzUA15rg7nNqNO"
    "vr5jUimdj0GsKaVHXlADo6rMf7m9vU7A/u4qjevnj+8uYZhJHUAjy4s5OehfTh5iPg5eGIOX"
    "+kRdc5S4s9aK69tM5OgkFPvw8ydmU/kbsxqIe/+f4DndGYKq2lhfjVZZxI6f8iI0s7fmp/P0"
    "FerQqfxJ+G58UxywK8ewTCZfmM+nrBoMqxAqVrz1Rkbl1mEkkiB8Qjj8jT0BPsjPX/n4LeEL"
    "0KU5JA73LPhl8AkmGm4/xq8ROgXUyBGjxgwkDfYsy7I0/TLNvGjmRfuGmnn5E/mGmnnpyujS"
    "zEv/RlcV5gWMlpGq9bCW2WxBbKfdvtoQmpFphZExmUetHFKmmI5ZS/RhsWibEgmcnhH1VJeO"
    "hGAPF47DXSiydljkx26h5pRoDYo+oAF3aHqOWAqleExMpr0VCl7rsIGaSldfFVQJ0sMVYRP1"
    "UXI040/wMhd555CyMSRzKMiMPjIy5V6W2K7tqS2vlIZNYcCZI9/x8hbMDW51WvhgBvaAgmYW"
    "NqiAmMzGaATokdCEYsiM26Yglkfk70PFOeSIQpMZAzXSByZvchAmdOIxN9srGntLj6cf6nls"
    "vvByuPxCfyQu0pRHku11x836I6cnr75/9ebl61crN2R1pcz7yHoaNhXeiLkud1UM4qSUNorV"
    "jWIMDSi71jGh9npyL5zrTNQwqYmsGj5wl1lT52e2lKq4gu9NHSOPwupxfBAuu/RpFVGK9z8A"
    "AH42CyKzF+d3F+fvLwd/FMdiG480SuiLooyRXjZHGKPesDm6+CuuxRTjet8JAr3Diyw3WJMp"
    "CVO/Udqy0dazYSWUeda+8wCrm0Mm8NnmzhQXcmgMMtIaypgJDb5HxxQ7PGUNdUxRxxS7u2Yc"
    "aNRDxxS7Mrp0TLF/o0tnc+8/mxswCmzBHAOtLAc1IaezUMuzUFOAo9GtDnckpcGuDnbo1Ywk"
    "26nAAmbkOksFDgQDZE0R+HxkTpcEFwPy+ebnm9tfb8iYgUfHkPaVHqsgR8egEvaYRzHv9qiG"
    "qUedKt/iuAl5AmXKMSmnWce6WMdYaYA6iMdYWYID00ZV7jHZEVXpxxhxFebo17EdJL55oSew"
    "N7slxDct79Lx3OUgj6ld3x1uoGqxZTWWFrdlzH1PanNIbGvCjCWMUQJCGF/lLhEw2p5bzlvy"
    "NOND+B9z8P8USVQHPljGjICKLW85JNQxCUbqYcFkoDYzfxdIs6/TnG2HJ/xhCWernhjVZuJb"
    "q/o4THKjCnUI4zwvkl7MbqwEmqI3WlVsw5RhMIsqwpu/jGt8c/ANFp4AIwWQU2L9I79fnlZA"
    "+uVpIdJ4KxfpvBV5I865y3IPUK6/P3PfM7ga2xwT6TLhPMCibeB64H7hI5eDhelxTsSc2vaz"
    "YZgLgImChH1bMAO+LZHZWnBP/gu3iHxRljKq88Ed2diBpe4UN3aYluGR/4ABL6o4dy2lpWJy"
    "sET5O0HmTAhwsoYBXQeuArGche+RR2r7jBzJP4Rk/DCFlAhmuMwT+TU3anhmdU4LlZEw5jLZ"
    "dOnEuZSVhg94p1YIokmf9sL2hSf9sIxDG90alnuzRqzZJn+2eGrVfuGB+oU6l6cNU0Dn8vw5"
    "HXKdy9PG6NK5PP0bXTqXZ/+5PKAJUFZOqKqE8VqL9BDls5MqVAy0KkRZ3kuinM93FZq/BTxX"
    "g8Hwk2YN4NoyOlw2p+5DFsrijWRriT4ss21vIgNncjSx6VSh88ZFOpsC1WoHVuARYoVxqLtj"
    "AsFP9HA7eDZrIFU0aFds+LhH2DTKPkUDO0s+BXeG5dyTKaK5YVg1myJo/zfiMIH0b/CnIAsO"
    "Pxnr9AYFeRfUxUKY3szl/nRGHi3X86k9WlgmOfoyOP4yCJsSjy8Kqmk29aIcpuw3Sc8I7rtB"
    "plX0FMsc/K5ZNM2iHcocpFk07edrFu1QR5dm0fo3uqqwaDFrQ2F4JaV6yPXUn3UTMw63QXrR"
    "NtSD48GBIm2zx7zNDYXG8Kq9JtXSpJrm2Ff99PSsSs4QtCrsqfJeEt+JbTkPyjmPSan+WTcn"
    "x6dV7BtsVhzQkDeTaI+psAxltJNS/UO7flvyK7ec0QPLMdhLCnevRTQ1nNmt+sgcr8A2L4Q0"
    "KaRBzexK5fN5uH+uasQoJtKHeaDtkBF4LScqM2/Uvg9YtxBKBrhOFeE91fCqwPtSEd6XGl4V"
    "eF8pwvtKw6sC75kivGca3srwCu7mWBKFtlnUXFtlaatsHQtVLheSEdUVQ5RCnCUVQ5IR6qRK"
    "lIuGvE887MDUUbVkSKYzdqlocUwDOdkbSf2UZ3DIFnrjkE550CkPOuVBB2UT7XTKQ7dHl055"
    "6N/oqpLyYIqRalwzJtLD0GYj24cAMtVIW0ykjyjXXnNCWuLKfTkp1Uegm+jOAWq5Qc1NUOeH"
    "NbdEer++R1s4q84cSan+GT/1J0kJY8bmtADoYt4yKaXpyzR9Cc/2Dc93i7pwMbIZQQ1uBtyg"
    "900sOwfZ4qh9SqwPs0Prmz3FyDRzcirvGLWZWXJ4+UpOo74F6qY9CkrOK0wkSSE9iWQCTGL0"
    "yFyRW8uzGNSEkAZ1673L4UbKHOpeYYvuenvpgfkplbYwz+liAQ/ZfRtzL+Nsajua16guXL5g"
    "rmexElxvHXbP4X+b0V1D+0viuQe5nuVjvFU4MYZGaWAxidqGTeJfBR4PFc3LmzeK388YAWPP"
    "lvu2HYdhlWs8iXROjnAvNuDiYxbnd4Lgk+WE//fbnH3gOzxHxzV1XPOADV0d19SRFx3XPNTR"
    "peOa/RtdVeKa0k6S9bKLiJriYuRJ2Z0Kkm+l8cF/T3wnOKdo7Fu2ZzniBb7vfwbN2r55eq+t"
    "Sni381r/JNaeAk2RdS2rZcBGfmMr+a97VVuT2a+7ZbTCFFV4uNv65nCDswkNK/mYOqP1IOeC"
    "ofb8tOenbVPt+fV0dGnPr3+jq1JGK9gt6tmWcSF9QuHm0SUBU84cjgv1bw5rJnUYMYOfn1fF"
    "awPSKymd16qAdQFptAHrIrpIY12GteJO8YSMTjxJZ/NYYvUdFbpvUqrFmoo3TdGZqd5bpe8W"
    "99xMrrBHPV/pIJi1RP8KVtYMriHEyLCp2kE7CSFtVVSafTGcoI50UkpDXQlqfRZPsWtZV6Lw"
    "TnGN+oj3H5m9eM+NQQ7tHt0abiDdwyaac9ecu+bcNeeuWcFEO825d3t0ac69f6OrEufODdXt"
    "4DERvRm80mZwy8vb+1ayDzwS6CEl2cgBBPBGT7kI9kqkFyj/iZw1PPczx1ELjwMtc9K+hk20"
    "k6adNO2kaSdNm5EVzEjtpHVldGknrX+jq4qTxjDrWz3okxLr3whr6ogB5fSouEwvvIkWfDbE"
    "zN8GaL9epDvEPrw8Pq6AM7QqrpCG97I4C+tfOTCXOR9xqd7k67TigiSRz09nLYW9IJn1cGGv"
    "sSxdfgZPSTm6ggQeDebAsH3hMVd5H2dSbitcu2ZUdOFskhDWrC6UDya5WD/psPRQdVtmsgcm"
    "9mTCVyA3n6+v93UkyU98PMijJuHycAM1GTbR1KSmJjU1qalJTZ4k2mlqstujS1OT/RtdVahJ"
    "MFuU2bK4TA/ZskZySBAzA+xGVZwjGT2HbZ7DEC/8almMi9NI4jJ9wLiNNJI05oocWVxE0zpp"
    "WgfRUebJkkIa1DSoE9tyHiRCShNwSqwP80PjB7rIXriVHZkSrcGObAf7wdOMOeQD9hViU+Fh"
    "meaJ5c6ZSbBA86r7JKo6V5RRmN27bXhm/bpgcOHMlcdebRqUa7n+jcoGuJOQcVVcqdNi7S0s"
    "JweysBh8vvA9eOMIfp5KQYWsYI8iMbXBu6AutW1mW2KugG1KSvfaNKy+YFEqddVZNybSvwm3"
    "kTwknfTVItgLl09dmjNJFHv+MZE+gNy24w8zLNh7jqvipiZktJeaSY+hj2zB4emjBYWhojBp"
    "ZCX70KVTtOzxaRW7GJsVE7PyZtZjZaMVgmJkWkorY5G81kBVDRgzZjwE3Rf+Y+4jzam4V5rS"
    "lP+A3swwLec9xuCc54Ysqihinh+4OFwl1OczrkFCHov7OX5jxd4ek++R+7jH7g7TneE7hu+6"
    "zDFyMg4q9fzsQ3qknNqGwdxywFpBv3LMvCfGnNEaw7zTEUtGxMZH9Qj//Q0OaEMdf7HDmpB+"
    "gl4bSuCWdiVmtTLHVCZuNzxGA18VeFVPbNNztFdQ1StwGQDoIoyIzFRlMc4T1V0+Z3uTRIl6"
    "Hpsv8tbcjQDHRXu0xtZ3yjuz6bLEqS0EOCuo4c1J66CW7bts5ObmdRSCmxbT0BZDu0XfzRPV"
    "EGchRudd1bBLyOjAZhpS5uCvHIE/aI2pZ8xGHL7S3PoXlV+sOswbn6OtiUxvlojBzzBisMmA"
    "jw2I5JIpZS59pcf1aFZp2a3PhVe9ykDpY7R2dtNOOOcwd0Sn09FiRgXbxhmq9jA9oW1SgmkJ"
    "z3IMTwIoFrbljYJlIid7sbIyyh+qlZLjUI0mNp2quVIrEW0xpQF9ZK7ItY2KKa6YSP/YrPoz"
    "4l32aOVDXF6/Zy3V2WlgMPbnC2aS8ZIw6BVLYlsTZiwBFFAydYSF7d4SRo0ZeXItjxFLEEow"
    "95W67Dl1zOeCeYQ7xPLIkQBv0TKY+MtXPhZ/keypeLFYSqgTufOtvbUTxgB40JYpHQ/1fUG5"
    "sp3tTvubBNcwMdflOek/P93d3myEeCWb3rpiGR75D8EznA5veiwBEkHBJxfnFaZTCIfJbST4"
    "gHReYQzPhU1zZs1KqohEtSZ21gQzRzQnQ6V8L1da9mA2c9WSb3toW7E6XUqsn/WEDq6SWJtq"
    "qKGQ2CcYFJ+uLu7LConFcpHoYgFfKC/tKJT88PMnZhfRv+sqYTArUsF91zjEMidFsCfdGd/Z"
    "HaZPvtNXfELveHeM/r52s/uIE1/gT9odqdvoOX0Far2zYDeg7qLn9AmohmtBxqbz/KqQyfl+"
    "Q33IkSkvbiwRObh1GDFXTya4OjGTwM/mhBJ40BA+yzoBLrcZCVoNibBMRrgL/zoPLzKkSU3P"
    "1EUqO2xUDokuUqmLVHZ2Fj/QMnq6SGVXRpcuUtm/0ZVDUGUPOS06h6HkkNPCcxiqjazOaTeZ"
    "c1/lPJeT4uNcTrKnufjOCDWegbi4gEJMpA+TV9sFFAR3VQoGRc119C6TE7LyapQJ7IxoU+j2"
    "1d9I1q1Uhb+wiJvGfdvgQXgMxY6Bg/C8i8PCv2rUYN3rEhGDi/O7i/P3l4OCuaUGVOsODnQR"
    "3MyMqhyVaZjSw9BDPpcXBiU2kXhu2KwSiyf88dwSyOMTPgmINuLxsPAndUwy40+YhsRAqWY+"
    "aaf+CM3RdXjuHmqOTnN0HfYzD5NF0BxdV0aX5uj6N7qqcHSdziH7E+wZW1gLBiYhUz7NJyPY"
    "Zb5U/lwh49SBASwj1wJj2DE7We48d/2FF+wSoCSsV4EG9EyKWYJMuA/GM52C3jJ2d2Nvaf/4"
    "6I6X2d/fYd31L32of+4y8GddnlOKuPRU9KRg/wyNBqu3ut62x43EJHWCendsi6zpLmuXbaHj"
    "uJzWcJc1PLEcam9xQlNSrH/zZv37UcPyPCqR3phIHxBuO9JbuMe6eN9m4RbrLnlEAzSQHX8+"
    "Zi7avPgX2IvfCRJ+fbgCFrDrO0SutWAmHwUUeng/u7O3jgc2XRgLTLSCnYnvOMcCpwVjKC6X"
    "UuoYBJvysVZX1A40w8ABRhVcitukVxoAXeA+assG7PHHkCMGj1+fWTZnjkeCZ2W1W99jqw/o"
    "d7e314kB/e4qPWI/f3x3CZanfDA0sjwd4d47s6Ej3E1GuKtsidvHtpNu2gmt7zqJdn7lh6lj"
    "+8I2hapjZsTmcPWvM4pFMdhqsV1Fm3HL35BQgRP3E/dtE6+8lbU1PAbtHNwp4mAtDmLMqDNF"
    "Psz3yIS7co5PzOzDzKrQ0nu/OE8zy5jJWiCmCVflCZy4woQMNKxB2BA6KJnBO+fUZLJACHwj"
    "HAtD3AYD3xQlJpYrPGmHpB9Cnqj44pj8yXlWFIr/LZrBAkNn8LuOzXdl1Rnq2LyOzevooY7N"
    "93R06dh8/0ZXldh8aGlkVF5oOqwF2ttu0LwFURsHhLZ1/oakUiKgYEOSxlRO2PJLqLDSa4kO"
    "z/2DPA6LPFneTPoogoHZ4qG3IR6QznxCZ4g6S/SH5nRJcE4ayixfeQfm4ImIKhnm06cNvmvf"
    "G6aiX5bDSNwxCp5eSV9JyB5MfxHo/cKVJTqbw5UGUUfUtt+Cn4yF22Q9O7yLGIDysIADKBCz"
    "Csq7SC2P33evYJ6XX7qpuFBgXGanCoFtZT2tM5Gir06OHL5SWFC5Y/5sKAc795Gl4IIhk4KD"
    "G4mKoyjNiyBwQxKmnBBJzeXPJE2/cM/lDX1zotRpovYH0WF++3eAujxH/kZ+FDN6evb6j9+j"
    "yNrEdwxZf0n+dfe/18SAQS8yXWG3R+1ZyV+pUjHXsPkBVA0dwNx8/ikMj4YaCtQyJDCzu8sL"
    "VNeQhKfc/5FR6xbye9ZlkJG4RcHyjGDX1/81Ix3MwevwN4usOkuseHDku4/QwHtgS/Hsb/Kl"
    "WWLatEzicDT4xFPg2mUm/HZe23K6SxAZyJnpi43FmEinc6GlmR5FPoTlGEHEPFLbmE1wwT3C"
    "FVkuxItVoCQvNr/Ts/ZsBObnY2xyCgqyMbo3HSRTIz5cX/3y/OSvx8/QeseJMt82x8EJoguL"
    "oRfnOMwA+4tw+WSc2GF6f+KuCWs25/kGYEvv7UDfKSr7Xt53Cgu+d6oHPc2WcihHwU1DRlJx"
    "Tg71K6OckeFmclAb3owqeIOSac4ZDLU9dc/aj/r4FjXOU6I6v7g7DHg2wKSTt3TyVt+Tt5pM"
    "S1qXWc7JSkrUYN6UlMQTjTemJZ2TVSaaLETr8cVzJJ2ery8HfDafBG7LEDwTPCcSLnlcrkYA"
    "IdqwM7iGuUI2d6a4Onn0gYlszY2mX/jF+eIE2wONGeci3GcIr59OMTfWDBh4PLdIhPV4nyLz"
    "25KvFsFWRIeskEQDTEBLBv1cyG8duFtBNpLN0SijxHCpmA0JJabLZfHf0DrDxOnUVkU8HCnw"
    "Ace4zINlZ5l/C6+YzPQXtmXgQUl4G38Y57rwSNdn5aFObtLJTR2OJx9m+oVOburK6NLJTf0b"
    "XVWSm7AMrar1sJbp8Pa6TtoQnSj40rnRtRcF7LWyR+dU0PDq8gC/SwXkqH0Pwa2/+Hjo/Cr2"
    "46RUl4EevDwlM/aNmNbU8sB9N9Bdd9B5nq2qeApM2ZO5etLpD135o8DnPnlxcvZfMkEPN0Nl"
    "2fgGnt9ymNaj7pR5I9PKicKUdIGEVP+s5Aar5uQeJF2MdOHx0bUNtBpYl8Evlzfvr25+IEeS"
    "oRsSh0dM2JJ5z4bk6mb0y6fbHz5d3t1FXd/j/AH7/JBc3H785fry/vL9kHw4v7q+fJ8ZZvU/"
    "vuWJVtf+aDu+OLEcS8y28kpTojq+2B0nVMcXu+IErYIyyuinJTUToGO8XYnx5vbwGkDtYTGO"
    "NLTpYZ0AGL4Eufl8fb2vKPoa/5woekI5m6LoiV6hHEV3mQcQYgh4xoyH8HJYduMteWALDDST"
    "mYVbNpZYY+MJncWg7MVEyssCXJuj57W+SIeXO7wgDHV4WYeXO0xhHmYATIeXuzK6dHi5f6Or"
    "Sni54/XzezXGFhQerIBx1L7LsZ+OMf86jtkgva5JwP2QgDoFSBN//SP+woNGd4czPNj0sHp0"
    "VUTX41iZ6VtDvdpJsWOx48RGmH7g3Wix43v+wHJ3FAU3huU8qLdqVIH/HDPqMpdImYCC9AXW"
    "OnhLOPgtskDW3Y/nz0/PXuNeGMlMHsnGgoBgsIfHpY7J5yRAUgzljtbVfuZneWRoS2/VzGiH"
    "V8xhCTMK2DBbxR5fCXTZIA+qSVhesKvMJUdfBjafWs4XaPplYNhW+AH+JS9evCioRqEm37Kr"
    "KgfpaEaFksOalKpHhfsdRU0zAi6bWN+UOIGVRKdHyLqMvAE/BdYu5sLU7nHiMdsm0RKwwOMk"
    "LUeWnooK1mXKdGz3mJZdY/ZtYblMbFFmISmps6C6w5VmQxEue4Qut00xjaSk1nKXtWxT4Y3A"
    "jt1Gz2lZrekua1qHlPsX9KoSUkYnVZlRjQlpKrsmShUxrYEE/Bw+5rA0UJUCjHW8LpXM+WxO"
    "BjnUFl4elhNbfthkE61VjKQmhDo83oclhJBOlRvoVDlt1+hUuQMeXTpVrn+jq0qqHJgtI/lZ"
    "YXDFZXrHh5+cvqnCo56+KSZS8V7m3IqRPItBFeaVUJeJ8S2RPjupUpEAWhUiLe9lkZYgKQId"
    "yfQQ5/oDAwgYfrUsyMV70uMyfViQ296U/pW6yhN1XKaHHRvPs9ncs6FVYdeW97J9WzWnOS7T"
    "Q5ybymsOWJ/RxKbTLNqF3EVKqr1iZMdNgV3DqYwZOnJP9JmQvFWWPwu5zFICLWpTITFswVyB"
    "p867hEanHQV1kihxuc3ekkeLPTF3SEz2yGzMFJRtzbnl5GV87fo4zdwdKHOnuqD21utpYl9Q"
    "kO2onG+VEeywtTig7pQ7p+Ro8WTa1hhP1MLTliZyJsEJDau8E2FNHXn+YlDKLUjwwVzSzFS0"
    "++PaN5hwhlTRb9S+j4ZS7Z6WaQn85XmLBAccqVNgI8XEUjiPQa4poFdX2vW33t3eXif8rXdX"
    "aYfq88d3lwC9RB4aWV5igdBBhmqd/TBp0KIgg4LNnMoh3nHHyWqjxIHpfy/bTc6ZaxmzQY5T"
    "Ed4pdSvouk1nAvN/Ftt+J4e2zGrf4jjZXQ+S7dpQTNt1Z5XsurMSu+4sbXrgoFJAOGzeQ3RP"
    "jo8rsV/HJeTXcSabgTsey6sPV3zQdUzkEM4zr8Oyq+1M6r3yY3/8P5LrIwY="
)
