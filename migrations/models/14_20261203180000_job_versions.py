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
    "g8Hwk2YN4NoyOlw2p+5DFsrijWRriT4ss21vIgNncjSx6VSh88ZFdAfeuqDkV+rumEDwEz3c"
    "Dp7NGkgVDdoVGz7uETaNsk/RwM6ST8GdYTn3ZIpobhhWzaYI2v+NOEwg/Rv8KciCw0/GOr1B"
    "Qd4FdbEQpjdzuT+dkUfL9XxqjxaWSY6+DI6/DMKmxOOLgmqaTb0ohyn7TdIzgvtukGkVPcUy"
    "B79rFk2zaIcyB2kWTfv5mkU71NGlWbT+ja4qLFrM2lAYXkmpHnI99WfdxIzDbZBetA314Hhw"
    "oEjb7DFvc0OhMbxqrzmJNKmmOfZVPz09q5IzBK0Ke6q8l8R3YlvOg3LOY1Kqf9bNyfFpFfsG"
    "mxUHNOTNJNpjKixDGe2kVP/Qrt+W/MotZ/TAcgz2ksLda5HO7o7d2zQMC5TjFdjmhZAmhTSo"
    "mV2pfD4P989VjRjFRPowD7QdMgKv5URl5o3a9wHrFkLJANepIrynGl4VeF8qwvtSw6sC7ytF"
    "eF9peFXgPVOE90zDWxlewd0cS6LQNouaa6ssbZWtY6HK5UIyorpiiFKIs6RiSDJCnVSJctGQ"
    "94mHHZg6qpYMyXTGLhUtjmkgJ3sjqZ/yDA7ZQm8c0ikPOuVBpzzooGyinU556Pbo0ikP/Rtd"
    "VVIeTDFSjWvGRHoY2mxk+xBAphppi4n0EeXaa05IS1y5Lyel+gh0E905QC03qLkJ6vyw5pZI"
    "79f3aAtn1ZkjKdU/46f+JClhzNicFgBdzFsmpTR9maYv4dm+4fluURcuRjYjqMHNgBv0voll"
    "5yBbHLVPifVhdmh9s6cYmWZOTuUdozYzSw4vX8lp1LdA3bRHQcl5hYkkKaQnkUyASYwemSty"
    "a3kWg5oQ0qBuvXc53EiZQ90rbNFdby89MD+l0hbmOV0s4CG7b2PuZZxNbUfzGtWFyxfM9SxW"
    "guutw+45/G8zumtof0k89yDXs3yMtwonxtAoDSwmUduwSfyrwOOhonl580bx+xkjYOzZct+2"
    "4zCsco0nkc7JEe7FBlx8zOL8ThB8spzw/36bsw98h+fouKaOax6woavjmjryouOahzq6dFyz"
    "f6OrSlxT2kmyXnYRUVNcjDwpu1NB8q00Pvjvie8E5xSNfcv2LEe8wPf9z6BZ2zdP77VVCe92"
    "XuufxNpToCmyrmW1DNjIb2wl/3Wvamsy+3W3jFaYogoPd1vfHG5wNqFhJR9TZ7Qe5Fww1J6f"
    "9vy0bao9v56OLu359W90VcpoBbtFPdsyLqRPKNw8uiRgypnDcaH+zWHNpA4jZvDz86p4bUB6"
    "JaXzWhWwLiCNNmBdRBdprMuwVtwpnpDRiSfpbB5LrL6jQvdNSrVYU/GmKToz1Xur9N3inpvJ"
    "Ffao5ysdBLOW6F/ByprBNYQYGTZVO2gnIaStikqzL4YT1JFOSmmoK0Gtz+Ipdi3rShTeKa5R"
    "H/H+I7MX77kxyKHdo1vDDaR72ERz7ppz15y75tw1K5hopzn3bo8uzbn3b3RV4ty5obodPCai"
    "N4NX2gxueXl730r2gUcCPaQkGzmAAN7oKRfBXon0AuU/kbOG537mOGrhcaBlTtrXsIl20rST"
    "pp007aRpM7KCGamdtK6MLu2k9W90VXHSGGZ9qwd9UmL9G2FNHTGgnB4Vl+mFN9GCz4aY+dsA"
    "7deLdIfYh5fHxxVwhlbFFdLwXhZnYf0rB+Yy5yMu1Zt8nVZckCTy+emspbAXJLMeLuw1lqXL"
    "z+ApKUdXkMCjwRwYti885irv40zKbYVr14yKLpxNEsKa1YXywSQX6ycdlh6qbstM9sDEnkz4"
    "CuTm8/X1vo4k+YmPB3nUJFwebqAmwyaamtTUpKYmNTWpyZNEO01Ndnt0aWqyf6OrCjUJZosy"
    "WxaX6SFb1kgOCWJmgN2oinMko+ewzXMY4oVfLYtxcRpJXKYPGLeRRpLGXJEji4toWidN6yA6"
    "yjxZUkiDmgZ1YlvOg0RIaQJOifVhfmj8QBfZC7eyI1OiNdiR7WA/eJoxh3zAvkJsKjws0zyx"
    "3DkzCRZoXnWfRFXnijIKs3u3Dc+sXxcMLpy58tirTYNyLde/UdkAdxIyroordVqsvYXl5EAW"
    "FoPPF74HbxzBz1MpqJAV7FEkpjZ4F9Slts1sS8wVsE1J6V6bhtUXLEqlrjrrxkT6N+E2koek"
    "k75aBHvh8qlLcyaJYs8/JtIHkNt2/GGGBXvPcVXc1ISM9lIz6TH0kS04PH20oDBUFCaNrGQf"
    "unSKlj0+rWIXY7NiYlbezHqsbLRCUIxMS2llLJLXGqiqAWPGjIeg+8J/zH2kORX3SlOa8h/Q"
    "mxmm5bzHGJzz3JBFFUXM8wMXh6uE+nzGNUjIY3E/x2+s2Ntj8j1yH/fY3WG6M3zH8F2XOUZO"
    "xkGlnp99SI+UU9swmFsOWCvoV46Z98SYM1pjmHc6YsmI2PioHuG/v8EBbajjL3ZYE9JP0GtD"
    "CdzSrsSsVuaYysTthsdo4KsCr+qJbXqO9gqqegUuAwBdhBGRmaosxnmiusvnbG+SKFHPY/NF"
    "3pq7EeC4aI/W2PpOeWc2XZY4tYUAZwU1vDlpHdSyfZeN3Ny8jkJw02Ia2mJot+i7eaIa4izE"
    "6LyrGnYJGR3YTEPKHPyVI/AHrTH1jNmIw1eaW/+i8otVh3njc7Q1kenNEjH4GUYMNhnwsQGR"
    "XDKlzKWv9LgezSotu/W58KpXGSh9jNbObtoJ5xzmjuh0OlrMqGDbOEPVHqYntE1KMC3hWY7h"
    "SQDFwra8UbBM5GQvVlZG+UO1UnIcqtHEplM1V2oloi2mNKCPzBW5tlExxRUT6R+bVX9GvMse"
    "rXyIy+v3rKU6Ow0Mxv58wUwyXhIGvWJJbGvCjCWAAkqmjrCw3VvCqDEjT67lMWIJQgnmvlKX"
    "PaeO+Vwwj3CHWB45EuAtWgYTf/nKx+Ivkj0VLxZLCXUid761t3bCGAAP2jKl46G+LyhXtrPd"
    "aX+T4Bom5ro8J/3np7vbm40Qr2TTW1cswyP/IXiG0+FNjyVAIij45OK8wnQK4TC5jQQfkM4r"
    "jOG5sGnOrFlJFZGo1sTOmmDmiOZkqJTv5UrLHsxmrlrybQ9tK1anS4n1s57QwVUSa1MNNRQS"
    "+wSD4tPVxX1ZIbFYLhJdLOAL5aUdhZIffv7E7CL6d10lDGZFKrjvGodY5qQI9qQ74zu7w/TJ"
    "d/qKT+gd747R39dudh9x4gv8SbsjdRs9p69ArXcW7AbUXfScPgHVcC3I2HSeXxUyOd9vqA85"
    "MuXFjSUiB7cOI+bqyQRXJ2YS+NmcUAIPGsJnWSfA5TYjQashEZbJCHfhX+fhRYY0qemZukhl"
    "h43KIdFFKnWRys7O4gdaRk8XqezK6NJFKvs3unIIquwhp0XnMJQcclp4DkO1kdU57SZz7quc"
    "53JSfJzLSfY0F98ZocYzEBcXUIiJ9GHyaruAguCuSsGgqLmO3mVyQlZejTKBnRFtCt2++hvJ"
    "upWq8BcWcdO4bxs8CI+h2DFwEJ53cVj4V40arHtdImJwcX53cf7+clAwt9SAat3BgS6Cm5lR"
    "laMyDVN6GHrI5/LCoMQmEs8Nm1Vi8YQ/nlsCeXzCJwHRRjweFv6kjklm/AnTkBgo1cwn7dQf"
    "oTm6Ds/dQ83RaY6uw37mYbIImqPryujSHF3/RlcVjq7TOWR/gj1jC2vBwCRkyqf5ZAS7zJfK"
    "nytknDowgGXkWmAMO2Yny53nrr/wgl0ClIT1KtCAnkkxS5AJ98F4plPQW8bubuwt7R8f3fEy"
    "+/s7rLv+pQ/1z10G/qzLc0oRl56KnhTsn6HRYPVW19v2uJGYpE5Q745tkTXdZe2yLXQcl9Ma"
    "7rKGJ5ZD7S1OaEqK9W/erH8/alieRyXSGxPpA8JtR3oL91gX79ss3GLdJY9ogAay48/HzEWb"
    "F/8Ce/E7QcKvD1fAAnZ9h8i1Fszko4BCD+9nd/bW8cCmC2OBiVawM/Ed51jgtGAMxeVSSh2D"
    "YFM+1uqK2oFmGDjAqIJLcZv0SgOgC9xHbdmAPf4YcsTg8eszy+bM8UjwrKx263ts9QH97vb2"
    "OjGg312lR+znj+8uwfKUD4ZGlqcj3HtnNnSEu8kId5UtcfvYdtJNO6H1XSfRzq/8MHVsX9im"
    "UHXMjNgcrv51RrEoBlsttqtoM275GxIqcOJ+4r5t4pW3sraGx6CdgztFHKzFQYwZdabIh/ke"
    "mXBXzvGJmX2YWRVaeu8X52lmGTNZC8Q04ao8gRNXmJCBhjUIG0IHJTN455yaTBYIgW+EY2GI"
    "22Dgm6LExHKFJ+2Q9EPIExVfHJM/Oc+KQvG/RTNYYOgMftex+a6sOkMdm9exeR091LH5no4u"
    "HZvv3+iqEpsPLY2MygtNh7VAe9sNmrcgauOA0LbO35BUSgQUbEjSmMoJW34JFVZ6LdHhuX+Q"
    "x2GRJ8ubSR9FMDBbPPQ2xAPSmU/oDFFnif7QnC4JzklDmeUr78AcPBFRJcN8+rTBd+17w1T0"
    "y3IYiTtGwdMr6SsJ2YPpLwK9X7iyRGdzuNIg6oja9lvwk7Fwm6xnh3cRA1AeFnAABWJWQXkX"
    "qeXx++4VzPPySzcVFwqMy+xUIbCtrKd1JlL01cmRw1cKCyp3zJ8N5WDnPrIUXDBkUnBwI1Fx"
    "FKV5EQRuSMKUEyKpufyZpOkX7rm8oW9OlDpN1P4gOsxv/w5Ql+fI38iPYkZPz17/8XsUWZv4"
    "jiHrL8m/7v73mhgw6EWmK+z2qD0r+StVKuYaNj+AqqEDmJvPP4Xh0VBDgVqGBGZ2d3mB6hqS"
    "8JT7PzJq3UJ+z7oMMhK3KFieEez6+r9mpIM5eB3+ZpFVZ4kVD4589xEaeA9sKZ79Tb40S0yb"
    "lkkcjgafeApcu8yE385rW053CSIDOTN9sbEYE+l0LrQ006PIh7AcI4iYR2obswkuuEe4IsuF"
    "eLEKlOTF5nd61p6NwPx8jE1OQUE2Rvemg2RqxIfrq1+en/z1+Bla7zhR5tvmODhBdGEx9OIc"
    "hxlgfxEun4wTO0zvT9w1Yc3mPN8AbOm9Heg7RWXfy/tOYcH3TvWgp9lSDuUouGnISCrOyaF+"
    "ZZQzMtxMDmrDm1EFb1AyzTmDoban7ln7UR/fosZ5SlTnF3eHAc8GmHTylk7e6nvyVpNpSesy"
    "yzlZSYkazJuSknii8ca0pHOyykSThWg9vniOpNPz9eWAz+aTwG0ZgmeC50TCJY/L1QggRBt2"
    "BtcwV8jmzhRXJ48+MJGtudH0C784X5xge6Ax41yE+wzh9dMp5saaAQOP5xaJsB7vU2R+W/LV"
    "ItiK6JAVkmiACWjJoJ8L+a0DdyvIRrI5GmWUGC4VsyGhxHS5LP4bWmeYOJ3aqoiHIwU+4BiX"
    "ebDsLPNv4RWTmf7Ctgw8KAlv4w/jXBce6fqsPNTJTTq5qcPx5MNMv9DJTV0ZXTq5qX+jq0py"
    "E5ahVbUe1jId3l7XSRuiEwVfOje69qKAvVb26JwKGl5dHuB3qYActe8huPUXHw+dX8V+nJTq"
    "MtCDl6dkxr4R05paHrjvBrrrDjrPs1UVT4EpezJXTzr9oSt/FPjcJy9Ozv5LJujhZqgsG9/A"
    "81sO03rUnTJvZFo5UZiSLpCQ6p+V3GDVnNyDpIuRLjw+uraBVgPrMvjl8ub91c0P5EgydEPi"
    "8IgJWzLv2ZBc3Yx++XT7w6fLu7uo63ucP2CfH5KL24+/XF/eX74fkg/nV9eX7zPDrP7HtzzR"
    "6tofbccXJ5ZjidlWXmlKVMcXu+OE6vhiV5ygVVBGGf20pGYCdIy3KzHe3B5eA6g9LMaRhjY9"
    "rBMAw5cgN5+vr/cVRV/jnxNFTyhnUxQ90SuUo+gu8wBCDAHPmPEQXg7LbrwlD2yBgWYys3DL"
    "xhJrbDyhsxiUvZhIeVmAa3P0vNYX6fByhxeEoQ4v6/ByhynMwwyA6fByV0aXDi/3b3RVCS93"
    "vH5+r8bYgsKDFTCO2nc59tMx5l/HMRuk1zUJuB8SUKcAaeKvf8RfeNDo7nCGB5seVo+uiuh6"
    "HCszfWuoVzspdix2nNgI0w+8Gy12fM8fWO6OouDGsJwH9VaNKvCfY0Zd5hIpE1CQvsBaB28J"
    "B79FFsi6+/H8+enZa9wLI5nJI9lYEBAM9vC41DH5nARIiqHc0braz/wsjwxt6a2aGe3wijks"
    "YUYBG2ar2OMrgS4b5EE1CcsLdpW55OjLwOZTy/kCTb8MDNsKP8C/5MWLFwXVKNTkW3ZV5SAd"
    "zahQcliTUvWocL+jqGlGwGUT65sSJ7CS6PQIWZeRN+CnwNrFXJjaPU48ZtskWgIWeJyk5cjS"
    "U1HBukyZju0e07JrzL4tLJeJLcosJCV1FlR3uNJsKMJlj9DltimmkZTUWu6ylm0qvBHYsdvo"
    "OS2rNd1lTeuQcv+CXlVCyuikKjOqMSFNZddEqSKmNZCAn8PHHJYGqlKAsY7XpZI5n83JIIfa"
    "wsvDcmLLD5tsorWKkdSEUIfH+7CEENKpcgOdKqftGp0qd8CjS6fK9W90VUmVA7NlJD8rDK64"
    "TO/48JPTN1V41NM3xUQq3sucWzGSZzGowrwS6jIxviXSZydVKhJAq0Kk5b0s0hIkRaAjmR7i"
    "XH9gAAHDr5YFuXhPelymDwty25vSv1JXeaKOy/SwY+N5Npt7NrQq7NryXrZvq+Y0x2V6iHNT"
    "ec0B6zOa2HSaRbuQu0hJtVeM7LgpsGs4lTFDR+6JPhOSt8ryZyGXWUqgRW0qJIYtmCvw1HmX"
    "0Oi0o6BOEiUut9lb8mixJ+YOickemY2ZgrKtObecvIyvXR+nmbsDZe5UF9Teej1N7AsKsh2V"
    "860ygh22FgfUnXLnlBwtnkzbGuOJWnja0kTOJDihYZV3IqypI89fDEq5BQk+mEuamYp2f1z7"
    "BhPOkCr6jdr30VCq3dMyLYG/PG+R4IAjdQpspJhYCucxyDUF9OpKu/7Wu9vb64S/9e4q7VB9"
    "/vjuEqCXyEMjy0ssEDrIUK2zHyYNWhRkULCZUznEO+44WW2UODD972W7yTlzLWM2yHEqwjul"
    "bgVdt+lMYP7PYtvv5NCWWe1bHCe760GyXRuKabvurJJdd1Zi152lTQ8cVAoIh817iO7J8XEl"
    "9uu4hPw6zmQzcMdjefXhig+6jokcwnnmdVh2tZ1JvVd+7I//BzNRIwc="
)
