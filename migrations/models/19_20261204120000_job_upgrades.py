"""Upgrades (issue 20): t_job_upgrade, one row per upgrade or rollback of a job, driven through its states by
whichever process looks next; ``open_job_id`` is unique, so one upgrade at a time per job across replicas. The
same SQL shape on SQLite and PostgreSQL, picked by the connection."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    return _TABLE.format(
        id="BIGSERIAL NOT NULL PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
        time="TIMESTAMPTZ" if postgres else "TIMESTAMP",
        false="FALSE" if postgres else "0",
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return 'DROP TABLE IF EXISTS "t_job_upgrade";'


_TABLE = """
CREATE TABLE IF NOT EXISTS "t_job_upgrade" (
    "id" {id},
    "create_by" VARCHAR(64),
    "create_time" {time} NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" {time} NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "open_job_id" BIGINT UNIQUE,
    "cluster_id" BIGINT NOT NULL,
    "from_version" INT,
    "to_version" INT NOT NULL,
    "verdict" VARCHAR(16) NOT NULL,
    "verdict_reasons" TEXT NOT NULL,
    "restore_from" VARCHAR(16) NOT NULL,
    "restore_savepoint_id" BIGINT,
    "allow_dropping_state" BOOL NOT NULL DEFAULT {false},
    "stable_seconds" INT NOT NULL,
    "from_flink_job_id" VARCHAR(64),
    "flink_job_id" VARCHAR(64),
    "rollback_flink_job_id" VARCHAR(64),
    "step_time" {time} NOT NULL,
    "running_since" {time},
    "reason" TEXT,
    "finish_time" {time},
    "job_id" BIGINT NOT NULL REFERENCES "t_job" ("id") ON DELETE CASCADE,
    "savepoint_id" BIGINT REFERENCES "t_job_savepoint" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_t_job_upgr_job_id_upgr" ON "t_job_upgrade" ("job_id");
CREATE INDEX IF NOT EXISTS "idx_t_job_upgr_status_upgr" ON "t_job_upgrade" ("status");"""


MODELS_STATE = (
    "eJztXetz20aS/1em+MV0HeyV5NjJKldXJdnyRrEs+SQ52booxYyAIQkLxHAxgGjtJv/7dQ8A"
    "Em9i+ABBeD4kpoDpAdA9j+5fP+Y/vQm3mCNenjjM89+Oqesyp3dM/tNz6YTBj8L7BunR6XRx"
    "Fy/49N6RBP6AYtuBmWh8L3yPmj7cHlJHMLhkMWF69tS3uYtEJ8RjJrMfmXdMKBkxl3m2SX6+"
    "ubokM3Y/5vzBINyDW+9sd3RLHfjzV/aWT/DijUPNB+Lxe+6/xKdZ3ITHQbtNdxy49r8CNvD5"
    "iPlj5kH3v/0Ol23XYl+ZiP+cPgyGNnOsFBdtCzuQ1wf+01ReO7VH567/XrbF174fmNwJJu6i"
    "/fTJH3N3TmC7Pl6VH0F9hk/wvQC56QaOE/E/ZnD4sosm4VsmaCw2pIGDMkHq8AUW13qDweXV"
    "7eDm7HYw6OXkFVMkOB1dMrmLsoZXFZIBI3yFF38/Onr16vujg1dvfnj93fffv/7h4AdoK983"
    "f+v7v8KXWXAr7Ery7Pwf55e3+EIcBlQ44PDCX5KG+jSkksJYcN/0GPBrcP+UFwIMaa9YBCmi"
    "jCTgE7OSiPmeEEXE6Lkk4iYLUSxmQxOymNCvA4e5I38Mf775roLNv5xcv/3p5Lr/5rvnaV5f"
    "RneO5C3keo7Lvg1/5vj8Dm7hnUpex6QZblsR7cv4Rw3e56bBrpkPX2hduc5TNC4qmH97/vHs"
    "5vbk4yd83ESIfzmSgSe3Z3jnSF59ylztv8kIat4J+fX89ieCf5L/u7o8k+zlwh958omLdrf/"
    "18N3ooHPBy6fDaiVWCviqzHXUnKHPcAePinOrhSRnl3LZ1fEsFVmV4ZUz662zK6YR4npFb39"
    "Qu7yX4WJFbdfaU61Tq6pSXV49EONWQWtSqeVvJeeVw/waSr8jdt3kb9v6rA3OxcS3H2TZW7g"
    "OXne3jAwEKxb9rVE942I2szgHuj/c8PimSCfry8MIuR3EerDHeGTvjQc8JYgJvW8JwJEtkd8"
    "/sDc5zlDZSM9ZsRbtQye/fM2tQLGYux/PPnn89QqeHF1+Y+4eULsby+uTjPiZi6KocjU4dxh"
    "1C2Wd4IqI/N7INuW0GMraAuzqsp+ubq6SLH99DzL188fT89gmkkZQCPbTxg5aF8OHxI2Dl64"
    "Byt1Rj1rkLqzkIoXOEwUyCQie//hmjlUfmNeAknr/xr6ac8UVJXG4mq8yyLv+BEv42b+1uRo"
    "kr1CXTqSn4TPxiclGXbumrbF5AOL8ZR5A6MOoGInWy9FVK5cRmIKwoeEw984EuCH/P2F3x8T"
    "PgVZWgZxuW/Dl8EvWGi485i8RugIuEb6jJpjoDTZ8zzKsu2HaeRFIy/aNtTIyzdkG2rkpS2z"
    "SyMv3ZtddZAXUFoGqtrDgma5BrGadLuqQ2hEphFExmI+tQtAmXI4ZkHRhc2iaUgkNHoG1Ffd"
    "OlKEHdw49nejyOthsR27gpgzpBsQ9B5NuH2Tc4xSKPljEjTN7VDwWJf11EQ6f1UQJVAbc8Am"
    "HqOkP+YzeJiHuHME2ZgSORRkTB8ZGXE/D2xvrNeGd0rToTDhrEHg+kUb5hKzOku8NxO7R0Ey"
    "UwdEQCzmoDcC5EhoSjBkzB1LENsn8vtQcC7pU2gyZiBG+sDkTQ7EhA595uVHxdae0uHlh/o+"
    "m0z9Aiy/1B5JkmzLIsmPuoPt2iNHh999/90Pr958NzdD5leqrI+8peFQ4Q+Y53FPRSFOU2ml"
    "WF0pRteAsmmdIGpuJHfCuM55DdOSyIvhPfeYPXI/sCcpinN4b+qaRRBWh/2DcNmjs7lHKTn+"
    "gAHw2Sz0zL49uXl78u6s91e5L3brnkbJ+jIvYyyX5R7GeDQs9y7+insxRb/eM0FgdPix5gZ7"
    "MiVR6DdS2w7qeg7shDLOOnAfYHdzyRB+O9wd4UYOjYFGakM5NWGLz9E+xRYvWYb2KWqfYnv3"
    "jD31emifYltml/Ypdm926Wju3UdzA49CXbBAQauKQU3R6SjU6ijUDMNR6VZnd0ylmV2f2ZFV"
    "M5BopwIKmKNrLRTYEww4a4nQ5iMT+kRwMyCfLz9cXv16Se4ZWHQMYV9psQrSPwCRsMciiHm9"
    "rrYMPepQ+QbnTYQTKEOOaTqNOm4KdUyUBtgE8JgoS7Bn0qiLPaYHoir8mACuohj9TaSDJJMX"
    "OsL27aaEBJbtn7m+99QrQmoXd40lUC22rIfSYlrGJPClNA3i2ENmPsEcJUCE/lXuEQGz7YXt"
    "HpPZmBvwP+bi/ymCqC78sM0xARHb/pNBqGsR9NTDhslAbFZxFsh2H6cx2xYv+EYFZqseGNVk"
    "4Fuj8thPcKMOdAjzvMiTXo5uzAm2BW80KtgtQ4bhKqrI3uJtXPO3gL/hxhPySIHJGbLugd+v"
    "jmpw+tVRKafxViGni3bkpXwu3JY7wOXNj2ce+CZXQ5sTJG0GnHtYtA1MD8wX7nscNEyfcyIm"
    "1HGeG1EsAAYKEvZ1ykx4WyKjteCe/BduEfmgPGS0yY5bktiBpe4UEzss2/TJn6DAizrGXUNh"
    "qRgcLLn8TJAJEwKMLCOE68BUILY7DXzySJ2Akb78Q0jED0NIiWCmx3xRXHNjA33Wx7RQGCll"
    "LhdNlw2cy2hp2MGpWiGIbdq0b51A+NIOyxm08S2j2po1E82W2bPlS6u2C/fULtSxPE2oAjqW"
    "59s0yHUsTxOzS8fydG926Vie3cfygCRAWAWuqgrEa0HSQS6/PqwDxUCrUi7Le2kuF+Ndpepv"
    "Cc61RWf44XYV4I1FdHhsQr2HPCvLE8kWFF3YZptOIgNjcjB06Ehh8CZJWhsC1egAVsAREoVx"
    "qLdmAMHPdH8HeD5qIFM0aF3e8PsO8War6FM8sfPgU3jHqMaeLBGvDUbdaIqw/Y/EZQLh3/BP"
    "QaYcPhnr9IYFeafUw0KY/tjjwWhMHm3PD6gzmNoW6d/1Du56UVPi82lJNc1tPagAKftNwjOC"
    "B14YaRX3Ylu93zWKplG0fVmDNIqm7XyNou3r7NIoWvdmVx0ULaFtKEyvNFUHsZ7NR90klMNV"
    "OD1tmtW9g96ectphj0XJDaXK8Ly9BtWyoJrG2Ofj9Oh1nZghaFU6UuW9NH+Hju0+KMc8pqm6"
    "p90cHhzV0W+wWblDQ95Mc/ueCttU5naaqnvc3rwu+YXb7uCBFSjsFYW7FyQaGs5lqz4y1y/R"
    "zUtZmibSTM1lpfLJJMqfq+sxSpB0YR1o2mUEVsuhysobt+8CrxtwJQO7jhTZe6TZq8LeV4rs"
    "faXZq8Le7xTZ+51mrwp7Xyuy97Vmb232Cu4VaBKlulncXGtlWa1s4QtVLheSI9UVQ5RcnBUV"
    "Q9Ie6rRIlIuGvEt1tmfiqFsyJDcY21S0OCGBguiNtHyqIzhkC504pEMedMiDDnnQTtlUOx3y"
    "0O7ZpUMeuje76oQ8WGKg6tdMkHTQtbmV9CFgmaqnLUHSRS5vvOaE1MSVx3KaqouM3sZwDrlW"
    "6NRcxupit+aKnN6t7dEUn1VXjjRV95SfzQdJCXPMJrSE0eW4ZZpKw5dZ+BL6Dkw/8MqGcDln"
    "c4SauTnmhqNvaDsFnC332mfIurA6NJ7sKQaWVRBTecOow6yKw8vndJrrK3DdcgZhyXmFhSRN"
    "pBeRnINJDB6ZJwpreZYzNUWkmbpy7nKUSFkA3Suk6C7SS/fMTqmVwjyh0yl0sn4acyf9bGoZ"
    "zQuuTj0+ZZ5vswq+XrnslsP/lnN3wdpPqX73cj8r5vFK7sQENyodi2muLUkS/yLweKh4XV6e"
    "KH47ZgSUPUfmbbsuwyrXeBLphPQxFxv4EmAU5zNBsGe54P9yVZAHvkY/2q+p/Zp7rOhqv6b2"
    "vGi/5r7OLu3X7N7squPXlHqSrJddBtSUFyNP065VkHwliff+exi44TlF94Ht+LYrXuLz/qe3"
    "Xd23SO4bqxLe7rjWb0TbU4Ap8qZlvQjY2G5sJP51p2LbZvTrehGtsESVHu62uGksMTahYS0b"
    "U0e07uVaYGjLT1t+WjfVll9HZ5e2/Lo3u2pFtILeoh5tmSTSJxQun12SYcqRw0mi7q1h2wkd"
    "Rp7B5xdV8VrC6TmVjmtV4HUJaLSE12VwkeZ1Fa8VM8VTNDrwJBvNY4v5OyoM3zRVgzUVL7cF"
    "Z2ZGb52xWz5yc7HCPvUDpYNgFhTdK1i5YeaaQgxMh6odtJMi0lpFrdUX3QnqnE5TaVbXYrU+"
    "i6fctNxUoPBafo3NAe8/MWf6jpu9Atg9vmUsAd2jJhpz15i7xtw15q5RwVQ7jbm3e3ZpzL17"
    "s6sW5s5N1XTwBIlOBq+VDG77RblvFXngMUEHIcmtHEAAT/SVi2DPSTrB5W/IWMNzPwsMteg4"
    "0Coj7UvURBtp2kjTRpo20rQaWUON1EZaW2aXNtK6N7vqGGkMo77VnT4Zsu7NsG0dMaAcHpWk"
    "6YQ10YDNhjwLVmF0sFlOtwh9eHVwUIPP0Kq8Qhrey/NZ2P8uYHOV8ZGk6ky8TiMmSJrzxeGs"
    "lWwvCWbdX7ZvsCxdcQRPRTm6kgAezcye6QTCZ55yHmeabiW+tk2paMPZJBFb87JQPpjk7aKn"
    "/ZJD3bTM9AhM5WTCK5DLzxcXuzqS5Gd+3yuCJuGysQSajJpoaFJDkxqa1NCkBk9S7TQ02e7Z"
    "paHJ7s2uOtAkqC3KaFmSpoNo2VZiSJBnJuiNqnyOafQatnwNQ37hq+V5XB5GkqTpAo+bCCPJ"
    "8lwRI0uSaFgnC+sgd5RxsjSRZmqWqUPHdh8kh5QW4AxZF9aHrR/oIkfhSnpkhnQDemQzvO/N"
    "xswl73GsEIcKH8s0D21vwiyCBZrnwydV1bkmjcLq3m7FM2/XhZMLV64i9GrZpFzQdW9WbgE7"
    "iRBXxZ06S9bcxnK4JxuLySfTwIcnDuDzVAoq5Ak75InZGHun1KOOwxxbTBR4m6HSozbL1kCw"
    "OJS67qqbIOnegruVOCQd9NUgs6ceH3m0YJFYdjRYgrALrG7a/Id1FrQ+11MxVlM02lbNBcnQ"
    "Rzbl0PtgSmHCKCwdecouDOkMOHtwVEc7xmbl8Ky8mbdb2WDOQTGwbKX9sYxeS6CuBMwxMx/C"
    "4Qv/Me+RFtTdqwxsKu6gMytMw9GPCXZOCh0XdQQxKXZf7K8QNmc5LpiEaBYPCqzHmqM9Qd8h"
    "I3KHwx2WOzNwzcDzmGsWxB3UGvn5TjoknI1Ng4ntgraC1uU982eMuYMFD4vOSKyYEUu76hD/"
    "dzc5oA11g+kae0K2B703VLBb6pUY28pcSxm+XdKNZnxdxqtaYsv60VZBXavAY8BAD9mInBmp"
    "bMZFpHrIFyQ5SS5R32eTadGeu5TBSdIO7bGbO+udOfSpwqgtZXCeULO3ILiD2k7gsYFXGN1R"
    "ytwsmWZtOWtXGLtFpJrFeRaj8a6q2KVotHszy1Lm4lcOwB6076lvjgccXmli/5vKF6vP5qX9"
    "aG0iN5olx+AzzATbpMPHAY4UgilVJn2t7jq0qjRs1heyV73WQGU3WjrrSSdac5g3oKPRYDqm"
    "gq1iDNXrTC9oy4Rg2cK3XdOXDBRTx/YH4TZREMNYWxjVnWqhFBhUg6FDR2qm1JxEa0xZhj4y"
    "TxTqRuUQV4Kke2jW5uPiPfZoF7O4uorPgqq1y0DvPphMmUXunwiDUfFEHHvIzCdgCgiZusLG"
    "dseEUXNMZp7tM2ILQglGwFKPvaCu9UIwn3CX2D7pC7AWbZOJv33h9+JvEj0VL6dPktWpCPrG"
    "ntoKZQAsaNuShod6dlAhbWuH0+4WwQWbmOfxgvCfn2+uLpeyeE6bTWCxTZ/8SfAkp/1bHisY"
    "iUzBnsvjCrMhhEY6mQQ7yMYVJvg5dWjBqllLFDGplsTakmDWgBZEqFRndGVp9yalayPxtvuW"
    "kNXqgmLdrCq0d/XEmhTDBsqJXcOkuD5/e1tVTiwRi0SnU3ihorCjiPL9h2vmlMG/i1phsCpS"
    "wQPP3MdiJ2VsT5szgbs+m64Dt6v8CaYjj8ID1ubR57CjrvIpQhHW59MvCziii3ziU/yk9Tl1"
    "FffTVUYtMjDWY9RN3E+XGLXlypmn6PjpFZfPDO8ZS2toDu7nDZdV0uxduYzI5sRjwHjhH8vi"
    "CUADDQwyG3NCxQOzSB8uwT9UEDoCfiBmNBvb5hiBI6CdOrZJydB2bTFmgtj+c4NQ14I2YSHO"
    "DNObeu6dGwJbwBViS5hqTLGVIDzwTQ52U28+6HTV0Fbq9wbRVUN11dDWbhR7WtdQVw1ty+zS"
    "VUO7N7sKsMKclh2qOipTa0HR5oqhiGsYRPh8Svoz2x8TSuYGBShnJgJtTngLdDDCXQZXozD4"
    "nJq4Zl/V6RZ1DvQ5LD/P5zB3nE+ZV7E65b3Ql7gxkW5AKexdfTq7RK3bAQU9o0q7PNakyRPz"
    "DVTiXfIumjFpjX/FThqWIUwy7g087qgEE6eJmnMLryDL2MpyRyQQzHsmCL42kbX08F5olM3Q"
    "3orsL4JxogtbC4gFkZMRmztMQC+ED1GWaHjhxbDj3Aho7tF3ruwZx9HzHxPXiW0ZMNrA9hxy"
    "j4yxCh5c5DOXSAkK0se2MBAn2B/cZhXRCxtzmoejB99Q2W+UI9WhoqtGh4QYwkp6WIZUu2jb"
    "o3aFVk3OR1jHlWX7bLI+qC5Bu3Poqj17wH6AoJJnFUBozNNaYOjAjlvXQkRRPYF9hYZb0jEB"
    "1eXd+eU/DPLr1fUH+IFb04x7D7D9jDl8FO5AgevbDvnjD4dhRLj8648/QB1FPYbAbvP+5Pzi"
    "7N18+ypERBt47p0bZZUhpCrr5MLznRh5hd4DxwKl7BGuuGLGPNiHbb8MJf2tN4eao2Kyv2vg"
    "tD2bmwZONXDa2s1lT6EdDZy2ZXZp4LR7s6sOcFpW7r5Keygtdd8qcKaVSkSiQDAPM0IUgLEk"
    "SZs5L7Ep7lmgWEsECGufewQ/PISVMKUFAUuJD4WKMXlgbCojDgqBrnU629ER0nsOU6+4MW0B"
    "Qg5r+ajgxwuK1uYU5ZLFTIfakzBsJ5sR5o+pTxyGYTZg1UYWK1yiBLdTabtKutgqr0xK2+Bz"
    "tjyxEia4qkaSIdUQYnsUkLx+L9PTBg/ASZVFNE3VYg1f7l8RSvRMEHzjRHan/AyZ2GnIQLoJ"
    "E4KOmPTA4N8W84FUkH6IOxiEwaD2n+T9B1aQhLr1pzWcphzKOXrR/AApP0chR9jiMbKReb+N"
    "0xRCJobDIs/88pTHLJ3Od1w931G70r6NfTByrSja4kmqbWm73UT0K1Id536YNRMdk2kG+yWG"
    "uqmOyeGXSnR8e3Lz9uTdWVWe45b9nomcx2LHZzopcpnn0xL1PZ7WvGeCKZzo9XN9HkZqGQhW"
    "oJYmg2rCVgYRtoUoB/oPH14WejM30KfOzGjxcmRoB6N2MLYYJN9PF4h2MLZldmkHY/dmVx0H"
    "oyVCSSnMrQRJm3MzWuMi8QJ3gBLPsbgcHUuQdGHxahoXE9xT8UjFzVvrjlLVhzdXOHVu1Sgj"
    "HzlSDX+sGovQziCQbvK9AnYClm4GdNo//tfFmxajrhhtKl5bNsDVTVfQaiNzcyuqcumyLUN6"
    "WJ+rGMuLKnctA/G8qFktFE8E9xNbYBGnMI0A8wl8Tt5jopt0iY75DHMGGAjVKgbt1LvQGF2L"
    "125DY3Qao2uxnbmfKILG6NoyuzRG173ZVQeja3Wh5W8hF8CeMqyPMJAXFFa4HGGb8VL5uWGa"
    "bKgAS8+1QB92Qk+28XhGL5j6YdQyjSvQoAIta0zgsRlDHoDyLGsY5vTurT2lOvLx4KBO6OPB"
    "QXnsI97LhH7hmwzK0JnyYZGl29Let7s0gy0olmMumLsCr3OE7WV2LzUpiG1FQ11+gizi4o9h"
    "2CemCZqo8HX+ok4MWNBxkVHS/+MP6OfckhnyeKSNz/LTsYFn3rn3DHpiYeOoocPoIxPHWPxU"
    "Vjd1OH8QUQkcKuBn+FL4BuwrNX3nKXyTUIgNRzmPGaw992CfrHCmRZZ2b6I8QaEawrI7Dpdg"
    "lN3U4yYT0WjwZW2jsMYVBqfHgrVluhcscaOxfwwr95C5JouyW+LaRoLBFtCnucG49SfeuYmR"
    "PJNjfC4fWXoNA7ewKJPDhj65Z2MM0JcbkAXaZfw6RYH2+6tu5q053GxhvlqDoccnKottjrB7"
    "Vt3hwVGdzQ2blbuI5c1cnqLnr2TapSn3Znn5JoPImWutJOMkXSMS3oQ6E/UWnannMZCriWt3"
    "eOie3ORDBSMJxOOyLvMDLakMwLbfDzWBCX2CFdp2HBJaAkA2yedXNfTMDg/Roe1SR577p2Tq"
    "Zsi6t/BvXquM8gDzXC6PC0qQdIHDTccFlR5bW34UZumptW3Cz6QV5waT+7BEaFR34Zkg0euH"
    "phPaaXIdw3KjocM1ul+cp7puh1uOTUIds+Swx1POYT13S+ZQki4j1Hsg3BYiN7+iINfoZA/0"
    "QXvUlVZPxGGQBRYIgL0NzBL4GNJn0H24seEiPEETPewrL93NdVt/Qp9eXV2kJvTpeXbGfv54"
    "egaqs+wYGtl+CR6r46F0PNR+hOwsi4eqU5p1FydUtVNPaLw2a3yYXnFQU+KovWWBTUGiaa3g"
    "poiA9MFY8bjj4Cc9XwQp4R4mF+V4P8aVPABDBlMOXY6L+3G8rMtsfirIl8AaIbImsdjcltDE"
    "Q+9c6sLQRBQvwtqMcGeJRyb2OEfhEF7uS5wvehUSH4UQnXnlIQxIbKEDs9q+iRg6MGvX/jMd"
    "mNW50BEdmNWW2aUDs7o3u+oEZqlWRVurHlpTYUCRFmiQhBYYlu8U8NlkQk3Q4OB2eG4NHmCz"
    "aCY1QcIdLAdaii1t4wH68KuNuGzmZzDc3F59+hT++nz68fz2Vv6+Or05u/5F/ry+uriAH4PT"
    "k7cfIp88nzL3R6A8Ob04CxucvZP3jfhcBipdKJhOkRsUjT654dGCr1caulRlaWQIN4JAb8Pk"
    "6C0AYtuKZCIPoooMSltIERmya8IxPCPOqjkm4ZvJGECeMEIXlU2nMNcjrCmHUTfx0FbEoO4w"
    "Brh1CsVujsxCt4G6AylL1mIv0s6yzEHBUmdsmqhLA3tjfI1wOBU1JUHSaiX17dXHTye353K/"
    "/3RyfXt+cmGQ88vFZVQuP19+uLz69dJIo5AkC0L+GEUTUoGhILgd4OKPcfu5Lae5xzasokRy"
    "H0Svkx8y5TEJBaRtHjqtDU6IgidXDbpcL+ayqXmL8VUYJh46lPkUlLfkIccLT0A//qz5JVBh"
    "nkcHmkpyl83mnggZhSCIjB7OG5xNPbTpukIFL6umHJb10CElpWEtkToOnw0sD1Z4eLmyMLrK"
    "+JSyLtodqrKJZXWDISJCOmAHAgNArYLtrLwWVI5Qq5Zl1tDK+W9FxC32M2STpHyZVkJNTCnB"
    "3o7jADkZTYWe8DBRhbkhhlkcXrduhw37OFqe7LgFOUeBj4ktX4YruKAmcMdBicwDJJJRERgV"
    "WZz6uvnuGx4DMQy/8swv7aDFo6I1Xkbhs+mKGUIJwv3xMPbkgodGshl4ngw8lU4UmaAX5Zbi"
    "IdH4ec9EGIpEZZop5vXJk7TA+ha2a7LCENhN9t3hhBD4dlcqorZbVKqteujliPcmPy0cIVmb"
    "D4fH0PbAmhQMbl9/vrzEo8plsFqYcerDDk2izy4edev32eXRJlEkFfxpQdHiTQQk/4R6Hibw"
    "wMIReb4RHJTObzA3PDzZb1KiLypT7xjL0ocifRv5rDoTYzcw0+qQ3x5Bfb10bHiM3oJ6xn12"
    "nNtGIzBThHHqtm+k44Y46T+wqR/eheUSz04siE7atZR1vk1T9YdFMh9mTaa2L7dmJ5OnsYeu"
    "ODyyi19qkAAjyeXni4sdFlD+JQpoKM43+mUR7rAs3ygRGbE83+hXPFgaPVyxXOYZP2j2Yhwm"
    "6p4zHjgWXjme28cYU2WARLF+kzmmrnR2B76ssCBN62QmqZEbLA09986djW1zjPFgoNkwi8yN"
    "sCg2Cux7bAiTlowpatGWjBTro4sPBoyMU43iB0MzDSG4bCdoxd25Fp+5z8vykX6LV/Awsbr3"
    "u05QasuuaxCdoKQTlNrrvdvPFAqdoNSW2aUTlLo3u+okKEWaRk7kparDgkCHPZRUHpEcqc/R"
    "JInmaRGWJV9CBfFfULR47e8V1cwJnTpoo6Qxe9KfoTFE3Se0h7DsHK5JcaUDuANr8DA0bKhX"
    "4M3c8rN2fZxf/GUFgVw3jIKlVzFWUrR7M14EWr9w5QmNTWMuQZQRxfggSn6+ubokji18vIs8"
    "wHq2jkxhQlyleohspPtdjwomCwIXjAl895LRkKDJajJYseRP+cntWZQTIUPxq5O+y+cCC8+V"
    "n2CtbZjsPPCjAAU+lMAKAhX9+BACgowzYtAtKqZSOEy2/cD6AwclWT1wsmMko0NhB9mBE1hD"
    "pUETt9+LAfPbf0Kumw4V4lL+FGN69PrNX7/HkWTDwDV9WfYU/7r53wtiwqQXuaGwXlc7FvIX"
    "WqD2hpvFB/YkSnQ1WqT6qgm6od0CVuiT6yj9NZJTKByDwPruPb1FoRlYsXzk0QmwBhWB6K94"
    "RY/WctKn3igItwVUB2Cdh3tkCh3MuFcQjdDws3c8ksJQxdIExWWRr+VJiq3TPhZ4eLgDLIp9"
    "slintBfRcYi2y/pcDzCfnv8YplnnYHHLtjCAGVQLMQsNy9x208xjGy7uG/ollBLpEiStzuGS"
    "RkLsd5GBfakA5SjdsY/6gFQDpnM3TVFg01p97VgFLa4+u8wkKak9277lIF0I9v3F+acXh38/"
    "eI62Ay6UxZYBTk4gndoMbUjXZSZof4TLnnFTiFZ2rBrIi9XPhp7bgrEzYJ7HC/SU6rGzoGrz"
    "CMKQRXmES+RaNaUfF9fkSL7SxxqrjRYHseHNR+rYiCVjWuZTcSDkRnrdsfTjMb7CgUIZUh0g"
    "2R78XQdIFihaOnSuE6FzuwmKupoiq0tiohY3jeUhUTzVeGlQ1Ekijg30CAxje4GQ14vF5RBN"
    "58PQbDHAMsHMbbjkc7kbAQtRhx3DtfCEO3eEu5NPH5jIn0e/7QfeuXfu/Gw/LqIzOOHxoxGe"
    "BGCF+D8YWdEdj89i9duWjxbhMZ0umXMyOkEtPocNw6SkuRXGQjlcmvfE9KgYY2ifTGmHt420"
    "M4zlyxzjSaDP0AaU57+BZmdbP0ZXLGYF8iw3fMF7mQ4Bmpyu/dz2VdnQoVU6tKrF3uz9DP7Q"
    "oVVtmV06tKp7s6tOaJUXuOr1luY0LU67aqUOoQuhtkYAOy0E0zoRbHl36WKF+RWZu/kCepHx"
    "qziO01RtZnTv1REZs6/Eske2D+a7iea6i8ZzCASgxS8wYFBGCkqjPzLlo/NvD18evv4vGR6I"
    "qVh5NH4L/TfspvWpN2L+wLILvDAVQyBF1T0teYuHnHf52ATSlwgd1guNkbAnhhVGzy8Hn66v"
    "/nF9dnMTD32f8wcc8wbB4sEXZ7dn7+LDCnLTbPPdN7zQ6pOOdQGW/ZBFu43QPMaz06LRjYU6"
    "4ttSz8dCbMlgYpkiHuU0hDWeE8Wcw6rNz6USkjtkEtknjonFTHueEW77+RDY5h5958pKCZiA"
    "Lo8oMYjMWpeOnKnHTSaiKnRxZVAsFbmDpVwXnW6fRa6DDHQVpm9p7OtAD10jaRca437XF1rw"
    "vyCUJiWcZaE0qVGhHErjMR9YiHEgY2Y+RJejyj/HRFZ8AiVobKOW8IRlfmaIGIWVd4aSPjx4"
    "Y2kIzUYfpGNMWrwhGDrGRMeYtNiPsZ9ecB1j0pbZpWNMuje76sSYfANnrrRmjk0pdKzA47h9"
    "mx3ALXP/6WCGLQKzGgTcDQio4wA18Nc94A9G6GbYeR12tF8jui5HF/NYGelLlCOajjxqFZWK"
    "OI0o33+4Zs48d62U1Z/DjlrD7had31Am0NSYn+e1rSmKVFpiKySx9sD/a5vA9C1/YIX5neEN"
    "oxqQ9ueNagDR94x6zCOSJsSCA4GVZ44JBwNS1im6+enkxdHrN5iZKMdbXzYOT3+TGZUedS0Y"
    "giEnhSHrC8yrSzwvQqUbeqqGqFusuhgVEDXwhjkqhtGcoM2WUVjbx/bDHF+P9O96Dh/Z7h00"
    "veuZjh39gH/Jy5cvS2oDqdE3jBnISToYU6GEHKSpNiPC3c6ibUMzHhvaX5XAmTlFq2fI4kgR"
    "Ez4F9i5QhQzM5veZ45B4C5hSz8fCm1iAMC5emiuatFo3DWMU7OvUBg1vhaI3aUodk9oe0Loo"
    "JvURhtwqpY3SlFrKbZayQ4U/AD12FTlnabWk2yxp7dvvnvexjm8fjVRlaDtBpH0KG8K2kacb"
    "QGM/R93slwTqYrGJgdemAmafrWGvANrCy0Y1sBVETZbBWuWc1IBQi+e7UQEI6ZjFno5Z1HqN"
    "jlnc49mlYxa7N7vqxCyC2jKQvxUmV5Kmc3j44dEPdXDUox/KgVS8lzvDaCDP5VFl85yozcD4"
    "ipx+fVinPgy0KuW0vJfntGSSIqNjmg7yefOOAWQYvlqeyeUVQpI0XdiQmy4R8oV6ygt1kqaD"
    "AxvPNls+sqFV6dCW9/JjWzW4PEnTQT5vK8A8RH0GQ4eO8twuxS4yVM2VhjzYFrM3cEJvDo7c"
    "EXwmJG6Vx88iLLMSQIvb1AgMmzJPcFeWsJ+fVCer1skYRHZMHm02Y55BLPbIHIwUlG2tie0W"
    "RXyt251G7vYUuVPdUDtr9WwjQSuMdlSOt8oRtlhb7FFvxN0j0p/OLMe+x/MN8ey7oVxJcEHD"
    "MzeIsEeuPIs3LKwZBvhgLGluKVq/u+YVJlwhVeQbt++iorRxS8uyBX550SbBgY/ULdGREmQZ"
    "Pt8D3bYYPb/SrL11enV1kbK3Ts+zBtXnj6dnwHrJeWhk+6kNQjsZ6g32/YRBy5wMCjpzJoZ4"
    "zYyTeaLEnsl/J+kmJ8yzzXGvwKiI7lSaFXTRpjWO+W9Ft1/LoK3S2lc43HvdY73bNhWzet3r"
    "Wnrd6wq97nVW9cBJpcDhqHkHuXt4cFAL/TqoAL8OctEM3MWcyDyH8cjkEgVjQZJVLmzTJ3/K"
    "VIE95HYFc5EZ1Uh6FjTPqAbYwemu8bG//h/dcZV7"
)
