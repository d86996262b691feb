"""Accounts (issue 12): t_user (roles, argon2 passwords), t_token (bearer tokens, kept as SHA-256), t_audit.

Like the initial migration, it carries SQLite and PostgreSQL SQL and picks by the connection.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _POSTGRES if db.capabilities.dialect == "postgres" else _SQLITE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DROP TABLE IF EXISTS "t_audit"; DROP TABLE IF EXISTS "t_token"; DROP TABLE IF EXISTS "t_user";"""


_SQLITE = """
CREATE TABLE IF NOT EXISTS "t_user" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL UNIQUE,
    "password_hash" VARCHAR(256),
    "role" VARCHAR(16) NOT NULL,
    "disabled" INT NOT NULL,
    "create_time" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "t_token" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "label" VARCHAR(64) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL,
    "expires_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "last_used_at" TIMESTAMP,
    "create_time" TIMESTAMP NOT NULL,
    "user_id" BIGINT NOT NULL REFERENCES "t_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_t_token_user_id_cdd606" ON "t_token" ("user_id");
CREATE TABLE IF NOT EXISTS "t_audit" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "actor" VARCHAR(64) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(32),
    "entity_id" VARCHAR(64),
    "outcome" VARCHAR(16) NOT NULL,
    "detail" JSON
);
CREATE INDEX IF NOT EXISTS "idx_t_audit_at_a73c93" ON "t_audit" ("at");
CREATE INDEX IF NOT EXISTS "idx_t_audit_actor_f66c0b" ON "t_audit" ("actor");
CREATE INDEX IF NOT EXISTS "idx_t_audit_action_aabc49" ON "t_audit" ("action");"""

_POSTGRES = """
CREATE TABLE IF NOT EXISTS "t_user" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL UNIQUE,
    "password_hash" VARCHAR(256),
    "role" VARCHAR(16) NOT NULL,
    "disabled" BOOL NOT NULL,
    "create_time" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "t_token" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "label" VARCHAR(64) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "create_time" TIMESTAMPTZ NOT NULL,
    "user_id" BIGINT NOT NULL REFERENCES "t_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_t_token_user_id_cdd606" ON "t_token" ("user_id");
CREATE TABLE IF NOT EXISTS "t_audit" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMPTZ NOT NULL,
    "actor" VARCHAR(64) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(32),
    "entity_id" VARCHAR(64),
    "outcome" VARCHAR(16) NOT NULL,
    "detail" JSONB
);
CREATE INDEX IF NOT EXISTS "idx_t_audit_at_a73c93" ON "t_audit" ("at");
CREATE INDEX IF NOT EXISTS "idx_t_audit_actor_f66c0b" ON "t_audit" ("actor");
CREATE INDEX IF NOT EXISTS "idx_t_audit_action_aabc49" ON "t_audit" ("action");"""


MODELS_STATE = (
    "eJztXW1z2ziS/isofRmnTvHGSpzkMldX5TjOjDOJnYo9e1u72WJBJCQhpgAuAFrx7uS/H0BS"
    "4htIETIlURx8iGOTaJB8Gi/dTzeA/wzm1EM+Pz4LPSwuiGAPgzfgPwMC50j+ork7BAMYBOk9"
    "dUHAsR8VFw5UJaNCYy4YdIW8PIE+R/KSh7jLcCAwJarwNUFgHgqo/h4CH0+Q++D6CEgheQVQ"
    "BjiekqeYvAGLGR3KH4ion1AMgby/mGF3BhARWDwMASQemNEFwEJe8pB3rN7Bo658CUymu3lc"
    "SPC/QuQIOkVihph86D/+KS9jWeA74ss/gztngpHv5XDGnqoguu6IhyC69hZPL4l4H5VVHzN2"
    "XOqHc5KWDx7EjJKVACYR8lNEEIMCqScIFirkSej7iY6WyohfNi0Sv2VGxkMTGPpKf0o6foH0"
    "2sBxrq5vnZuLW8cZlHS7lMjgn1xyKVHtQr4qjwCYqld4+t+j0fPnr0bPnr98ffri1avT189e"
    "y7LR+5ZvvfoRv0yKVlxVhNnlL5dXt+qFqGx8caNUF35EMlDAWCpSRoo+FGX030kEBZ4jPf6x"
    "RAF/LxE5Xv5S1MYS+zp1LC/sSR8MQe+a+A/Jc2ugvr38dHFze/bps3rcnPN/+RFsZ7cX6s4o"
    "uvpQuHr08kleN6tKwP9d3v4K1J/g79dXFxG6lIspi56Ylrv9+0C9EwwFdQhdONDLQLS8uoRR"
    "lswo2RWUlfV8PoOsQsdLgYKaJV4HqNg5/O74iEzFTP758kWNYv969uX817MvRy9fFJR1ldwZ"
    "Rbd+FNFVb2QGbyJh8V2PbzzxxBgZgFwQ2wjpBMYaoNMJfudIPx81QPr5qBJpdUuLtG5GXouz"
    "dlruAcrtt2caCpfOjdpyRmRbI0YbEA/o3RB4iGDkgSNGpYUpKAV8Dn3/yVA+AfvqBiQAfQ+Q"
    "K98WIMYok/ei/+UtED3oScmCbbPiWnWfvGyg7pPiXJ6qW93Kq9tDQr5fWdsfbq6v9NpOJYpW"
    "FnYF+EMa8Lxk7e6tWw2kvR+j/BMHc8Q5nMoqCbpHTLoKAJMgFOAe+iECR9EfshR8kB6E7wGO"
    "XIYEL6u7pToLmq7RrFJGzphbavTo09nfiso+/3j9tmilqQreSs0rN2dylzG11YUxdO8WkHlO"
    "6Q4d0aqy5Vvz0bx4BRIJjZcoTn1f4rWe+yEXkR9WcmiXt4b13qybKbbOn60eWq1feKB+oexE"
    "Ei9n/GAyTeWErCmw3hRIAFs6zCZueEF0N/74bsHvr0MuR1w8eTDsXTkh27vW964EsE16V0HU"
    "9q6u9K4lRpnulbx9qvfof4OOtSzfZddqw051MnrdxJ8Zva52aNS9AuHleVJZ3IjxSkV6iPLp"
    "SRMqRpaqRDm6l0dZz3dVmr8VPJfGAG4L3pPtGsCjkxevXrx+/vLFyu5dXakzd5embQokQ3PI"
    "7spQ3qLvFVimEn2YZutG9ou/3da7vauB/eP11S/L4kVfuEh4+M7Eh1ODxpsVsQ341oxHSJH/"
    "BplmVH6bSL3/7QvyYUXkISEHPsDDbeDpVZ1R8I2OH4sNHfcIm62yT8uOXSaf4jvDeu7J48ux"
    "Ydg0myIu/zMgiCv6N/6Tg4DKTwZQADFDmIEAMkTUH4yG0xm4x0yE0HcC7IGjr4NnXwdJUSBo"
    "8ESfR7GtB2mYsn9E9AynIXOjqX1ZC/YG/7QsmmXRDmUMsiya9fMti3aovcuyaP3rXU1YtIy1"
    "YdC98lI95Hraz7rJGIebIB3sGurBs8GBIu2je6TJxKg0hlflLSdRJNUsx75qp6PTJjlDslRl"
    "S43u5fGd+JjcGec85qX6Z92cPBs1sW9UseqARnQzj/YYcuwao52X6h/a7duS3ygmzh3SGOyV"
    "Y3BWZHfD8LMDGYblBEVEhW1eCWleyIJaBNWl8zkimoUx1RGjjEgfxoFdh4yk13JiMvIuy/cB"
    "6x2EkiVcI0N4RxZeE3ifG8L73MJrAu8LQ3hfWHhN4D01hPfUwtsYXk6ZxpKotM2Wxa1VVrTK"
    "0liolpKsC2qWRHeHbi9CnKVkFJ1Wyip5TxnCU/IbeojUcinfHhJX53Qk2QHvcpUdmDqqMi3k"
    "ZQYXq9B8uTFKHOTXIxGPu2c352fvLgY/9rNuKKMBTfZGXj/1GRxRCbtwyKY82JQHm/Jgg7K5"
    "cjblodu9y6Y89K93NUl58LhjGtfMiPQwtLmV5UMSMtNIW0akjyi3vudEZIkbt+W8VB+B3kZz"
    "jlHTBjXXQa0Pa26I9H59j13hbDpy5KX6Z/y0nyTF3Rmawwqgq3nLvJSlL4v0paw7dEXIqppw"
    "NbIlQQtuCdy49U2wr0G2OmpfEOvD6LDzxZ7c8TxNTmU16KmExXsDvD3fQSTCovkQkheyw0cp"
    "tMSde8S4dhfPalBzQhbUjVctJ0soNaS9weLcdGHpgXkojRYvz2EQyEoev4C5lxE2s7XMKaoB"
    "owFiAqMaXK8JuqXyx3p0U2g/5+o9yPlMj/FGgcQMGrUhxTxqa5aHf+NSAZPluLx+ifjtDAFp"
    "5vnRim1CkNrfGkwom4MjtQpb4hKq/M2fOFA1RwP+X681K8AfUY+NaNqI5gEbujaiaWMuNqJ5"
    "qL3LRjT717uaRDQjOynaKbus9uoNyPNSj9qEfCNdD/5nEpL4bKJxiH2BCT9Wz/vfwXatXp3G"
    "W9sZvNu5rH8SO8+AoCg7lc2yXpce405yXveqtm1mvD4ui1UOUZUHuqU3h2vcTFmwkXdps1gP"
    "ciwYWp/P+nzWKrU+X097l/X5+te7GmWxSrvFPMMyK2RPJVzfuyLAjLOFs0L9G8O2ky6sMJOf"
    "r9u5aw3SKymby2qAdQVdtAbrKrrIYl2HteHq8JyMTTkp5vFgvnpHg+abl9rhPopX26IzC623"
    "Sdutbrml/GABRWh0+Esq0b9NKlsG1+XccX1odrhOTshaFY1GXxVOMEc6L2WhbgS1PX+n2rVs"
    "K0X4UXGN9oj3X5EfvKPuQEO7L28N15DuSRHLuVvO3XLulnO3rGCunOXcu927LOfev97ViHOn"
    "rukS8IyIXQDeaAE4FrpVbzVrv5cCPaQkt3LogHyiMN74eiXSC5T/RM6aOutT46glR4DWOWnf"
    "kiLWSbNOmnXSrJNmzcgGZqR10rrSu6yT1r/e1cRJQyrr2zzoUxDrXw/b1rECxulRWZleeBM7"
    "8NkUZuEmQIftIt0h9uH5s2cNcJalqndFU/fKOHP8bw3Mdc5HVqo3+To7cUHyyOvTWWthr0hm"
    "PVzYW9yKTp/BU7MFXUUCjwVz4PohF4gZr+PMy22Ea9eMii6cR5LAWtaF8WEk52lNh6WHpssy"
    "8y0wtyZTvgK4+v3jx30dQ/KBjgc6alJeHq6hJpMilpq01KSlJi01acmTXDlLTXa7d1lqsn+9"
    "qwk1Kc0WY7YsK9NDtmwrOSQKM1fajaY4L2XsGLZ+DFN4qVcrY1ydRpKV6QPGu0gjKWJuyJFl"
    "RSytU6R1FDrGPFleyIJaBHXiY3IXIWQ0ABfE+jA+bP0Ql6gVbmRHFkRbsCN3g/1gMUMEvFdt"
    "BfiQC7VB8wSzOfKA2pp51Xxy+zk3lDEY3btteJb9urhzqZFLx16t65SpXP965Ra4k4RxNZyp"
    "i2K7m1hODmRicek8CIV8oiM/z2RDhbJgjyIxrcEbQAZ9H/mYzw2wLUjZVluENeRomUrddNTN"
    "iPRvwN1KHpJN+toh2AGjUwY1g0S1558R6QPIu3b85Qgr7T3CTNzUnIz1UkvpMfAeBVTW7gRQ"
    "dhWDQaMs2YcmXaBln42a2MWqWDUxG90se6zIWSHIHQ8bzYxV8lYDTTXgzpB7Fzdf+Q+xe6jZ"
    "ca82pUlfQW9GmB3nPWbgnGtDFk0UMdcHLg5XCe35jClIiseiocZvbNjaM/I9ch/32NzlcOeG"
    "xA0ZQ8TVZBw0avnlSnqknNa6wRwTaa0ov3KMxAIh4qQY6s5FrOkRa6vqEf776xyyDCRh8Ig5"
    "oViDnRtq4I7sSpXViohnTNyuqcYC3xR4U09sXT3WK2jqFTAkAWQKRoXM1GQy1onaJq9Z3hSh"
    "BIVA80A3564FOCvaozm2vfPdkQ8fapzaSoDLghZeTVoHxH7IkMO0eR2V4BbFLLTV0G7QdnWi"
    "FuIyxMp5NzXscjI2sFmEFBH1lY70B/EYCnfmUPlKc/xvGL1Yc5jX1mOtiVJrjhCTn+FmYIsC"
    "Pr5EREum1Ln0jarr0aiyY7deC6/5LgO11VjtPE47yZiDmAOnUyeYQY42cYaaVWYHtHVK8DAX"
    "mLgiApAHPhZOPE1oshcbK6O+UqsUjUPlTHw4NXOlViLWYioCeo8Y19pG1RRXRqR/bFb7GfEM"
    "3WM9xPX796RSnR0GBuNwHiAPjB8Akq3iAfh4gtwHCYpUMiQcq3JvAILuDCwYFghgDiBQua+Q"
    "oaeQeE85EoASgAU44tJbxC7if/lGx/wvEXvKj4OHCOpc7vzOntoJY0B60NiLHA/zdUFa2c42"
    "p/0NgilMiDGqSf/5cHN9tRbilWxx6Qp2BfgDqDOcDm94rAFSgaJqrs4rLKYQDvPLSFQFxbzC"
    "DJ6BDzWjZiNVLEWtJh6tCeQ5UJOhUr+Wqyh7MIu5Wsm3PbSlWJ3eSqyf+wkd3E5iu1RDCxuJ"
    "fZGd4svl+W3dRmKZXCQYBPKFdGlHieT7374gv4r+TXcJk6Mi5DRk7iFuc1IFe96dCcnjYfoS"
    "kr7iQwP1SbLmR6J0vaynr0ClGfOPA+pmWU+fgNryHoeZYUq/22F+HFuz76HjRRfXbn04uCYI"
    "eKuagRp1pR8vP5tK/1xWNJS/R+vfGZXOfFxqCDj2EKBM/k/ujktkQEt12s0XO2wsDYHdfNFu"
    "vtjZUfxAt4ezmy92pXfZzRf717s0xEv58M6q8wVqDu+sPF+gWc/qnHbzueRNzik5qT6m5KR8"
    "SklIHKXxEsTVGwNkRPoweO16YwBOmclGOMviNipVynVYeTXGxGxJdFvo9tXfyO/HaAp/5eZk"
    "FvdNSfHkeIVHEuLJOQ6HhX9TNjxtdTkm/Pzs5vzs3cWgYmxpAdW2Se8uglsaUY2jDVum9BSl"
    "rufyErJ9HYnHkmKNWDwejueYqwQlQCcx0QYETTa0hMQDM7pQ6TVIKtXTk3bmVViOrsNj99By"
    "dJaj67CfeZgsguXoutK7LEfXv97VhKPrdG7Un2AtVIADJE1CZHxKTUmwy3xp9Lk8ilPHBnAU"
    "ueYqhp2xk6MV1SwMRJz9DkGyD4MyoGeRGOZgQkNpPMOp1FvJ7t7aU3Z/LHLHt4/f3yHU7U99"
    "Sv+UIenPMqrZYrf2tO+8YP8MjS3uSsrEpsdoZCRt4nV3bIuy6R7tybWBjrNyVsNd1vAEE+hv"
    "cPJQXqx/42b76yyTbWdMIr0ZkT4gvOtIrw2N2dDYYURv1oXGmqwR2Ue+ejcHmN2mq6cLITTh"
    "rdwqiXURLporvDbOdQZWKo9SxQUNni6wmD1NL0N+J51k6RdH7vRQesVqhyJ1iBuN1pvLhqY8"
    "6pm8do8Y8CmZqpCWgHeIl6Ni237gV/KVxA68O6OUJ0yAfPx0KstiL4q6RSvmeZIxvwBjNJEj"
    "iapDPprHZAEBKyTBYiYrAgzJ9smjt4aEL2RtC8i/El8aU+AIApdBPhsCCDxGo/R82YIIclUF"
    "TwpkglqWH3MT4wf5ElDI9/o5ueIhLwx87Kol+uq2+jBKbWiw63PX0IYGbWjQBi9saLCnvcuG"
    "BvvXu5qEBlWiuKn1kMrYkOCmIcE9hmQ717v2ooC9xt46p4Itzy538rtMQF6W7yG47S8PSpxf"
    "w3acl+oy0IPnIzBD34GHp1hI991V7jpRzvNslWcrLwigeIbY6U9c+aPY5z45Pjn9L6DmcC79"
    "7fJefFuof8dxAwHZFAnTUx/zUv2zkrd52qZuC8P68zW1Gxe21tFaYF0Gny+u3l1e/QKOIoZu"
    "CAhdMmEPSDwZgssr5/OX61++XNzcLJu+oPROtfkhOL/+9Pnjxe3FuyF4f3b58eJdqZu1X/2O"
    "B1obndt1dG6CCeazjbzSgqjNMOiOE1rmeGwUdj9OUHrmtin6RUnLBNhIeFci4doW3gKoPYx6"
    "F6EtduscwPIlwNXvHz/ua4Voir8mip5Tzrooeq5VGEfRGRISQhUCXh2UuVr++QbcoUAFmsEM"
    "q8ThB2nnooVyFieYqZ+RfJTfuj563uqDbHi5wxPC0IaXbXi5wxTmYQbAbHi5K73Lhpf717ua"
    "hJc7vsKtV33M9Jj3Rx3n3rk+tBPm38Yxt0ivWxJwPySgTQGyxF//iL9kK7DHw9nsnI+Oteim"
    "iKb92Jjp2+9xIQeC91ZXFd3SO6RdURTfGNbzoGJVqAH/OUaQIQYimZiCDDliP/E3gEq/BWDB"
    "wc2vZ09Hpy/VWpiImTyKCnMgBeM1PAwSj85BjCRX8X8BAsj5gjKPP9GRoTt6qmVGOzxjDmuY"
    "UYkN0myLXW2PrwS6bJAPFtGSMRGvKmPg6OvAp1NMvsqiXweuj5Nf5P/g+Pi4nM+2gfyOXdWo"
    "kzozyI0c1rxUOyrcby/aNiPA0AR/N+IEVhKd7iEqCTMOc7nyU+TchZgc2gUFAvk+WE4Bgdrw"
    "CZPoqNTlyXi5jrJ5NTt2jdH3ADPENzjENC9ps6C6w5WWQxEM3csmt8lRtXlJq+Uua9mHXDjS"
    "jt1Ez0VZq+kua9qGlPsX9GoSUlZOqjGjmhGyVHZLlKrCtAUS8Hfe6PzpjmmgKQWYaXimGwtt"
    "k9z63ZsMNNSWujysJ7bCpMg6WqsaSUsIdbi/D2sIIZsqN7CpctausalyB9y7bKpc/3pXk1Q5"
    "abYYnw+QlekdH34yet2ERx29riZS1b0fJZRdH3Kj5ds5oS4T4xsifXrSZEcCWaoS6eheGekI"
    "JEOglzI9xLn9wIACTL1aGeTqNelZmT5MyLtelP4NMuOBOivTw4Y9Om3SsmWpyqYd3Su3bdOc"
    "5qxMD3HeVl5zzPo4Ex9Oy2hXchcFKXv6tZaO3BN9xiPeqsyfJVxmLYG2LNMgMSxAjKvTTxmA"
    "IGB0yuA83icJAkZ99AbcY7RAbAg8dI98lSkYlfXmmOgyvh5bnWXuDpS5M51Qe+v1bGNdUJzt"
    "aJxvVRLssLU4gGxKyQgcBQvPx+MnPwNCCYry3+KsUbXLO+B4SrjK5Ym3cosTfFQuaWkoenx1"
    "uzeY1Ahpot9l+T4aSq17Wh7m6st1kwSVOEJSYSNlxAo4j6XctoBeXdmtv/X2+vpjzt96e1l0"
    "qH7/9PZCQh8hLwthkZsgbJChWWM/TBq0KshgYDMXcogfueJktVDiwPS/l+UmZ4hhdzbQOBXJ"
    "nVq3AqZlOhOY/7PY9o9yaOus9nvpriUdrKnRkRHpod0xOj1tZNed1th1p0XTQ3UqA4ST4j1E"
    "96TRIcwnNYcwn5QPYZZPFEi3P9yHm+urCgMjFSkaF9gV4I9oqcABol0DrgKjnkkvkuYF00BV"
    "8Hbf/NiP/weI8yEJ"
)
