"""Batches (issue 18): t_job_batch, one row per batch request, and t_job_batch_item, one per job in it, so a batch
is finished by whichever replica looks next and each job's outcome outlives the request. The same SQL shape on
SQLite and PostgreSQL, picked by the connection."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    return _TABLES.format(
        id="BIGSERIAL NOT NULL PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
        time="TIMESTAMPTZ" if postgres else "TIMESTAMP",
        json="JSONB" if postgres else "JSON",
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DROP TABLE IF EXISTS "t_job_batch_item";
DROP TABLE IF EXISTS "t_job_batch";"""


_TABLES = """
CREATE TABLE IF NOT EXISTS "t_job_batch" (
    "id" {id},
    "create_by" VARCHAR(64),
    "create_time" {time} NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" {time} NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "actor_role" INT NOT NULL,
    "actor_user_id" BIGINT,
    "finish_time" {time}
);
CREATE INDEX IF NOT EXISTS "idx_t_job_batc_status_0b1c2d" ON "t_job_batch" ("status");
CREATE TABLE IF NOT EXISTS "t_job_batch_item" (
    "id" {id},
    "create_by" VARCHAR(64),
    "create_time" {time} NOT NULL,
    "modify_by" VARCHAR(64),
    "modify_time" {time} NOT NULL,
    "job_id" BIGINT NOT NULL,
    "position" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempt" INT NOT NULL DEFAULT 0,
    "lease_until" {time},
    "error_kind" VARCHAR(32),
    "error_message" TEXT,
    "error_detail" {json},
    "finish_time" {time},
    "batch_id" BIGINT NOT NULL REFERENCES "t_job_batch" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_t_job_batc_batch_i_job_id" UNIQUE ("batch_id", "job_id")
);
CREATE INDEX IF NOT EXISTS "idx_t_job_batc_batch_i_item" ON "t_job_batch_item" ("batch_id");
CREATE INDEX IF NOT EXISTS "idx_t_job_batc_status_item" ON "t_job_batch_item" ("status");"""


MODELS_STATE = (
    "eJztXW132zay/is4+hLlXCVrOy/tpvfcc5zEad26djd2tnu27lEhEpIYU4SWgOx4d/vf7wxI"
    "SnwXIYkUxeBDG5nEgOSDt5lnBoP/9GbcZq54fuoyX76bUs9jbu8N+U/PozMGP3LvD0iPzuer"
    "u3hB0pGrBOSQYtmhFSs8EtKnloTbY+oKBpdsJizfmUuHeyh0SnxmMeee+W8IJRPmMd+xyI/X"
    "V5fkgY2mnN8NCPfh1nvHm9xQF/78lb3jM7x47VLrjvh8xOVzfJrNLXgclNt1xQvP+deCDSWf"
    "MDllPlT/2+9w2fFs9oWJ6M/53XDsMNdOoOjYWIG6PpSPc3XtrTM59+QHVRZfezS0uLuYeavy"
    "80c55d5SwPEkXlUfQSXDJ0h/gWh6C9cN8Y8ADl52VSR4y5iMzcZ04WKboHTwAqtrveHw8upm"
    "eH12Mxz2Mu0VScSQDi9Z3MO2hlcVCoAJvsKzv56cvHjxzcnRi9ffvnr5zTevvj36Fsqq983e"
    "+ubP4GVWaAVVKczOvz+/vMEX4tChgg6HF/5UMlTSQEo1xgp9y2eA13D0mG0E6NJ+fhMkhFIt"
    "AZ+YbokI91hThEAvWyIqsmqK1Whooi1m9MvQZd5ETuHP1y9LYP776cd3P5x+7L9++TSJ9WV4"
    "50TdQtQzKEsH/szg/B5u4Z1SrCPRFNp2KPs8+lEB+8ww2Df48IX2lec+hv2iBPyb85/Prm9O"
    "f/4FHzcT4l+uAvD05gzvnKirj6mr/dephlpWQn49v/mB4J/kn1eXZwpeLuTEV09clbv5Zw/f"
    "iS4kH3r8YUjt2FwRXY1QS7Q7rAHO+FFzdCWEzOhaP7pCwDYZXSlRM7raMroijGLDK3z7Vbur"
    "fzUGVlR+ozHVunZNDKrjk28rjCooVTis1L3kuLqDT9PBNyrfRXxfV4E3PRZi6L5Og7vw3Sy2"
    "1wwMBPuGfSnQfUOhNgPcA/1/aVg8EeTTx4sBEeq7CJVwR0jSV4YD3hLEor7/SEDI8Ynkd8x7"
    "mjFUdlJjqnnLpsGzf9wkZsCoGfs/n/7jaWIWvLi6/D4qHmv2dxdXb1PNzTxshjxTh3OXUS+/"
    "vWNSqTYfgVhdjR5ZQTWMqjL75erqIgH72/M0rp9+fnsGw0y1ARRyZMzIQftyfBezcfDCCKzU"
    "B+rbw8SdVav4C5eJnDYJxT789JG5VH1jtgXi1v9HqKc9Q1C3NVZXo1UWseMnvAjN7K3ZySx9"
    "hXp0oj4Jn41PigN27lmOzdQD8/mUZYFBFULFiZdey6hceYxEEoSPCYe/sSfAD/X7Mx+9IXwO"
    "bWkPiMelA18Gv2Ci4e59/BqhE0CN9Bm1piBpsadZlqXuhxnmxTAvxjY0zMtXZBsa5qUto8sw"
    "L90bXVWYF1Bahrraw0pmvQaxWet2VYcwjEwjjIzNJHVySJliOmYl0YXFomlKJDB6hlTqLh0J"
    "wQ4uHIe7UGT1sMiO3aCZU6I7aOgDGnCH1s4RS6Hlj4nJNLdCwWM91tNr0uWrQlOC9GBJ2ER9"
    "lPSn/AEe5iPvHFI2lmIOBZnSe0YmXGaJ7Z3V2vBKabkUBpw9XHgyb8FcY1anhQ9mYPcotMzc"
    "hSYgNnPRGwHtSGiiYciUu7YgjiTq+7DhPNKnUGTKoBnpHVM3OQgTOpbMz/aK2p7S4emHSslm"
    "c5nD5RfaI3GRuiySbK87qtceOTl++c3Lb1+8frk0Q5ZXyqyPrKXhUiGHzPe5r6MQJ6WMUqyv"
    "FKNrQNu0jgk115M7YVxnvIbJlsg2wwfuM2fi/cQeVVOcw3tTz8qjsDrsH4TLPn1YepTi/Q8A"
    "gM9mgWf23en1u9P3Z70/i32xtXsaFfRFXsaoXdZ7GKPesN67+CuuxRT9ek8Egd4hI80N1mRK"
    "wtBvlHZc1PVcWAlVnPXCu4PVzSNj+O1yb4ILORQGGaUNZdSEGp9jfIotnrIGxqdofIrtXTMO"
    "1OthfIptGV3Gp9i90WWiufcfzQ0YBbpgjoJWFoOakDNRqOVRqCnAUenWhzuSMmBXBzu0aoaK"
    "7dRgATNyraUCe4IBsrYIbD4yo48EFwPy6fKny6tfL8mIgUXHkPZVFqsg/SNoEnafRzFvV1XN"
    "1KMJlW9w3IQ8gTblmJQzrOOuWMdYaoBdEI+xtAQH1hpVucdkR9SlH2PEVRijv4vtIPHNCx2B"
    "vd4tIQvbkWee9B97eUzt6u5gDVWLJauxtLgtY7aQqjUHxHXGzHqEMUpACP2r3CcCRtszx3tD"
    "HqZ8AP9jHv6fIonqwQ/HmhJoYkc+Dgj1bIKeelgwGTSbnb8LpN7HGc62xRP+oISz1Q+MajLw"
    "rdH2OExyowp1COM8z5NezG4sBeqiNxpt2Jopw2AW1YQ3fxk3+ObgGyw8AUYaIKfEukd+vzip"
    "gPSLk0Kk8VYu0nkr8lqcc5flDqC8+/7MF9LiemxzTKTNhHMPk7aB6YH7hfs+Bw1Tck7EjLru"
    "00EYC4CBgoR9mTML3paoaC24p/6FW0Q9KEsZ7bLilmzswFR3mhs7bMeS5L+gwIsqxl1DYakY"
    "HKxQfiLIjAkBRtYgoOvAVCCON19Ick/dBSN99YdQjB+GkBLBLJ9JkZ9zYwd1Vue0sDESylwm"
    "mi4dOJfS0rCCt3qJIOq0ad+5CyGVHZYxaKNbg3Jr1ooVW2fPFk+txi48ULvQxPI0oQqYWJ6v"
    "0yA3sTxNjC4Ty9O90WViefYfywMtAY2V46oqYbxWIh1E+dVxFSoGShWirO4lUc7nuwrV3wKe"
    "q0Zn+HG9CvDOIjp8NqP+XRbK4o1kK4kuLLNNbyIDY3I4dulEo/PGRVobAtVoB9bgEWKJcai/"
    "ZQDBj/RwO3g2aiCVNGhbbPioQ9jUyj5FAztLPgV3BuXcky2iuWFQNZoiKP8d8ZhA+jf4U5A5"
    "h0/GPL1BQt459TERppz6fDGZknvHlwvqDueOTfq3vaPbXliUSD4vyKZZ14NymLLfFD0j+MIP"
    "Iq2iWhy797th0QyLdihzkGHRjJ1vWLRDHV2GReve6KrCosW0DY3hlZTqINez+6ibmHK4CdLz"
    "pqHuHfUOFGmX3edtbihUhpflDamWJtUMx77spyevqsQMQanCnqruJfEdu453px3zmJTqnnZz"
    "fHRSRb/BYsUODXUzifaICsfSRjsp1T20d69LfuaON7xjOQp7SeLulYihhjO7Ve+ZJwt080JI"
    "k0IG1MyuVD6bhfvnqnqMYiJdmAeadhmB1XKsM/NG5buAdQOuZIDrRBPeEwOvDrwvNOF9YeDV"
    "gfelJrwvDbw68L7ShPeVgbcyvIL7OZpEoW4WFTdaWVorW/lCtdOFZERNxhAtF2dJxpCkhzrZ"
    "JNpJQ94nKjuw5qiaMiTTGduUtDjWAjnRG8n2KY/gUCXMxiET8mBCHkzIg3HKJsqZkId2jy4T"
    "8tC90VUl5MEWQ12/Zkykg67NWrYPAWS6nraYSBdR3nnOCaWJa/flpFQXga6jOweo5To110Gd"
    "79bcEOn92h5N4aw7cySluqf87D5ISlhTNqMFQBfzlkkpQ1+m6Uuoe2HJhV/UhYuRzQgacDPg"
    "Br1v7Lg5yBZ77VNiXZgdGt/sKYa2nRNTec2oy+ySw8uXcgb1DVC33WGQcl5jIkkKmUkk42AS"
    "w3vmi9xcnsWgJoQMqBvvXQ43UuZQ9xpbdFfbSw/MTqm0hXlG53OoZPttzJ30s+ntaF6hOvf5"
    "nPnSYSW4XnnshsP/1qO7gvaXRL0HuZ7lY7yROzGGRqljMYnamk3inwUeDxXNy+s3it9MGQFl"
    "z1X7tj2PYZZrPIl0Rvq4FxtwWWAU5xNBsGY14f/9Kmcf+Bb1GL+m8WsesKJr/JrG82L8moc6"
    "uoxfs3ujq4pfU+lJKl92EVFTnIw8KbtVQvKNWrz3v+OFF5xTNFo4rnQ88Ryf93+9enXfvHbf"
    "WZbwdse1fiXangZNkTUtq0XARnZjI/Gve222OqNft4tohSmq8HC31c3BGmMTClayMU1E60HO"
    "BQNj+RnLz+imxvLr6Ogyll/3RleliFbQW/SjLeNC5oTC9aNLAaYdORwX6t4cVk/oMGIGn5+X"
    "xWsN0kspE9eqgXUBabQG6yK6yGBdhrXmTvGEjAk8SUfzOGL5jhrdNynVYE7Fy7rozFTvrdJ3"
    "i3tuJlZYUrnQOghmJdG9hJU7BtcSYmi5VO+gnYSQ0Soqzb7oTtBHOilloK4EtTmLp9i03FWg"
    "8FZ+jd0R7z8wd/6eW70c2j26NVhDuodFDOduOHfDuRvO3bCCiXKGc2/36DKce/dGVyXOnVu6"
    "28FjImYzeKXN4I7M2/tWsg88EuggJVnLAQTwRKmdBHsp0gmUvyJjDc/9zDHUwuNAy4y0z2ER"
    "Y6QZI80YacZIM2pkBTXSGGltGV3GSOve6KpipDGM+tZ3+qTEujfC6jpiQDs8Ki7TCWuiAZsN"
    "MVtsAvRit0i3iH14cXRUAWcoVZwhDe9lcRbOv3NgLjM+4lKdiddpxARJIp8fzloKe0Ew6+HC"
    "vsO0dPkRPCXp6AoCeAyYPctdCMl87X2cSbmNcG2bUtGGs0lCWLNtoX0wybtVTYfVDlW3ZSZ7"
    "YGJPJrwCufx0cbGvI0l+5KNeHjUJlwdrqMmwiKEmDTVpqElDTRryJFHOUJPtHl2Gmuze6KpC"
    "TYLaos2WxWU6yJbVEkOCmFmgN+riHMmYOWz9HIZ44atlMS4OI4nLdAHjJsJI0phrcmRxEUPr"
    "pGkdREebJ0sKGVDToI5dx7tTCGlNwCmxLswPtR/oonrhRnpkSnQHemQz2PcepswjH7CvEJcK"
    "iWmax44/YzbBBM3L7pPI6lxRRmN2b7fimbXrgsGFM1cee7VuUK7kujcqa+BOQsZVc6VOizW3"
    "sBwfyMJi8dl8IeGJQ/g8nYQKWcEOeWJ2Bu+c+tR1meuImQa2KSnTa9OwLgSLQqmrzroxke5N"
    "uLXEIZmgrwbBnvt84tOcSWLd0WAxwS5A3bT5D/MsaH2er2OsJmSMrZoJkqH3bM6h9uGcwoDR"
    "mDqykl3o0ily9uikinaMxYrpWXUza7ey4RJBMbQdrfWxSN60QNUWsKbMugu6L/zH/Huak3ev"
    "NLApv4LOzDANRz/G4JzlOi6qNMQs331xuI2wO8txBRKyWXyRYz1W7O0x+Q4ZkXvs7jDdWQvP"
    "Wvg+86ycuINKPT9bSYcaZ2fDYOZ4oK2gdTli8oExb7jCMO+MxJIRsbaqDuG/v8EBZai3mG+x"
    "JqRrMGtDCdxKr8TYVubZ2vTtmmoM8FWB17XE1tVjrIKqVoHPAEAfYURkJjqLcZ6o6fI5m5wU"
    "SlRKNpvnrblrAY6LdmiN3d1Z78yljyVGbSHAWUEDb05wB3Xchc+Gfm50RyG4aTEDbTG0G/Td"
    "PFEDcRZiNN51FbuEjHFvpiFlHn7lEOxBZ0SlNR1yeKWZ82+qXqw6zGvrMdpEpjcrxOAzrBhs"
    "yuHjAiK5ZEqZSV+pug7NKg2b9bnw6ucaKK3GtM52rRPOOcwf0slkOJ9SwTYxhqpVZia0dY1g"
    "O0I6niUVgGLuOnIYLBM5MYyVG6O8UtMoOQbVcOzSiZ4ptRQxGlMa0Hvmi1zdqJjiiol0j83a"
    "fVy8z+6dfIjLs/ispFo7DfRGi9mc2WT0SBj0ikfiOmNmPQIo0MjUEw6We0MYtabkwXckI44g"
    "lGAELPXZM+rZzwSThHvEkaQvwFp0LCb+8pmPxF8Ueyqezx8V1IkI+sae2gplACxox1aGh/7u"
    "oFzZ1nan/U2CK5iY7/Oc8J8fr68u10K8lE1vYHEsSf5L8CSnw5seS4BEULDm4rjCdAjhILmZ"
    "BCtIxxXG8Jy7NGfWrNQUkahpia1bgtlDmhOhUr6jKy17MFu6dhJve2gbslqdUKybWYUOLp9Y"
    "k82wg3RiH2FQfDx/d1OWTiwWi0Tnc3ihvLCjUPLDTx+ZW0T/rnKFwaxIBV/41iEmOymCPWnO"
    "LLztYfq48LqKT2gdb4/R31dmdhdx4nP8pO2Ruorq6SpQq50F2wF1HdXTJaBqzgj5Fh0avfy0"
    "kMG9wdrckMPRsuC6DJG9K48RVZz4DIAX8o1KCgAyUGBAHqacUHHHbNKHS/APFYROAA/kQh6m"
    "jjVFQgRk565jUTJ2PEdMmSCOfDog1LOhTJBgMgV6U8+99QLCBlAhjqJfphRLCcIX0uJgD/SW"
    "nc5kw2yl3jogJhumyYbZ2oXiQPP1mWyYbRldJhtm90ZXDgeW0bIDVUdnaK0k2pwJE+31ARGS"
    "z0n/wZFTQsnSoADlzEICyQ1ugQ5GuMfgahjenVETt6yrfBtBlYNqjovPqTnOHFNT5C0r38qd"
    "6yPbWZPuQCnsXf1ydolatwsKekqV9nikSZNHJgeoxHvkfThikhr/hpU03IYwyLg/9LmrEySb"
    "FGrO3blBW0ZWljchC8H8J4LgaxOVIw7vBUbZA9pbof1FMP5xZWuBsCBqMGJxlwmohfAxtiUa"
    "XngxqDjTA5p79K2nasZ+9PS72HXi2APobWB7jrlPppjdDS7yB4+oFhSkj2WhI86wPrjNSrzy"
    "O3MGB70H31DbH5IRNSGQm0Y9BBzCRnpYStS4HtujdgVWTcb3VcVF40g2255UV6TdOVTVnjXg"
    "MEhQhVkJERphWokMHTpR6UqMKKonsK7QYEl6Q0B1eX9++f2A/Hr18Sf4gUvTA/fvYPmZcvgo"
    "XIEWnnRc8scfLsNIZ/XXH3+AOop6DIHV5sPp+cXZ++XylcuINvDcWy/cLYWUqsr/Cs93I+YV"
    "al+4Nihl93DFEw/Mh3XYkUUs6W+9JdUcJkn93RCn7VncDHFqiNPWLi4HSu0Y4rQto8sQp90b"
    "XVWI06I07mXaQ2EK91aRM61UImKJb3mw00GDGIuLtBl5xU1x3wbFWjFAmNPbJ/jhAa2EWzWQ"
    "sFT8UKAYkzvG5iriIJfo2qayPR2NfOA09YYLUw0UcpCjRoc/Xkm0dq9MZhOU5VJnFoTtpHc6"
    "ySmVxGUYZgNWbWixwiVKcDlVtquSi6zy0s1WO3xOzQMrZoLraiQpUUMhtkcByer3atvV8A6Q"
    "1JlEk1It1vDV+hWyRE8EwTeO7VpUn6E2LA5UIN2MCUEnTHlg8G+bSRAVpB/wDgPCoFPLR3X/"
    "juVsrqz9aQ1vvw3aOXzRbAcpPh8gI9jiPrKTcV/HKQEBiEG3yIJfvJUvLWf28W2+j8+40r6O"
    "dTB0rWja4nGpurTdbjL6JVv4ln6YLTfwxbcZHFYzVN3CF+9+iQ18706v352+Pyvbv1ez3zO2"
    "ly/f8Znc7LfO82mL6h5Pe1kzwa2J6PXzJA8itQZIVqCWpoJqglIDIhwbWQ70H949z/Vm7qBO"
    "szOjxdPRwDgYjYOxxST5YbpAjIOxLaPLOBi7N7qqOBhtEbSUxtiKibR5b0ZrXCT+whtii2cg"
    "LmbHYiJdmLya5sUE93U8UlHx1rqjdPXh3SUEXVo12sxHRtTQH5vGIrQzCKSbuJfQTgDpbkin"
    "w8O/Kt+06nX5bFP+3LIDVHedGaqN4GZmVO2UXDVTeph3Kp/LCzNSrSPx/LBYJRZPLEYzR2AS"
    "p2AbAe4nkJx8wI1uyiU65Q+4Z4BBo9r5pJ1+FYaja/HcPTAcneHoWmxnHiaLYDi6towuw9F1"
    "b3RV4ehanUD4a9gL4MwZ5kcYqgsaM1xGsM18qfrcYJtsoAArz7VAH3ZMT3bw2EF/MZdB1DKN"
    "MtCgAq1yTOBxEGO+AOVZ5TDM6N21PaU88vHoqEro49FRcewj3kuFfuGbDIvYmeJukZarae3b"
    "3zaDGhTLKRfM2wDrjGB7we4lBgVx7LCrq09QSVzkFLp9bJigiQpfJ1d5YsCCjpKMkv4ff0A9"
    "57baIY9HtUiWHY4NPPPWGzGoiQWFw4Iuo/dMvMHkpyq7qcv5nQhT4FABP4OXwjdgX6gl3cfg"
    "TYJGbDjKecpg7hmBfbLBWQ1p2YOJ8gSFagzT7jSYgrHt5j63mAh7g1S5jYIcVxicHjWso7Z7"
    "wRQ3mco3MHOPmWexcHdLlNtIMFgC+jTTGWt/4q0X68kPqo8v20elXsPALUzK5LKxJCM2xQB9"
    "tQDZoF1Gr5MXaH+46mbWmsPFFsarPRz7fKYz2WYEu2fVHR+dVFncsFixi1jdzOxT9OVGpl1S"
    "8mCml68yiJx59kZtHJdrpIV3oc6EtYVnxfkM2tXCuTs4TE4t8oGCESficVpX+wNtpQzAst8P"
    "NIEZfYQZ2nFdElgCIDbL7q9q6Jkd7qJjx6OuOs9Oy9RNiXVv4t+9VhnuA8yiXBwXFBPpAsJN"
    "xwUVHsdafMRj4WmsbeLPlBXnLWajIEVomHfhiSDh6wemE9ppah7DdKOBwzW8n79PddsKa45N"
    "Qh2z4BDDt5zDfO4VjKG4XKpRRyBYFyO3vKLRruHJHuiD9qmnrJ4QYWgLTBAAaxuYJfAxpM+g"
    "+mBhw0l4hiZ6UFe2dXdXbfUB/fbq6iIxoN+ep0fsp5/fnoHqrCqGQo4s4GNNPJSJhzqMkJ11"
    "8VBVUrPu44SqduoJjedmjQ6Jyw9qih0hty6wKaZGrA9u+hUTvWCOl2ixXcYm4emAA6IOdQqT"
    "l8KVNxHPCjK4r1CdAkWsKfUmSKQtpLJ4cI5PzOyDzKrQ0HNvPXWmlTo23LaZvcqJHvorYQ3C"
    "gh4mfoVnzqjN1Fni8EY4Fga4aZIqY4yMHV9IpYekK0EW79az+YP3tDihaziDBYqOSefanlVn"
    "YCK59u1wM5FcnYs1MZFcbRldJpKre6OrSiRXqGlkmrxQdVgJtDmj6N72p6Funb99tZQIKNi+"
    "ajBVE7Z6CR1WeiXR4rm/l8dhBUEsaKMIBmoL5twLj2N6QGOIeo9oD6EbCOek6LRduANz8FhE"
    "KTrz6dMan7Xv7bXRl+UwEteMgqVX0lcSsgfTX0R4gsgjCU7pC1sQ24i6LkadYG44lTIP7yIG"
    "GF+CPkepghfLu8hOqt93r2AqQCenTxQnIozLbJWEsKkY2VW4XPTqpO/xZYMFeZ5mGPsWHtMo"
    "VZARHytiBYmKfhQUrJJkByc4YnBccM5jbjep+4F7zqC4sMdanSYqfxAd5rf/BKhbLhXiUv0U"
    "U3ry6vWfv0eetfHCU+cRBVHR13+7UFnUs0cKblfVnhv5M81Re4PF4if2KAp0NZqn+rYxPWkP"
    "ZujTj6GTNGynoHFUll7/8R022gAjCCc+nf0ZJPgN/4pm9HAuJ33qTxbBsoDqgMrsTckcKnjg"
    "vp2dIxp+9r4Trqro+UJX/rqw+2KPfuu0jxUfHqwAK+c7i3RKRyxZeGTb+9iydzCenn6nHpql"
    "xW3HJh6X4VEMuctNM49tONgm8EvkrDPFqmpMpNX7dpSREPldhIPBzwh91Gxh8H0f9QGlBsyX"
    "bpq8yICt6tqzCpofDbLOJCmIBWnfdJAMzPhwcf7Ls+O/Hj1F2wEnynzLAAcniM4dhjak5zE8"
    "RZdwVTMuCuHMDhoD5/nqZ0PPbUHfGarE6DpzRFKqzT3oYRpuqQhdq5by4+KcHLav8rFGaqPN"
    "mVA376nrIJcMjUxzzjPYWa17bv2oj2+wwSclagLw28O/Z91bJnTMhI51PXSszqCoqzlCXRAT"
    "tbo5WB8SxROF1wZFnZJlHJxKmi75/BlSXs9WlwM2nY8Ds2UAlonr8gc8h46r1QggRB12CteC"
    "HafeBFcnSe+YyOaHqvuBt96tt9xry0W4Jx4eP5lgZK4d8P9gZIV3fP4Qqd+OerQIts17ZIlk"
    "uKMx2heJYVLBgXsqFsrlyrwnlk/FdIBbGv1gv2OonWHYdmpbPYE6AxtQ7ccEzc6xvwuv2Mxe"
    "qL2V+IJwGz+Mc5Mkq+2z8sCEVpnQqhZ7sw8z+MOEVrVldJnQqu6NriqhVZgyXVd7WMm0eHNf"
    "K3WIViQna93o2ksD7DULVeuaoObVRfcc3K1OwG03uLs/KCM0fjX7cVKqzUD3XpyQKftCbGfi"
    "SDDfg9xkaDxPlxmnU6m1orRagc19/Pz41f+o8EDcipVl42uov2E3raT+hMmh7eR4YUq6QEKq"
    "e1pyjUmH5CLHJ16M9EqiroG2i8wzv5xdvj+//J70FUM3IB6PmLBHJp8OyPnl8JePV99/PLu+"
    "jrq+5PwO+/yAvLv6+ZeLs5uz9wPy4fT84ux9ZpjtvvqGJ1qTeaRp/6I5Jfrr8C+GwbWbZs47"
    "hMR5vWU23iciGUystoiHexowkZYKVo+8JThNeuypUkJUJNnSjeJIFZks3hCbWc5yR7gjsyGw"
    "zT361kOPj9qArk7/GBC1a105cqKslLgtPsqNg/+uT0Ncw+FyYcdZfpM+CVJQg6FENrXITZDB"
    "fnDffAyYvm8CPdoa6JHbw3cAagfzAaWhTQ/rBMDwEuTy08XFvkJpVvjnhNIkGmddKE2iV2iH"
    "0vhMAoQYBzJl1l14Ocz884bcsTlGm5Cpg1rCI6b5eUDGKMi8M1bySiNbH0Kz0weZGJMWLwgD"
    "E2NiYkxa7Mc4TC+4iTFpy+gyMSbdG11VYkxafuBTp8bYnELFGhhH5dvsAG6Z+88EM9RIzBoS"
    "cD8koIkDNMRf94g/6KG7gfNjUNFh9eiqiK7GsTbTt4J6uZ1qy3zrid1w3cC71nzrN/yO5W4r"
    "DG4MynlQuSxUgf8cMeoznyiZgIJcCEx48oZwsFtUepzrH06fnbx6jRviFDPZV4UFAcFgI59P"
    "PZvPSICkGKht7cukBk/zyNCGnmqY0RavmIMSZhSwYa6OPr4UaLNCHqSUcWSwtdQn/dueyyeO"
    "dwtFb3uW64Q/4F/y/PnzgpQ0evINm6pqkA6nVGgZrEmp3TThfkdR3YyAz8bOFy1OYCnR6hGy"
    "OsnCgk+BtYv5MLVLTiRzXRItAXM8gdDxVN67KGdmJlfPZtU0bBqzL3PHZ2KDXCtJSRMK2R6u"
    "NC8U8h663CYZdZKSppXb3MouFXIIeuwm7ZyWNS3d5pY2LuXuOb2quJTRSNVmVGNChsreEaWK"
    "mO6ABPwUVnNYLVCVAox1vDblzfpkj3s51BZeHpQTW4uwyDpaqxhJQwi1eLwPSgghEyrXM6Fy"
    "Rq8xoXIHPLpMqFz3RleVUDlQW4bqt8bgist0jg8/Pvm2Co968m0xkYr3MkfnDNVxMLowL4Xa"
    "TIxviPSr4yppSaBUIdLqXhZpBZIm0JFMB3HevWMAAcNXy4JcnJgiLtOFBbnpzBSfqa89Ucdl"
    "Otix8Uit9T0bShV2bXUv27d1Y5rjMh3Eua645oD1GY5dOsmiXchdpKSay0h4VBfYOzgYNkNH"
    "7ok+E4q3yvJnIZdZSqBFZSoEhs2ZL7inMqcvD0hTydIo8bnL3pB7hz0wf0Bsds9cjBRUZe2Z"
    "4+VFfG1bnWHuDpS5011QO2v11LEvKIh21I63ygi2WFvsUX/CvRPSnz/YrjPCY/XwyLWxmklw"
    "QsOjHohwJp46AjbI5xgE+GAsaWYq2r665hUmnCF12jcq30VFaeeWlu0I/PK8RYIDjtQr0JFi"
    "YimcRyBXF9DLK83aW2+vri4S9tbb87RB9ennt2cAvUIeCjkysUAYJ0O1zn6YNGiRk0FDZ07F"
    "EG+542S5UeLA2n8v201Ome9Y016OURHeKTUr6KpMaxzzX4tuv5VBW6a1b3Cm9LanSbdtKKb1"
    "uleV9LpXJXrdq7TqgYNKA+GweAfRPT46qsR+HZWQX0eZaAbuSZaXHw5P6i1QMFYiaeXCsST5"
    "r9oqcIBol4C7s4Pp98qP/fn/ssDGcw=="
)
