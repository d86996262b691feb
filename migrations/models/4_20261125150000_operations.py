"""Savepoint and stop operations (issue 11): t_job_operation, one row per savepoint or stop-with-savepoint asked
of Flink, written before the request and followed to completion.

Like the initial migration, it carries SQLite and PostgreSQL SQL and picks by the connection.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _POSTGRES if db.capabilities.dialect == "postgres" else _SQLITE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DROP TABLE IF EXISTS "t_job_operation";"""


_SQLITE = """
CREATE TABLE IF NOT EXISTS "t_job_operation" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "run_id" BIGINT,
    "cluster_id" BIGINT NOT NULL,
    "flink_job_id" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "trigger_id" VARCHAR(32) NOT NULL,
    "target_dir" VARCHAR(1024),
    "status" VARCHAR(16) NOT NULL,
    "failure" TEXT,
    "finish_time" TIMESTAMP,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE,
    "savepoint_id" BIGINT REFERENCES "t_job_savepoint" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_t_job_opera_status_658461" ON "t_job_operation" ("status");
CREATE INDEX IF NOT EXISTS "idx_t_job_opera_job_id_8347d4" ON "t_job_operation" ("job_id");"""

_POSTGRES = """
CREATE TABLE IF NOT EXISTS "t_job_operation" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "run_id" BIGINT,
    "cluster_id" BIGINT NOT NULL,
    "flink_job_id" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "trigger_id" VARCHAR(32) NOT NULL,
    "target_dir" VARCHAR(1024),
    "status" VARCHAR(16) NOT NULL,
    "failure" TEXT,
    "finish_time" TIMESTAMPTZ,
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE,
    "savepoint_id" BIGINT REFERENCES "t_job_savepoint" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_t_job_opera_status_658461" ON "t_job_operation" ("status");
CREATE INDEX IF NOT EXISTS "idx_t_job_opera_job_id_8347d4" ON "t_job_operation" ("job_id");"""


MODELS_STATE = (
    "eJztXW1z2zYS/isYfTlnTkktOU5y7c3NOI7TOk3sjO32Om1uOBAJSYwpkgVIO26b/34ARIpv"
    "IEXIeqHQ/dAXk1iIfBZY7j67AP7szQKHeOzZqReziNDet+jPno9nhP9P+VYf9XAYZjfEhQiP"
    "PNk2suxcsxGLKLYjfmOMPUb4JYcwm7ph5AY+v+rHnicuBjZv6PqT7FLsu7/HxIqCCYmm8nl+"
    "+x+/7PoO+UJY+md4a41d4jmFx3Ud8dvyuhU9hPLaa3dy7kdvZVvxgyPLDrx45mftw4doGvgL"
    "AdePxNUJ8QnFERG/ENFYvIF4wORt05eaP2zWZP6UORmHjHHsRbk3HlnZtZ5lXVzeWNdnN5bV"
    "08DIDnyBL39UJgGYiEd4+q/h8Ojo5fDw6MWr4+cvXx6/OnzF28rnrd56+XX+MBla864kZuff"
    "n1/ciAcKuBLn6hUXvkoZHOG5lFRGhr5NCcfLGj1UlXA6xVStgoJQSRP8FcuaSHHPqSIBeqGJ"
    "tEmmimwEbkMXM/zF8og/iab8zxfPG2D++eTq9IeTq4MXz58Usb5I7gzlLYF6BeXI5X9WcH7D"
    "b4k7jVinoiW0nUT2Wfo/LbCvTINdg8/f0Ln0vYdkXDSAf3P+4ez65uTDR/FzM8Z+9ySAJzdn"
    "4s5QXn0oXT14UVLUohP03/ObH5D4E/16eXEm4Q1YNKHyF7N2N7/2xDPhOAosP7i3sJOzFenV"
    "FLWC3rnFdccPmrOrIASza/nsSgBbZXaVRGF2dWV2pRjlplfy9Jne5X81JlbafqU51Tm9FibV"
    "YPiqxazirWqnlbxXnFdcE1xZTAfinIiBKB8Phi1Q5q1qUZb3iihLgCoQ17q/afPlDvC64B1s"
    "1gEeDp6/fP7q6MXzhd+7uNLk7qaubQYkJTNMb6tQ3pAvNVhmEiZ8Zpss+9kvNwWjno7Igw8n"
    "vzwpGPb3lxffp81zI/j0/eXrEt48mLTGHp5oDN68CAxgMYBFWDy+zYVm4sII27f3mDpW4U6G"
    "/GdMFVb5dSL19scr4mH5MlWYE3LgHd7fAZ5dVTkFn4PRY7EJRgZhI8ZTMAzqRlj11mw4K1/B"
    "Pp7IVxK/LX4ppZjSiV0ln+Z3+s3ck8NS29BvwT71Ln2C5u2/Qz5hXDXJnwyFAX9lhCMUTYlL"
    "UYgp8cUfNIgnU3Tn0ijGnhW6Djr41Dv81EuaoigInzzrlRDe6A8pmLLfJD3Dgpja8tOe9uI6"
    "vf8BiwYs2r7YIGDRIM4HFm1fZxewaObNrjYsWs7b0JheRSkDuZ6jNlTPUT3Tc1QhenLO4SpI"
    "h9uGunfY21OkPXJHPA1aYtEeOIkyqQYc+2KcDo9ftBiovFXtSJX3iviOPde/tdQccD3KRSnz"
    "vJvB4bCNfyOa1Sc05M0i2iPMXFsb7aKUeWiv35f8HLi+dUsUDnutDc6LbM8MH+6JGeYfKD+q"
    "8c1rIS0KAahlUO1gNiNzGNpmjHIiJtiBbaeMeNQy0LG8aXsTsN5CKpnDNdSEdwjw6sB7pAnv"
    "EcCrA+9zTXifA7w68B5rwnsM8LaGlwVU4UnU+mZpc/DKyl5ZlgtVUpJNSc2K6PbQNSLFWSlG"
    "UWmlqpK3ASXuxP+RPEi1nPOnx76tCjqS6oA3hc72TB11lRb8MsX3i9R8dTByHPjbk2hud0+u"
    "T0/enPW+1tf7bLJyI6cBRfVGUT/NFRyyBSwcgpIHKHmAkgdIyhbaQclDt2cXlDyYN7valDw4"
    "zNLNa+ZEDExtbmT5EIdMN9OWEzER5Tb540F9+nhQyR5LT1x7LBelTAR6E8N5jpoyqbkManVa"
    "c0Wkdxt7bAtnXctRlDLP+Vl/kRSzp2SGa4Cu5y2LUkBflulL3ndsRzGtG8L1yFYEAdwKuPPR"
    "N3Y9BbL1WfuSmAnWYeuLPZnlOIqaynrQMwnAewW8Hc8ivsSivQkpCoH5qKSWmHVHKEtWf7YF"
    "tSAEoK68ajlZQqkg7TUW52YLS/csQmm1eHmGw5B38vgFzEZm2PTWMmeohjQICY1c0oDrpU9u"
    "Av6v5ehm0H4s9LuX3zM1xislEnNoNKYUi6gtWR7+mXEFjFO7vHyJ+M2UIO7meXLFtu8TOwoo"
    "Ggd0hg7EKmyOSyzqN//BkOhZGvyfLxUrwB/RD2Q0IaO5x44uZDQh5wIZzX2dXZDRNG92tclo"
    "Sj/pDnuxQu3vri8vatZcFaTKGnftCP2FPJdtLMTt/Xsc+7ZQIxrFrhe5Pnsmfu8/vc16vSqN"
    "C5SaWZwyYVPSouigwuJ0rpb1b+LnaRAU1aCyXdVrGjFupeZ1p2rbZMXr46pYuYk68yP60FNF"
    "nIub/SVhJm/YKrqEKta9tAV9iPkg5gOvFGI+Q2cXxHzmza5WVazcb9GvsMwLbar0b3cVaeuf"
    "XRIw7WrhvJB5Nmwz5cICM/76qp27liC9kIJaVg2sa+iiJVjX0UWAdRPWmqvDCzJQclKu43HZ"
    "4hk1hm9Raov7KF5sis4sjd42Y7d+5FbqgyMcxVqHv2QS5m1SuWZwbcYs28N6h+sUhMCraGV9"
    "RTpBH+miFEDdCmo4f6c+tFxXifCj8hrrI95/IF74JrB7Cto9vdVfQronTYBzB84dOHfg3IEV"
    "LLQDzr3bsws4d/NmVyvOPbB1l4DnRGABeKsF4G6kWvXWsPY7FTCQktzIoQP8FyPtja8XIkag"
    "/DcK1sRZn4pALTkCtClI+5w0gSANgjQI0iBIAzeyhRsJQVpXZhcEaebNrjZBGhFV3/pJn5KY"
    "eTNsU8cKaJdH5WWMiCa2ELMJzOJVgI7Xi3SH2Iejw8MWOPNW9buiiXtVnJn7hwLmpuAjL2VM"
    "vc5WQpAi8upy1kbYa4pZ9xf2NW5Fp67gadiCrqaAB8Ds2V7MIkK113EW5VbCtWtORRfOI0lg"
    "repC+zCS06yn/dJD22WZxRFYWJPJHwFd/PT+/a6OIXkXjHoqapJf7i+hJpMmQE0CNQnUJFCT"
    "QJ4U2gE12e3ZBdSkebOrDTXJ3RZttiwvYyBbtpEaEoGZzf1GXZxTGbBhy22YwEs8WhXj+jKS"
    "vIwJGG+jjKSMuSZHlhcBWqdM6wh0tHmyohCAWgZ17Ln+rURIywCXxEywDxs/xEWOwpX8yJLo"
    "GvzI7WDfu58SH70VYwV5mEVig+axS2fEQWJr5sXwKezn3FJGw7p32/GsxnXzySUsl4q9WjYp"
    "MznzZuUGuJOEcdX8UpfFtvdhGezJh8UOZmEc8V+0+OvpbKhQFTQoE7M2eENMsecRz2UzDWxL"
    "UjBqy7DGjKSl1G2tbk7EPIO7kTokKPraItghDSYUK4xEfeSfEzEB5G0H/tzCcn/PpzphakEG"
    "otRKeQy+I2HAe7dCzKeKhtGoSpowpEu07OGwjV8smtUTs/JmNWIl1gJBZjmu1pexTh400FYD"
    "9pTYt/Phy/8h9A4rdtxrLGlSd2CMhdly3WMOzpkyZdFGETN14mJ/lbC+mDEDSfBYQayIG1uO"
    "9py8QeHjDoc7N3d27NsxpcS3FRUHrUZ+tRODlLO2aTBzfe6tiLhyRKJ7Qnwrw1B1LmLDjFja"
    "lUH4725y8DbYj8NHfBPKPcC3oQFu6VeKqlbiO9rE7ZJuAPi2wOtGYsv6gaigbVRACQeQChgF"
    "MhOdj7FKFIa8YnmTRAlHEZmFqm/uUoDzogZ9Y9d3vjvx8ENDUFsLcFUQ4FWUdWDXiymxqLKu"
    "oxbcshhAWw/tCmNXJQoQVyEWwbuuY1eQgcRmGVLii7e0eDzojnBkT62AP9LM/QPLB2sP89J+"
    "wJuojGaJGH8NOwebTPh4HBElmdIU0rfqziCrsuWwXgmv/i4Djd2Adh6nncTmEGrhycQKp5iR"
    "VYKhdp2BQVumBMdlkevbkQSQhZ4bWfPPhKJ6sbUymjsFpSgCKmvs4YleKLUQAY+pDOgdoUzp"
    "G9VTXDkR89is9VfEU3LnqiFu3r8nk+qsGeiN4llIHDR6QISPigfkuWNiP3BQuJKxz1zR7ltE"
    "sD1F99SNCHIZwkjUvmJKnmLfecpIhAIfuRE6YDxadG3CvvkcjNg3kj1lz8IHCXWhdn5rv9oJ"
    "Z4BH0K4jAw/9dUFK2c4Op90ZwQwmQmmgKP95d315sRTihWx56YprR+gvJM5w2j/z2ACkAEX0"
    "XF9XWC4h7BeXkYgOynWFOTxDDyusZitVpKKgiUdrgjgWVlSoNK/lKsvuzWKutdTb7ttSrE5v"
    "JWbmfkJ7t5PYNtWwho3ErvikuDo/vWnaSCxXi4TDkD+QquwokXz74xXx6ujfbJcwbhUxC2Jq"
    "7+M2J3WwF8OZ2H88TFexbyo+QSheiff8SJQu035MBSqrmH8cUNdpPyYBteE9DnNmSr3bYdGO"
    "Ldn30HLkxaVbH/YufYKcRc9IWF0ex/PXDnh8zjvq8/+X699pwIP5eas+Yq5DUED5f/3bZxUy"
    "YE19wuaLHXaW+gg2X4TNFztrxfd0ezjYfLErsws2XzRvdimIl+rhnXXnCzQc3ll7vkC7mdU5"
    "7RZryducUzKoP6ZkUD2lJPYtofEKxPUbA+RETDBe294YgAVUZyOctDlkpSq1DouoRpuYrYhu"
    "Cl1T443ifoy68NduTga4r0qKJ8crPJIQT85x2C/827Lh2agrMOGnJ9enJ2/OejW2ZQ2orpv0"
    "7iK4FYuqnW3YMKUnKHU1l5eQ7ctIPJo0a8XisXg0c5koUELBeE60oShINrTEvoOmwb0oryFc"
    "qY6atNPvAji6DtvuPnB0wNF1OM7cTxYBOLquzC7g6MybXW04uk7XRv0N1kKFbki4S0i0T6mp"
    "CHaZL5Wvy2Seeu4Ay8w1EznsnJ8sV1TTOIzm1e8YJfswCAd6KsVchsZBzJ1nPOF6q/jdG/uV"
    "7R+L3PHt43d3CPX6P31C/wElPJ6lgWKL3cbTvouC5jkaG9yVlEarHqORk4TC6+74FlXXXe7J"
    "tYKO83Kg4S5reOz62Fvh5KGimHl2c/3rLJNtZ3QyvTkRExDedqYXUmOQGtuP7M2y1FibNSK7"
    "qFfvpoHZbrl6thBCkd4qrJJYluEKCo2X5rlO0ELlslQ8CsKn9240fZpdxuyWB8k8LpbhdJ9H"
    "xWKHInGIWyDXm/OBJiLqKb92RyjyAn8iUloRviWsmhXb9A9+8j/58wDengYBS5gA/vOTCW/r"
    "OjLrJlfMs6Ri/h6NyJhbEtEH/2k2Jwt8tEAS3U95R4gSPj6ZfGrss3ve2z1mn3yPO1PoACOb"
    "YjbtI4wcGsjyfD6CfGKLDp6UyASxLH/OTYwe+EPgiD/Xd8kVhzhx6Lm2WKIvbosXCwJIDXb9"
    "29WH1CCkBiF5AalBQ2cXpAbNm11tUoOiUFzXe8hkICW4akpwhynZzs2unShgp7m3zqlgw1+X"
    "W/5eOiCn7Q0Ed/3Lg5LgV3McF6W6DHTvaIim5Aty3Ikb8fDdFuG6L4Ln6aLOll+IkOAZ5kF/"
    "EsofzGPuwbPB8T+R+IYzHm9X9+LbQP9bzhtEmE5IpHvqY1HKPC95k6dtqrYwbD5fU7lx4dom"
    "2hpYl97Hs4s35xffowPJ0PWRH6RM2AOJnvTR+YX18ery+6uz6+t06EdBcCvGfB+dXn74+P7s"
    "5uxNH709OX9/9qYyzdbf/ZYNLWTntp2dG7u+y6YrRaUlUagw6E4QWuV4IAu7myAoO3NbF/2y"
    "JDABkAnvSiZcOcLXAKqBWe8ytOVpXQCYPwS6+On9+12tEM3wV2TRC8pZlkUvjArtLDolEYdQ"
    "pIAXB2Uuln9+i25JKBLNaOqKwuEH7ueSexEsjl0q/i3lZX3r8uz5Wn8I0ssd/iD0Ib0M6eUO"
    "U5j7mQCD9HJXZhekl82bXW3Syx1f4WbUHNM95v1Rx7l3bg5thfmHPOYG6XUgAXdDAkIJEBB/"
    "5hF/yVZgj4ez3TkfHRvRbRHN5rE207fb40L2BO+Nrir6yRn3FEyouNxv5kDjpMky5rP+/YFN"
    "7PBXpg9sIrCJHQ4k9pPvADaxK7ML2ETzZlcbNpG7LdpbqOVl1kPD7NaJKJIww1dtWJjhq3oa"
    "Rtz7WkHZ9jDTqnAtCBlIdx0P2hRt81a1SMt7VaQlSJpApzIG4rx+WlEAJh6tCnJ92W5exoQP"
    "8tZ31cFU21DnZQwc2MPjNiObt6od2vJedWzrpn3yMgbivKnUz5wcs8YenlTRrj/EpigFBwQp"
    "SfDdlBOeEOra056CQUvu9JtINJy16QyL9neh0B55PFU9OXZHKEv457bmNCdioDUdHh+3+mod"
    "N3y1jsumVEwqDYST5gaiO2i1qfSgYVPpQXVTaf6LEVHVu7+7vryooRwzkTIh4toR+gt5LtvH"
    "nQUawBVgNLu9ZQ+3X6QzRAevd/0x+/p/K5loNw=="
)
