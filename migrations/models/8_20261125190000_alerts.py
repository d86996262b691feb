"""Alerts (issue 13): t_alert_channel (receivers, their URLs sealed), t_alert_rule, t_alert_incident (one open
incident per rule and job, by a partial unique index, so replicas never open or notify one twice).

Like the initial migration, it carries SQLite and PostgreSQL SQL and picks by the connection.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _POSTGRES if db.capabilities.dialect == "postgres" else _SQLITE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DROP TABLE IF EXISTS "t_alert_incident"; DROP TABLE IF EXISTS "t_alert_rule";
DROP TABLE IF EXISTS "t_alert_channel";"""


_SQLITE = """
CREATE TABLE IF NOT EXISTS "t_alert_channel" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" INT NOT NULL
);
CREATE TABLE IF NOT EXISTS "t_alert_rule" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "on_failed" INT NOT NULL,
    "on_lost" INT NOT NULL,
    "unknown_after" INT NOT NULL,
    "enabled" INT NOT NULL,
    "channel_id" BIGINT NOT NULL REFERENCES "t_alert_channel" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "t_alert_incident" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMP NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMP NOT NULL,
    "job_id" BIGINT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "detail" TEXT,
    "opened_at" TIMESTAMP NOT NULL,
    "resolved_at" TIMESTAMP,
    "notified" VARCHAR(16) NOT NULL,
    "claimed_until" TIMESTAMP,
    "attempts" INT NOT NULL,
    "last_error" TEXT,
    "rule_id" BIGINT NOT NULL REFERENCES "t_alert_rule" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_t_alert_inc_job_id_107dc2" ON "t_alert_incident" ("job_id");
CREATE UNIQUE INDEX IF NOT EXISTS "uid_t_alert_incident_open" ON "t_alert_incident" ("rule_id", "job_id") WHERE "resolved_at" IS NULL;"""

_POSTGRES = """
CREATE TABLE IF NOT EXISTS "t_alert_channel" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" BOOL NOT NULL
);
CREATE TABLE IF NOT EXISTS "t_alert_rule" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "on_failed" BOOL NOT NULL,
    "on_lost" BOOL NOT NULL,
    "unknown_after" INT NOT NULL,
    "enabled" BOOL NOT NULL,
    "channel_id" BIGINT NOT NULL REFERENCES "t_alert_channel" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "t_alert_incident" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "create_by" VARCHAR(64),
    "create_time" TIMESTAMPTZ NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" TIMESTAMPTZ NOT NULL,
    "job_id" BIGINT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "detail" TEXT,
    "opened_at" TIMESTAMPTZ NOT NULL,
    "resolved_at" TIMESTAMPTZ,
    "notified" VARCHAR(16) NOT NULL,
    "claimed_until" TIMESTAMPTZ,
    "attempts" INT NOT NULL,
    "last_error" TEXT,
    "rule_id" BIGINT NOT NULL REFERENCES "t_alert_rule" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_t_alert_inc_job_id_107dc2" ON "t_alert_incident" ("job_id");
CREATE UNIQUE INDEX IF NOT EXISTS "uid_t_alert_incident_open" ON "t_alert_incident" ("rule_id", "job_id") WHERE "resolved_at" IS NULL;"""


MODELS_STATE = (
    "eJztXW1z2za2/isYfakzV8nGSpzmpnfujOO4rdvE7sTOdmc3OxyIhCTGFMEFQDvebf/7HoCk"
    "xHcRskhRDD7EsUkckHwOXs55zgHwn9GSOsTjz049wsTZAvs+8UZv0H9GPl4S+KX0/hiNcBCs"
    "78oLAk89JSAsLMtadqrwlAuGbQG3Z9jjBC45hNvMDYRLfSl0ihixiXtH2BuE0Zz4hLk2+uX6"
    "6hLdk+mC0tsxogxuvXP9+Q324M/fyRldyovXHrZvEaNTKp7JpznUhsdBuV1XHPruv0JiCTon"
    "YkEYVP+Pf8Jl13fIV8KTP4Nba+YSz8mg6DqyAnXdEg+BuvbWnV/44kdVVr721LKpFy79dfng"
    "QSyovxJwfSGvqo/AgsgnCBZKNP3Q82L8E4Cjl10Xid4yJeOQGQ49qRMpHb3A+trIsi6vbqzr"
    "8xvLGhX0lUikkI4v2dSXuoZX5QqAuXyFp/87mbx48f3k+YtXr09efv/9yevnr6Gset/ire//"
    "jF5mjVZUlcLs4qeLyxv5QhQaVNTg5IU/lQwWOJJSylijbzMCeFnTh6ISoEmzchVkhHKagE/M"
    "ayLBPaWKGOiVJpIia1Wse0MXuljir5ZH/LlYwJ+vXtbA/NfTj2c/n348evXySRbry/jORN2S"
    "qBdQFi78WcD5HdySd2qxTkRzaDux7LPklwbYF7rBvsGHL3SufO8hbhc14N9cfDi/vjn98Jt8"
    "3JLzf3kKwNObc3lnoq4+5K4evcopalUJ+v3i5mck/0R/v7o8V/BSLuZMPXFd7ubvI/lOOBTU"
    "8um9hZ3UWJFcTVDL6B3mAHf2oNm7MkKmd23uXTFg2/SunKjpXX3pXQlGqe4Vv/1a7+p/jY6V"
    "lN+qT/VOr5lOdTx53aBXQanKbqXuZfvVLXyaDr5J+SHi+6oJvPm+kEL3VR7ckHlFbK8JOAjO"
    "DflaYfvGQn0GeAT2/8qx+I6jTx/fjxFX34WwgDtcoCPlOMhbHNmYsQcEQi5Dgt4S/0nBUdlJ"
    "jTn11g2D53+7yYyAiRqPPpz+7UlmFHx/dflTUjyl9rP3V29z6ia+VEOZq0OpR7Bfru+UVE7n"
    "UxBrS+mJF9RCr6rzX66u3mdgf3uRx/XTh7fn0M2UDqCQK1JOjvQvZ7cpH0demIKXeo+ZY2Xu"
    "rLXCQo/wEp3EYj/++pF4WH1jUQNp7/8j1NOfLqirjfXVZJaV2NEJrUKzeGs5WeavYB/P1SfJ"
    "Z8snpQG78G3XIeqB5XzKqsC4CaHipktvZFSufIISCURniMLfsiXAL+r3L3T6BtEAdOmMkU+F"
    "C18Gv8FAQ7279DWE54AaOiLYXoCkTZ4UWZa2H2aYF8O8GN/QMC/fkG9omJe+9C7DvAyvdzVh"
    "XsBosXSth7XMZgtiO+0O1YYwjEwnjIxDBHZLSJlqOmYtMYTJomtKJHJ6LCx0p46M4AAnjsOd"
    "KIp2WOLHbqHmnOgOFH1AHe7Q9JywFFrxmJRMdzMUPNYnIz2Vrl4VVAnS4xVhk7RRdLSg9/Aw"
    "JnnnmLKxFXPI0QLfETSnokhs76zWjmdK28PQ4Rwr9EXZhLnBrc4LH0zHHmHQTOCBCpBDPBmN"
    "AD0inFEMWlDP4cgVSH2fVJyPjjAUWRBQI74l6iYFYYRngrBiq2jtKQMefrAQZBmIEi6/0h9J"
    "i7TlkRRb3fN2/ZHJ8cvvX75+8erlyg1ZXanzPoqehoe5sAhjlOkYxFkpYxTrG8UyNKDtWqeE"
    "umvJg3CuC1HDrCaKaviRMuLO/V/Jg1LFBbw39u0yCmvA8UG4zPD9KqKUbn8AAHw2iSKzZ6fX"
    "Z6fvzkd/VsdiW480KuirooyJXjZHGJPWsDm6+Luci7GM633HEbQOkVhuMCdjFKd+S2nXk7ae"
    "BzOhyrMO/VuY3Xw0g9896s/lRA6FQUZZQwUzocXnmJhij4essYkpmphif+eMA416mJhiX3qX"
    "iSkOr3eZbO79Z3MDRpEtWGKg1eWgZuRMFmp9FmoOcGl068OdSBmwm4MdezWWYjs1WMCCXG+p"
    "wBEngKzDI58PLfEDkpMB+nT56+XV75doSsCjI5L2VR4rR0fPQSXkroxiflxVLVOPJlW+w34T"
    "8wTalGNWzrCOu2IdU1sD7IJ4TG1LcGDaaMo9ZhuiLv2YIq7iHP1dLAdJL14YCOztLgkJHVec"
    "+4I9jMqY2vXd8QaqVpZsxtLKZRnLUChtjpHnzoj9AH0UgZCMr1KGOPS2p67/Bt0v6Bh+EF/+"
    "xJJE9eEX114gULErHsYI+w6SkXqYMAmozSlfBdLu4wxn2+MBf1zD2eonRnWZ+NapPg6T3GhC"
    "HUI/L4ukV7MbK4G26I1OFdsyZRiNoprwlk/jBt8SfKOJJ8JIA+Sc2PDI7xeTBki/mFQiLW+V"
    "Il02I2/EuXRaHgDKu2/PNBQ21WObUyJ9JpxHctM2cD3keuEjRsHCFJQivsSe92Qc5wLIREFE"
    "vgbEhrdFKlsL7qn/4RZSDypSRrusuCcLO+RWd5oLOxzXFugPMOB5E+euo7RUmRysUP6OoyXh"
    "HJyscUTXgauAXD8IBbrDXkjQkfqDK8ZPppAiTmxGBC/fc2MHdTbntKQyMsZcIZsunziXs9Jk"
    "BW/1NoJo06c980IulB9WcGiTW+N6b9ZOFdvkz1YPrcYvPFC/0OTydGEKmFyeb9MhN7k8XfQu"
    "k8szvN5lcnn2n8sDmgBllYSqahivtcgAUT45bkLFQKlKlNW9LMrlfFel+VvBc7UYDD9u1wDe"
    "WUYHI0vMbotQVi8kW0sMYZrtehEZOJPWzMNzjcabFjENeOsNJb9g9sgEgl/w4TbwYtZAbtOg"
    "x2JDpwPCplX2KenYRfIpujOu554cnowN46bZFFH5H5BPuKR/oz85Cih8stynN9qQN8BMboQp"
    "FoyG8wW6c5kIsWcFroOOPo+efx7FRZGgQcVumm09qIQp+4eiZzgNWZRpldTiOqN/GhbNsGiH"
    "MgYZFs34+YZFO9TeZVi04fWuJixaytrQ6F5ZqQFyPbvPukkZh9sgHXQN9ej56ECR9shd2eKG"
    "SmN4Vd5wEnlSzXDsq3Y6OWmSMwSlKluqupfFd+a5/q12zmNWanjWzfHzSRP7RharDmiom1m0"
    "p5i7tjbaWanhob17W/ILdX3rlpQY7DUbd69Fers6dm/DMExQvqiwzSshzQoZUAurUulyGa+f"
    "axoxSokMYRzoOmQEXsuxzsiblB8C1h2EkgGuiSa8EwOvDrwvNOF9YeDVgfelJrwvDbw68J5o"
    "wnti4G0ML6esxJKotM2S4sYqy1tl61io9nYhBVGzY4hWiLNmx5BshDqrEu1NQ95lKjswdTTd"
    "MqTQGPu0aXFKAyXZG1n91GdwqBJm4ZBJeTApDyblwQRlM+VMykO/e5dJeRhe72qS8uBwSzeu"
    "mRIZYGizleVDAJlupC0lMkSUd77nhLLEtdtyVmqIQLfRnCPUSoOam6AuD2tuifR+fY+ucNYd"
    "ObJSwzN+dp8kxe0FWeIKoKt5y6yUoS/z9CXUHdoiZFVNuBrZgqABtwBu1PpmrleCbHXUPic2"
    "hNGh88We3HKckpzKa4I94tQcXr6SM6hvgbrjWdGW8xoDSVbIDCKFABO37gjjpXt5VoOaETKg"
    "br12OV5IWULdayzRXS8vPTA/pdES5iUOAqjk8cuYBxln01vRvEY1YDQgTLikBtcrn9xQ+LEZ"
    "3TW0v2XqPcj5rBzjrcKJKTRqA4tZ1DYsEv/C5fFQybi8eaH4zYIgMPY8tW7b94nc5VqeRLpE"
    "R3ItNuASyizO7ziSNasB/69XJevAH1GPiWuauOYBG7omrmkiLyaueai9y8Q1h9e7msQ1lZ2k"
    "9suuImqqNyPPyj5qQ/KtND76v1noR+cUTUPXE67Pn8nn/f+oXdu3TO872yW833mt34i1p0FT"
    "FF3LZhmwid/YSf7rXtXWZvbr4zJaYYiqPNxtfXO8wdmEgo18TJPRepBjwdh4fsbzM7ap8fwG"
    "2ruM5ze83tUooxXsFv1sy7SQOaFwc+9SgGlnDqeFhjeGtZM6LDGDzy/bxWsD0ispk9eqgXUF"
    "abQB6yq6yGBdh7XmSvGMjEk8yWfzuHz1jhrNNyvV4Z6Kl23RmbnW26TtVrfcQq6wwCLUOghm"
    "LTG8DSt3DK7NuWV7WO+gnYyQsSoajb4ynKCPdFbKQN0IanMWT7VruatE4UfFNXZHvP9MvOAd"
    "tUcltHtya7yBdI+LGM7dcO6Gczecu2EFM+UM597v3mU49+H1rkacO7V1l4OnRMxi8EaLwV1R"
    "tvatZh14IjBASrKVAwjgiUJ7E+yVyCBQ/oacNXnuZ4mjFh8HWuekfYmLGCfNOGnGSTNOmjEj"
    "G5iRxknrS+8yTtrwelcTJ43IrG/9oE9ObHg9rK0jBrTTo9Iyg/AmOvDZJGbhNkCHu0W6R+zD"
    "i+fPG+AMpap3SJP3ijhz998lMNc5H2mpweTrdOKCZJEvT2ethb0imfVwYd/htnTlGTw129FV"
    "JPAYMEe2F3JBmPY6zqzcVrj2zajow9kkMaxFXWgfTHK2rumw9NB0WWa2BWbWZMIroMtP79/v"
    "60iSX+h0VEZNwuXxBmoyLmKoSUNNGmrSUJOGPMmUM9Rkv3uXoSaH17uaUJNgtmizZWmZAbJl"
    "reSQSMxssBt1cU5kzBi2eQyTeMlXK2JcnUaSlhkCxl2kkeQx1+TI0iKG1snTOhIdbZ4sK2RA"
    "zYM681z/ViGkNQDnxIYwPrR+oItqhVvZkTnRHdiR3WA/ul8QH/0o2wryMBdym+aZy5bEQXKD"
    "5lXzyezq3FBGY3Tvt+FZ9OuiziVHrjL2alOnXMsNr1e2wJ3EjKvmTJ0X625iOT6QicWmyyAU"
    "8EQLPk9nQ4Wi4IAiMTuDN8AMex7xXL7UwDYnZVptHtaQkySVuumomxIZ3oDbSh6SSfrqEOyA"
    "0TnDJYNEteefEhkCyF07/jDCgr3nMx03NSNjvNRCegy+IwGF2q0AQ1fRGDSKkkNo0jla9vmk"
    "iV0si1UTs+pm0WMl1gpBbjmu1sxYJW800FQD9oLYt1HzhX+E3eGSHfdqU5rKKxjMCNNx3mMK"
    "zmVpyKKJIpblgYvDVcLufMY1SJLHomGJ39iwtafkB+Q+7rG5w3Bnh74dMkZ8uyTjoFHLL1Yy"
    "IOXsrBssXR+sFelXTom4J8S31hiWnY5Y0yM2VjUg/PfXOaAM9sPgEXNCvgYzN9TArexKmdVK"
    "fEebuN1QjQG+KfC6ntimeoxX0NQrYAQAZBJGicxcZzIuEzVNvmR5k0IJC0GWQdmcuxHgtOiA"
    "5tjdnfJOPPxQ49RWAlwUNPCWpHVg1wsZsVhpXkcluHkxA201tFu03TJRA3ERYum86xp2GRkT"
    "2MxDSnz5lRb4g+4UC3thUXilpftvrF6sOcwb6zHWRKE1K8TgM+wUbCrg4wEipWRKnUvfqLoB"
    "jSodu/Wl8OrvMlBbjdHO47QTjzmEWXg+t4IF5mQbZ6hZZWZA26QEx+XC9W2hAOSB5wormiZK"
    "shcbK6O+UqOUEofKmnl4rudKrUSMxZQH9I4wXmobVVNcKZHhsVm7z4hn5M4th7h+/561VG+H"
    "gdE0XAbEQdMHRKBVPCDPnRH7AUABJWOfu7LcG0SwvUD3zBUEuRxhJHNfMSNPse885UQg6iNX"
    "oCMO3qJrE/6XL3TK/6LYU/4seFBQZ3LnO3tqL4wB8KBdRzke+uuCSmV725z2NwiuYSKM0ZL0"
    "n1+ury43QrySzS9dcW2B/kDyDKfDGx5rgJSgyJqr8wrzKYTj7DISWUE+rzCFZ+DhklGzkSoS"
    "UaOJR2uCOBYuyVCpX8uVlz2YxVw7ybc9tKVYvd5KbJj7CR3cTmJdqmEHG4l9hE7x8eLspm4j"
    "sVQuEg4CeKGytKNY8sdfPxKviv5d7xIGoyLmNGT2IW5zUgV71p0J/cfD9DH0h4oPDeQnQc2P"
    "ROkqqWeoQK0z5h8H1HVSz5CAanmPw9QwVb7bYXYc27DvoeWoixu3Phxd+QQ5q5qRHHXBj4fP"
    "puCfQ0Vj+F2tf2cUnPmo1Bhx1yGIMvjfv31WIAN2VKfZfLHHxtIYmc0XzeaLvR3FD3R7OLP5"
    "Yl96l9l8cXi9q4R4KR7eWXW+QM3hnZXnCzTrWb3TbjaXvMk5JcfVx5QcF08pCX1LarwAcfXG"
    "ACmRIQxeXW8MwCnT2QgnKW6iUoVch5VXo03MFkTbQneo/kZ2P0Zd+Cs3JzO4b0uKx8crPJIQ"
    "j89xOCz8m7Lh61aXYcLPTq/PTt+djyrGlh2gumvSu4/gFkZU7WhDy5SepNTLubyYbN9E4rG4"
    "WCMWj4fTpctlghKis4hoQ4LGG1pi30ELei/Tawgo1Skn7fSrMBxdj8fuseHoDEfXYz/zMFkE"
    "w9H1pXcZjm54vasJR9fr3KhvYC1U4AYETEKifUpNQbDPfKn6XK7i1JEBrCLXXMawU3ayWlHN"
    "wkBE2e8YxfswSAN6ocRcjmY0BOMZz0FvBbu7tad0fyxyz7eP398h1Luf+qT+KSPgzzJassVu"
    "7WnfWcHhGRot7krKxLbHaKQkTeJ1f2yLoumu9uTaQsdpOaPhPmt45vrY2+LkoazY8MbN3a+z"
    "jLed0Yn0pkSGgHDXkV4TGjOhscOI3mwKjTVZI7KPfPV+DjDdpquvF0KUhLcyqyQ2RbhopvDG"
    "ONcpWqlcpYoLGjy9d8Xi6foy5rfgJINfrNzpMXjFcocieYgbVevNoaFJj3oB1+4IQx715zKk"
    "JfAt4cWoWNsP/Ox/9iMH3l5QymMmAB4/n0NZ11FRN7VinscZ8/doSmYwksg64NE8Igt8tEIS"
    "3S+gIsQItE+u3hr7/B5qu8f8s++BMYWOMLIZ5osxwshhVKXnQwvyiS0reJIjE+Sy/IibmD7A"
    "S2AB7/VDfMUhThh4ri2X6Mvb8sMoNaHBvs9dYxMaNKFBE7wwocGB9i4TGhxe72oSGpSJ4rrW"
    "w1rGhAS3DQnuMSTbu961FwXsNfbWOxW0PLvcwnfpgJyUHyC4u18eFDu/mu04K9VnoEcvJmhB"
    "viLHnbsC3Hdbuuu+dJ4XqzxbuCCQ5Bkipz925Y8in/v42fHJ/yA5h3Pwt4t78bVQf8dxA4HZ"
    "nAjdUx+zUsOzkts8bbNsC8P68zVLNy7cWUfbAesy+u388t3F5U/oSDF0Y+TThAl7IOLJGF1c"
    "Wr99vPrp4/n1ddL0BaW3ss2P0dnVh9/en9+cvxujH08v3p+/K3Sz3Vff8UBronNdR+dmru/y"
    "xVZeaU7UZBj0xwktcjwmCrsfJ2h95rYu+nlJwwSYSHhfIuGlLXwHoA4w6p2HNt+tMwDDS6DL"
    "T+/f72uF6Br/kih6RjmbouiZVqEdRWdEAIQyBLw6KHO1/PMNuiWBDDSjhSsThx/AziX30lmc"
    "uUz+VPIqv3Vz9HynDzLh5R5PCGMTXjbh5R5TmIcZADPh5b70LhNeHl7vahJe7vkKt0H1Md1j"
    "3h91nHvv+lAnzL+JY7ZIrxsScD8koEkBMsTf8Ii/eCuwx8PZ7JyPnrXopoiu+7E207ff40IO"
    "BO9WVxXd0FtSuqIoujGu50HFqlAD/nNKMCMMKZmIggw5Yd/xN4iC34JcwdH1z6dPJyev5FoY"
    "xUweqcIcgWC0hodh36FLFCHJZfxfoABzfk+Zw5+UkaEdPdUwoz2eMcc1zChgQ0q2xa62x1cC"
    "fTbIR/dqyZiIVpUxdPR55NG563+Gop9HtufGv8D/6NmzZ8V8ti3kO3ZVVSe1FphrOaxZqd2o"
    "cL+9qG1GgJGZ+1WLE1hJ9LqHyCTMKMxlw6fA3EUYDO2CIkE8DyVTQCA3fHJ9dVRqcjJepqNs"
    "X03HrjH5GriM8C0OMc1Kmiyo/nClxVAEI3fQ5LY5qjYrabTcZy17mAsL7Nht9JyXNZrus6ZN"
    "SHl4Qa8mIWXppGozqikhQ2XviFKVmO6ABPzEG50/3TMNNKUAUw1Pd2OhNsmtT85sVEJtycvj"
    "emIrjItsorWqkTSEUI/7+7iGEDKpciOTKmfsGpMqd8C9y6TKDa93NUmVA7NF+3yAtMzg+PDj"
    "yesmPOrkdTWRKu/9WUDZ9jDXWr6dEeozMb4l0ifHTXYkgFKVSKt7RaQVSJpAJzIDxHn3gQEJ"
    "mHy1IsjVa9LTMkOYkLtelP4FM+2BOi0zwIY9OWnSsqFUZdNW94ptWzenOS0zQJzbymuOWB9r"
    "5uF5Ee1K7iInZU6/LqUj90SfccVbFfmzmMusJdCSMg0SwwLCuDz9lCGMAkbnDC+jfZIwYtQj"
    "b9CdS+4JGyOH3BFPZgqqss7S9csyvh5bnWHuDpS5051QB+v1tLEuKMp21M63Kgj22FocYTan"
    "/gQdBfeO506f/IB86hOV/xZljcpd3hF35z6XuTzRVm5Rgo/MJS0MRY+vrnuDSY6QOvpNyg/R"
    "UNq5p+W4XH552SRBAUfsV9hIKbEczlOQawvo1ZVu/a23V1fvM/7W24u8Q/Xpw9tzgF4hD4Vc"
    "kZkgTJChWWM/TBq0KsigYTPncogfueJktVDiwPS/l+Ump4S59mJU4lTEd2rdCrwu05vA/Ldi"
    "2z/Koa2z2u/AXYs7WFOjIyUyQLtjcnLSyK47qbHrTvKmh+xUGgjHxQeI7nGjQ5iPaw5hPi4e"
    "wgxPFKRsf7hfrq8uKwyMtUjeuHBtgf5QSwUOEO0acCUY9Ux6njTPmQaygrf75sf+/C/ydrIA"
)
