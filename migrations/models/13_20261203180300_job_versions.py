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
    "eJztXW132zay/is4+lLlXCVrO3Gazd5zz3Ecp3Xr2L22s91zmx4VIiGJMUVoCdCOd7f//c6A"
    "pMRXiZBFimLwoY1MYkDyGbzMPBgM/t2bcZu54sWJy3x5OqWex9zeW/LvnkdnDH4U3h+QHp3P"
    "l3fxgqQjVwnIIcWyQytReCSkTy0Jt8fUFQwu2UxYvjOXDvdQ6IT4zGLOPfPfEkomzGO+Y5Gf"
    "bq4uyQMbTTm/GxDuw633jje5pS78+Ss75TO8eONS6474fMTlC3yazS14HJTbdsWB5/wzYEPJ"
    "J0xOmQ/V//Y7XHY8m31lIv5zfjccO8y1Uyg6Nlagrg/l41xde+dMzj35QZXF1x4NLe4GM29Z"
    "fv4op9xbCDiexKvqI6hk+ATpB4imF7huhH8McPiyyyLhWyZkbDamgYs6QenwBZbXesPh5dXt"
    "8Obsdjjs5fQVSySQji5Z3ENdw6sKBcAEX+H5X4+OXr78/ujg5es3x6++//74zcEbKKveN3/r"
    "+z/Dl1miFValMDv/4fzyFl+IQ4MKGxxe+FPJUElDKaWMJfqWzwCv4egxrwRo0n6xClJCGU3A"
    "J2Y1EeOeUEUE9EITcZGlKpa9oQldzOjXocu8iZzCn69frYD57yfXpz+eXPdfv3qWxvoyunOk"
    "biHqOZSlA3/mcH4Pt/DOSqxj0QzadiT7Iv5RAftcN9g1+PCF9pXnPkbtYgX4t+cfz25uTz7+"
    "go+bCfFPVwF4cnuGd47U1cfM1f7rjKIWlZBfz29/JPgn+b+ryzMFLxdy4qsnLsvd/l8P34kG"
    "kg89/jCkdmKsiK/GqKX0DnOAM37U7F0pIdO71veuCLBNeldG1PSutvSuGKNE94refql39a9G"
    "x4rLb9SnWqfXVKc6PHpToVdBqdJupe6l+9UdfJoOvnH5LuL7ugq82b6QQPd1FtzAd/PY3jBw"
    "EOxb9rXE9o2E2gxwD+z/hWPxnSCfri8GRKjvIlTCHSFJXzkOeEsQi/r+IwEhxyeS3zHvWc5R"
    "2UqNGfWuGgbP/nGbGgFjNfY/nvzjWWoUvLi6/CEunlD76cXVu4y6mYdqKHJ1OHcZ9Yr1nZDK"
    "6HwEYnUpPfaCauhVq/yXq6uLFOzvzrO4fvr47gy6mdIBFHJkwslB/3J8l/Bx8MIIvNQH6tvD"
    "1J2lVvzAZaJAJ5HYh5+vmUvVN+Y1kPT+r6Ge9nRBXW0sr8azLGLHj3gZmvlbs6NZ9gr16ER9"
    "Ej4bn5QE7NyzHJupBxbzKYsCgyqEipMsvZZRufIYiSUIHxMOf2NLgB/q9xc+ekv4HHRpD4jH"
    "pQNfBr9goOHuffIaoRNAjfQZtaYgabFneZal7ocZ5sUwL8Y3NMzLN+QbGualLb3LMC/d611V"
    "mBcwWoa61sNSZr0FsZl2u2pDGEamEUbGZpI6BaRMOR2zlOjCZNE0JRI6PUMqdaeOlGAHJ479"
    "nSjydljsx26g5ozoFhS9Rx1u3/QcsxRa6zEJmeZmKHisx3p6Kl28KqgSpAcLwiZuo6Q/5Q/w"
    "MB9554iysRRzKMiU3jMy4TJPbG+t1oZnSsul0OHsYeDJoglzjVudFd6bjt2joJm5CyogNnNx"
    "NQL0SGhKMWTKXVsQRxL1fag4j/QpFJkyUCO9Y+omB2FCx5L5+VZR21M6PPxQKdlsLgu4/FJ/"
    "JClSl0eSb3UH9fojR4evvn/15uXrVws3ZHFllfeR9zRcKuSQ+T73dQzitJQxivWNYlwa0Hat"
    "E0LNteROONe5VcO0JvJq+MB95ky8n9mjUsU5vDf1rCIKq8Prg3DZpw+LFaVk+wMA4LNZuDJ7"
    "enJzevL+rPdn+Vps7SuNCvqyVcZYL+tXGOPWsH518Veciymu630nCLQOGVtuMCdTEoV+o7Tj"
    "oq3nwkyo4qwD7w5mN4+M4bfLvQlO5FAYZJQ1lDMTanyOWVNs8ZA1MGuKZk2xvXPGnq56mDXF"
    "tvQus6bYvd5lorl3H80NGIW2YIGBtioGNSVnolBXR6FmAEejWx/uWMqAXR3syKsZKrZTgwXM"
    "ybWWCuwJBsjaIvT5yIw+EpwMyKfLny+vfr0kIwYeHUPaV3msgvQPQCXsvohiflpVNVOPJlS+"
    "wX4T8QTalGNazrCO22IdE6kBtkE8JtIS7Jk2qnKP6YaoSz8miKsoRn8b20GSmxc6Anu9W0IC"
    "25FnnvQfe0VM7fLuYA1ViyWrsbS4LWMWSKXNAXGdMbMeoY8SEML1Ve4TAb3tueO9JQ9TPoD/"
    "MQ//T5FE9eCHY00JqNiRjwNCPZvgSj1MmAzUZhfvAqn3cYazbfGAP1jB2eoHRjUZ+NaoPvaT"
    "3KhCHUI/L1pJL2c3FgJ10RuNKrZmyjAcRTXhLZ7GDb4F+IYTT4iRBsgZse6R3y+PKiD98qgU"
    "abxViHTRjLwW58JpuQMob78980BaXI9tToi0mXDuYdI2cD1wv3Df52BhSs6JmFHXfTaIYgEw"
    "UJCwr3NmwdsSFa0F99S/cIuoB+Upo21W3JKNHZjqTnNjh+1YkvwHDHhRxblrKCwVg4MVyt8J"
    "MmNCgJM1COk6cBWI480DSe6pGzDSV38IxfhhCCkRzPKZFMU5N7ZQZ3VOC5WRMuZy0XTZwLmM"
    "lYYVvNNLBFGnT3vqBkIqPyzn0Ma3Bqu9WStRbJ0/Wz60Gr9wT/1CE8vThClgYnm+TYfcxPI0"
    "0btMLE/3epeJ5dl9LA9oApRVsFS1gvFainQQ5ePDKlQMlCpFWd1Lo1zMd5WavyU8V42L4Yf1"
    "GsBbi+jw2Yz6d3koyzeSLSW6MM02vYkMnMnh2KUTjcabFGltCFSjDViDR0gkxqH+EwMIfqL7"
    "28DzUQOZpEFPxYaPOoRNrexT3LHz5FN4Z7Cae7JFPDYMqkZThOX/RjwmkP4N/xRkzuGTMU9v"
    "mJB3Tn1MhCmnPg8mU3Lv+DKg7nDu2KT/uXfwuRcVJZLPS7Jp1vWgAqbsN0XPCB74YaRVXItj"
    "9343LJph0fZlDDIsmvHzDYu2r73LsGjd611VWLSEtaHRvdJSHeR6th91kzAON0F63jTUvYPe"
    "niLtsvuizQ2lxvCivCHVsqSa4dgX7fTouErMEJQqbanqXhrfset4d9oxj2mp7lk3hwdHVewb"
    "LFa+oKFuptEeUeFY2minpbqH9vZtyS/c8YZ3rMBgX5G4eyliqOHcbtV75skS27wU0rSQATW3"
    "K5XPZtH+uaorRgmRLowDTS8ZgddyqDPyxuW7gHUDS8kA15EmvEcGXh14X2rC+9LAqwPvK014"
    "Xxl4deA91oT32MBbGV7B/QJLotQ2i4sbqyxrlS3XQrXTheRETcYQrSXOFRlD0ivUaZVoJw15"
    "n6psz9RRNWVIrjG2KWlxQgMF0Rtp/ayO4FAlzMYhE/JgQh5MyINZlE2VMyEP7e5dJuShe72r"
    "SsiDLYa665oJkQ4ubdayfQgg011pS4h0EeWt55xQlrh2W05LdRHoOppziFrhouY6qIuXNTdE"
    "ere+R1M4644caanuGT/bD5IS1pTNaAnQ5bxlWsrQl1n6EuoOLBn4ZU24HNmcoAE3B27Y+saO"
    "W4Bs+ap9RqwLo0Pjmz3F0LYLYipvGHWZveLw8oWcQX0D1G13GKac1xhI0kJmEMktMInhPfNF"
    "YS7PclBTQgbUjfcuRxspC6h7jS26y+2le+anVNrCPKPzOVTy9G3MnVxn09vRvER17vM586XD"
    "VuB65bFbDv9bj+4S2l9S9e7lfFaM8UbLiQk0Vi4splFbs0n8i8DjoeJxef1G8dspI2DsuWrf"
    "tucxzHKNJ5HOSB/3YgMuAUZxficI1qwG/L9fFewDf0I9Zl3TrGvusaFr1jXNyotZ19zX3mXW"
    "NbvXu6qsayo7SeXLLiNqypORp2WflJB8I433/nsceOE5RaPAcaXjiRf4vP/p1Wv7Ful9a1nC"
    "2x3X+o1Yexo0Rd61rBYBG/uNjcS/7lRtdUa/Pi2iFYao0sPdljcHa5xNKFjJxzQRrXs5FgyM"
    "52c8P2ObGs+vo73LeH7d612VIlrBbtGPtkwKmRMK1/cuBZh25HBSqHtjWD2hw4gZfH5RFq81"
    "SC+kTFyrBtYlpNEarMvoIoP1Kqw1d4qnZEzgSTaaxxGLd9RovmmpBnMqXtZFZ2Zab5W2W95y"
    "c7HCkspA6yCYpUT3ElZuGVxLiKHlUr2DdlJCxqqoNPricoI+0mkpA3UlqM1ZPOWu5bYChZ+0"
    "rrE94v1H5s7fc6tXQLvHtwZrSPeoiOHcDeduOHfDuRtWMFXOcO7t7l2Gc+9e76rEuXNLdzt4"
    "QsRsBq+0GdyRRXvfVuwDjwU6SEnWcgABPFFqJ8FeiHQC5W/IWcNzPwscteg40FVO2peoiHHS"
    "jJNmnDTjpBkzsoIZaZy0tvQu46R1r3dVcdIYRn3rL/pkxLrXw+o6YkA7PCop0wlvogGfDTEL"
    "NgE62C7SLWIfXh4cVMAZSpVnSMN7eZyF868CmFc5H0mpzsTrNOKCpJEvDmddCXtJMOv+wr7F"
    "tHTFETwr0tGVBPAYMHuWGwjJfO19nGm5jXBtm1HRhrNJIljzutA+mOR0WdN+6aHqtsx0C0zt"
    "yYRXIJefLi52dSTJT3zUK6Im4fJgDTUZFTHUpKEmDTVpqElDnqTKGWqy3b3LUJPd611VqEkw"
    "W7TZsqRMB9myWmJIEDML7EZdnGMZM4atH8MQL3y1PMblYSRJmS5g3EQYSRZzTY4sKWJonSyt"
    "g+ho82RpIQNqFtSx63h3CiGtATgj1oXxofYDXVQr3MiOzIhuwY5sBvvew5R55AO2FeJSITFN"
    "89jxZ8wmmKB50XxSWZ0rymiM7u02PPN+Xdi5cOQqYq/WdcqlXPd6ZQ3cScS4as7UWbHmJpbD"
    "PZlYLD6bBxKeOITP00mokBfs0ErM1uCdU5+6LnMdMdPANiNlWm0W1kCwOJS66qibEOnegFtL"
    "HJIJ+moQ7LnPJz4tGCTWHQ2WEOwC1E27/zDOgtXn+TrOakrG+Kq5IBl6z+Ycah/OKXQYjaEj"
    "L9mFJp0hZw+OqljHWKycnlU3834rGy4QFEPb0Zofy+SNBqpqwJoy6y5svvAf8+9pQd69lYFN"
    "xRV0ZoRpOPoxAeescOGiiiJmxcsX+6uE7XmOS5CQzeJBgfdYsbUn5DvkRO6wucNwZwWeFfg+"
    "86yCuINKLT9fSYeUs7VuMHM8sFbQuxwx+cCYN1xiWHRG4ooesbaqDuG/u84BZagXzJ8wJ2Rr"
    "MHPDCriVXYmxrcyztenbNdUY4KsCr+uJravHeAVVvQKfAYA+wojITHQm4yJR0+QLNjkplKiU"
    "bDYvmnPXApwU7dAcu72z3plLH1c4taUA5wUNvAXBHdRxA58N/cLojlJws2IG2nJoN2i7RaIG"
    "4jzE6LzrGnYpGbO8mYWUefiVQ/AHnRGV1nTI4ZVmzr+oerHqMK+tx1gTudasEIPPsBKwqQUf"
    "FxApJFNWufSVquvQqNKwW18Ir36ugZXVGO08TTvRmMP8IZ1MhvMpFWwTZ6haZWZAW6cE2xHS"
    "8SypABRz15HDcJooiGGsrIzVlRqlFDhUw7FLJ3qu1ELEWExZQO+ZLwpto3KKKyHSPTZr+3Hx"
    "Prt3iiFencVnKdXaYaA3CmZzZpPRI2HQKh6J64yZ9QiggJKpJxws95Ywak3Jg+9IRhxBKMEI"
    "WOqz59SznwsmCfeII0lfgLfoWEz85Qsfib8o9lS8mD8qqFMR9I09tRXGAHjQjq0cD/3dQYWy"
    "rW1OuxsElzAx3+cF4T8/3VxdroV4IZvdwOJYkvyH4ElO+zc8rgASQcGay+MKsyGEg/RmEqwg"
    "G1eYwHPu0oJRs5IqYlGjiSdrgtlDWhChsnpHV1Z2b7Z0bSXedt82ZLU6oVg3swrtXT6xJtWw"
    "hXRi19Aprs9Pb1elE0vEItH5HF6oKOwokvzw8zVzy+jfZa4wGBWp4IFv7WOykzLY0+5M4D0d"
    "puvA6yo+kXf8dIz+vnSzu4gTn+MnPR2pq7iergK13FnwNKBu4nq6BFTNGSETw3lxbsj0eL8m"
    "S+TQVhfXJorsXXmM2IuaCc5OzCbw2ZxQAhUN4LfKFuBzl5Gw1IAIx2aE+/Cvd/ciR5psqU6T"
    "qrLFRuWAmFSVJlVla0fxPU2mZ1JVtqV3mVSV3etdBQRV/qjTstMYVhx1WnoaQ7We1TrtpmPu"
    "q5zqclh+qMth/kyXwBuixnMQlydQSIh0YfBqOoGC4L5O2qC4uFm9y8WELLwabQI7J1oXul31"
    "N9LZK3XhL03lZnDfdPEgOoziiQsH0akX+4V/1VWDZatLrRicntycnrw/65WMLVtAdduLA20E"
    "Nzeiaq/K1Ezp4dJDMZcXLUqsI/H8qFglFk8Eo5kjkMcnfBwSbUTyKP0n9Wwy5Q8YhsRAqXYx"
    "aadfheHoWjx2DwxHZzi6FvuZ+8kiGI6uLb3LcHTd611VOLpWx5B9A3vG5s6cgUnItM/0yQm2"
    "mS9VnyvUOnVoAKuVa4Fr2Ak7We0894O5DHcJUBLlq0ADeqrEHEHGPADjmU5Abzm7u7anNH+I"
    "dMuT7e/uyO4aDMspF8zbAOucYHvB7qU6BXHsqKmrT4DW7kOvgWaf6CboosLXSfLgyGkYYRJ4"
    "0FfgJYUk/T/+gHrO7T/+eDZQu3Uky3fHBp752RsxqImFhaOCLqP3TLwlD1OOO42Iy/mdILgB"
    "3SdUwM/wpfAN2FdqSfcxfJNQiQ3vM5syGHtG4J9sEK6fld2bcH0wqMYw7E7DIRh1N/e5xUTU"
    "GiSeswDqc1xGHCkWikUdeQSGuMlUvoWRe8w8i0W7yXw2dx0LRnoGU0Cf5hpj7U/87CVa8oNq"
    "4wv9ECG5Ctx6oNAQ2ViSEZsCpOEEZIN1Gb9O0Qa2/TU3894cTrbQX+3h2OcF2d/LB9ucYPe8"
    "uhpTZfty0xOeEpJ7M7x8k7uBVKLIDXSclGtEw9swZ6Laou3CPgO9Wjh2h/uJ1SQfGhhJIh6H"
    "dbANBIzDaAzAtN8PLYEZfYQR2nFdEnoCIDbL719u6JkdbqJjx6PuBqf6pcW6N/Bv36qMkrnl"
    "US6PC0qIdAHhpuOCSjNylO/yL03I0Sb+THlxXjAbgfPEx2p0Ay/sO0Gi1w9dJ/TT1DgG41w/"
    "XHCN7ufH0W1UWHcaRbAxS/axv+Mc02GX9KGkXEapIxCsi5FbXNE7BBOXmXEN2qee8noihEEX"
    "mHUD5jZwS+BjSJ9B9ctzLmfoood15bW7vWqrd+h3V1cXqQ797jzbYz99fHcGprOqGAo5soSP"
    "NfFQJh5qP0J21sVDVdlAvYtNiu20ExrfoxjvEy4OakrsIl4X2JQwI9YHN/06pZhCiS0m20Vs"
    "Em4QH4AXgwP3Aw9cG6+8jXlWkMF9hZ7iU60p9SZIpAVSeTw4xqdG9kFuVmjouZ+9h6kDzhlm"
    "jrJt5Nvw1GacYaL1SpiDsCA0UDKFZ86ozVQ6KXgj7AsD3DRJlTNGxo4vpLJDspUgi/fZs/mD"
    "96wscOu3eAQLDZ3e7yaSqy2zzsBEcu16wc1EcnUu1sREcrWld5lIru71riqRXJGlkVN5qemw"
    "FGhuc1r9FsTWOCC0rYu3r64kAkq2rxpM1YCtXkKHlV5KtHjs7xVxWGEQC/oogoHZItHbEHdI"
    "Zz6gM0S9R/SHcBkIx6SBCn5Rd2AMHos4720xfVrjs3a9vTb+sgJGYt3R8GnZvWkvAr1fuPKI"
    "zuZgoUHUEXVdjDrBNJ8q+yneRQwwvgTXHKUKXlzdRLZS/a5bBVMBOgVtojytbFLmSflkm4qR"
    "XYbLxa9O+h5fKCzM8zTD2Dfo7DxAlgKDjPhYEStIVPTjoGCCwA1IFDNDFDVXPJLU/cAdJ8MN"
    "7LFWo4nL70WD+e3fIeqWS4W4VD/FlB4dv/7z93hlbRx4lsrWp/66+d8LYkGnF7mm8LSqdqzk"
    "L7TA7A0ni5/Zoyix1ei+5PzuwQh9ch0tkkZ6CpUzIDC++4+nqLQBRhBOfDoDaNAQiP6KR/Ro"
    "LCd96k+CcFpAcwDGebhH5lDBA/ft/BjR8LN33JLC6PkNDtfICbbd+ljy4eEMsFx8Z7FN6YgF"
    "C49sex81ewf96dnf1EPztLjt2MTjaG6Kh9CxzE03zTy24WCbcF2iYJ4pN1UTIq3et6OchHjd"
    "RTgY/IzQx2qLgu/7aA8oM2C+WKYpigx4Ul07NkGLo0HWuSQlsSDtGw7SgRkfLs5/eX7414Nn"
    "6DvgQFnsGWDnBNG5w9CH9DxmgfVHuKoZJ4VoZAeLgfNi87Oh57ag7ZQdUbK67ZQeTtKqFvQw"
    "jbZUREurllrHxTE50q9aY43NRpuD2vBmfNoEKJkWnBe0tVp3rP24jW+wwScjagLw28O/55e3"
    "TOiYCR3reuhYnUFRyyMBCmKiUucFrAuJ4qnCa4OiTsgiDk4lTZd8/hwpr+fLyyGbzseh2zIA"
    "zwTPNIZLkqvZCCBEG3YK18Idp94EZydJ75jI54eq+4Gfvc/eYq8tF9GeeHj8ZIKRuXbI/+MZ"
    "eyLKHf8Qm9+OerQIt817ZIFktKMx3heJYVLK3QpjoVyu3Hti+VRMB7il0Q/3O0bWGYZtZ7bV"
    "40F+oQ+o9mOCZefYf4uu2MwO1N5KfEG4jR/GuUmS1fZReWBCq0xoVYtXs/cz+MOEVrWld5nQ"
    "qu71riqhVZgyXdd6WMq0eHNfK22IViQna13v2okCdpqFqnUqqHl2uYPv0gE5Lt9BcLd/UEbk"
    "/Gq247RUm4HuvTwiU/aV2M7EkeC+h7nJ0HmeLjJOZ1JrxWm1Qp/78MXh8X+p8EDcipVn42uo"
    "v+FlWkn9CZND2ylYhVnRBFJS3bOSa0w6JIOCNfFypJcSdXW0bWSe+eXs8v355Q+krxi6AfF4"
    "zIQ9MvlsQM4vh79cX/1wfXZzEzd9yfkdtvkBOb36+MvF2e3Z+wH5cHJ+cfY+1822X33DA63J"
    "PNL0+uLY8Rwx3cgrzYia9cX2OKF5jicKrt00c94+JM7rLbLxfifSwcRqi3i0pwETaalg9Xi1"
    "BIdJjz1TRoiKJFssozhSRSaLt8RmlrPYEe7IfAhsc4/+7OGKj9qArk7/GBC1a10t5MRZKXFb"
    "fJwbB/9dn4a4hsPlooaz+CZ9EqSkBkOJbOqRmyCD3eC+eR8wbd8EerQ10KOwhW8B1A7mA8pC"
    "m+3WKYDhJcjlp4uLXYXSLPEvCKVJKWddKE2qVWiH0vhMAoQYBzJl1l10Ocr885bcsTlGm5Cp"
    "g1bCI6b5eUDGKMy8M1byyiJbH0Kz1QeZGJMWTwgDE2NiYkxavI6xn6vgJsakLb3LxJh0r3dV"
    "iTFp+YFPnepjcwoVa2Acl2/zAnDLlv9MMEONxKwhAXdDApo4QEP8dY/4gxa6HTivw4r2q0VX"
    "RXTZj7WZviXUi+1UT8y3ntoN1w28a823fsvvWOG2wvDGYDUPKheFKvCfI0Z95hMlE1KQgcCE"
    "J28JB79Fpce5+fHk+dHxa9wQp5jJviosCAiGG/l86tl8RkIkxUBta18kNXhWRIY29FTDjLZ4"
    "xhysYEYBG+bq2OMLgTYb5GFKGUeGW0t90v/cc/nE8T5D0c89y3WiH/AvefHiRUlKGj35hl1V"
    "1UmHUyq0HNa01HZUuNteVDcj4LOx81WLE1hItLqHLE+ysOBTYO5iPgztkhPJXJfEU8AcTyB0"
    "PJX3Ls6ZmcvVs1k1DbvG7Ovc8ZnYINdKWtKEQraHKy0KhbyHJrdJRp20pNFym7XsUiGHYMdu"
    "ouesrNF0mzVtlpS7t+hVZUkZnVRtRjUhZKjsLVGqiOkWSMBPUTX7pYGqFGCi4bUpb9Yne9wr"
    "oLbw8mA1sRVERdbRWuVIGkKoxf19sIIQMqFyPRMqZ+waEyq3x73LhMp1r3dVCZUDs2Wofmt0"
    "rqRM5/jww6M3VXjUozflRCreyx2dM1THwejCvBBqMzG+IdLHh1XSkkCpUqTVvTzSCiRNoGOZ"
    "DuK8/YUBBAxfLQ9yeWKKpEwXJuSmM1N8ob72QJ2U6WDDxiO11rdsKFXatNW9fNvWjWlOynQQ"
    "57rimkPWZzh26SSPdil3kZFqLiPhQV1gb+Fg2BwduSP6TCjeKs+fRVzmSgItLlMhMGzOfME9"
    "lTl9cUCaSpZGic9d9pbcO+yB+QNis3vmYqSgKmvPHK8o4uup1Rnmbk+ZO90JtbNeTx37gsJo"
    "R+14q5xgi63FHvUn3Dsi/fmD7TojPFYPj1wbq5EEBzQ86oEIZ+KpI2DDfI5hgA/GkuaGoqdX"
    "17zBhCOkjn7j8l00lLbuadmOwC8vmiQ44Ei9EhspIZbBeQRydQG9uNKsv/Xu6uoi5W+9O886"
    "VJ8+vjsD6BXyUMiRqQnCLDJUa+z7SYOWLTJo2MyZGOIn7jhZbJTYM/3vZLvJCfMda9orcCqi"
    "OyvdCros05qF+W/Ftn+SQ7vKat/gTOmnnibdtq6YteuOK9l1xyvsuuOs6YGdSgPhqHgH0T08"
    "OKjEfh2sIL8OctEM3JOsKD8cntRbYmAsRbLGhWNJ8h+1VWAP0V4B7tYOpt8pP/bn/wPFBbyv"
)
