"""Job versions (issue 20): t_job_version, one immutable row per saved change of what a job runs (its script
with secrets masked, the statements and the compiled plan sealed), and t_job_run.version, the version a run
started. The same SQL shape on SQLite and PostgreSQL, picked by the connection.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    postgres = db.capabilities.dialect == "postgres"
    return _TABLE.format(
        id="BIGSERIAL NOT NULL PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
        time="TIMESTAMPTZ" if postgres else "TIMESTAMP",
        json="JSONB" if postgres else "JSON",
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DROP TABLE IF EXISTS "t_job_version";
ALTER TABLE "t_job_run" DROP COLUMN "version";"""


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
ALTER TABLE "t_job_run" ADD COLUMN "version" INT;"""


MODELS_STATE = (
    "eJztXW1z2za2/isYfakzl8naTpxm0zt3xnGc1q1j58ZOu7NNhwORkMSYIrQEacfbzX/fA5CU"
    "+AJShERSFIsPbWQSh5Seg5dznnNw8OdoTm3ismenLvGDsxn2POKOXqM/Rx6eE/ggvW+gEV4s"
    "Vnf5hQCPXSEQmJi3Na1U4zELfGwFcHuCXUbgkk2Y5TuLwKEeFzpFPrGIc0/81wijKfGI71jo"
    "55vrK/RAxjNK7wxEfbj11vGmt9iFP38jZ3TOL9642LpDPh3T4Bl/m00teB20a/rBoef8KyRm"
    "QKckmBEfHv/7H3DZ8WzylbDkz8WdOXGIa2dQdGz+AHHdDB4X4tobZ3rhBe9EW/61x6ZF3XDu"
    "rdovHoMZ9ZYCjhfwq+JH4IDwNwR+yNH0QteN8U8Ajr7sqkn0LVMyNpng0OU64dLRF1hdG5nm"
    "1fWteXN+a5qjgr4SiRTS8SWLelzX8FWZAGDKv8LTvx8fP3/+/fHh85evTl58//3Jq8NX0FZ8"
    "3+Kt779FX2aFVvQogdnFjxdXt/wLUehQUYfjF74JGRzgSEooY4W+5RPAyxw/FpUAXdqXqyAj"
    "lNME/MS8JhLcU6qIgV5qImmyUsVqNHShizn+arrEmwYz+PPliwqYfz39ePbT6ceDly+eZLG+"
    "iu8ci1sc9QLKgQN/FnB+C7f4nUqsE9Ec2nYs+yz5UAP7wjDYNfjwC+1rz32M+0UF+LcX789v"
    "bk/ff+CvmzP2L1cAeHp7zu8ci6uPuasHL3OKWj4E/XZx+xPif6J/Xl+dC3gpC6a+eOOq3e0/"
    "R/w74TCgpkcfTGyn5orkaoJaRu+wBjiTR8XRlRHSo2v96IoB22R05UT16OrL6EowSg2v+Nuv"
    "9C7+VRhYSfuNxlTv9JoZVEfHr2qMKmhVOqzEvey4uoOfpoJv0n6I+L6sA29+LKTQfZkHN/Td"
    "IrY3BBwE+5Z8LbF9Y6E+AzwC+3/pWHzH0KePlwZi4nchHMAdFqAD4TjwWwxZ2PcfEQg5Pgro"
    "HfGeFByVRp6YU2/VNHj+j9vMDJio8eD96T+eZGbBy+urH5PmKbWfXV6/yambeFwNMleHUpdg"
    "T67vlFRO52MQa0vpiRfUwqiq8l+ury8zsL+5yOP66f2bcxhmQgfQyAlSTg73Lyd3KR+HXxiD"
    "l/qAfdvM3FlpxQ9dwiQ6icXe/fKRuFj8xqIG0t7/R3hOf4agqjZWV5NVlmNHj2kZmsVb8+N5"
    "/gr28FT8JP5u/qY0YBee5dhEvFDOpywbGHUIFSfdei2jcu0RlEggOkEU/uY9AT6Iz1/o+DWi"
    "C9ClbSCPBg78MvgEEw1179PXEJ4CauiAYGsGkhZ5UmRZ2n6ZZl4086J9Q828/IV8Q8289GV0"
    "aeZleKOrDvMCRoupaj2sZNZbEJtpd6g2hGZkOmFkbBJgR0LKlNMxK4khLBZdUyKR02PiQHXp"
    "yAgOcOHY34WiaIclfuwGas6JNqDoPRpw+6bnhKVQisekZLpboeC1HhmpqXT5VUGVIG0sCZuk"
    "j6KDGX2Al/mcd44pG0swhwzN8D1BUxoUie3GntrxSmm5GAacbYZeIFsw17jVeeG9GdgjDJpZ"
    "uKACZBOXRyNAjwhnFINm1LUZcgIkfh9XnIcOMDSZEVAjviPiJgVhhCcB8Yu9orW3DHj6wUFA"
    "5otAwuWX+iNpkbY8kmKvO2zXHzk+evH9i1fPX75YuiHLK1XeR9HTcDELTOL71FcxiLNS2ihW"
    "N4p5aEDZtU4JddeTB+FcF6KGWU0U1fCO+sSZer+QR6GKC/je2LNkFNaA44Nw2ccPy4hSuv8B"
    "APCzSRSZPTu9OTt9ez76Vh6LbT3SKKAvizImelkfYUx6w/ro4m98LcY8rvcdQ9A7gsRygzUZ"
    "ozj1m0s7Lrf1XFgJRZ516N3B6uahCXx2qTflCzk0BhlhDRXMhBbfo2OKPZ6yDB1T1DHF/q4Z"
    "exr10DHFvowuHVMc3ujS2dy7z+YGjCJbUGKgVeWgZuR0Fmp1FmoOcG50q8OdSGmw64MdezWm"
    "YDsVWMCCXG+pwBEjgKzNIp8PzfEj4osB+nT1y9X1b1doTMCjI5z2FR4rQweHoBJyL6OYt3tU"
    "y9SjTpXvcNzEPIEy5ZiV06xjU6xjqjRAE8RjqizBnmmjLveY7Yiq9GOKuIpz9JvYDpLevDAQ"
    "2NvdEhLaTnDuBf7jSMbUru4aa6ha3rIeS8u3ZczDQGjTQK4zIdYjjFEEQjy+Sn3EYLQ9dbzX"
    "6GFGDfgf8fj/MSdRPfjgWDMEKnaCRwNhz0Y8Ug8LJgG12fJdIO2+TnO2PZ7wjQrOVj0xqsvE"
    "t071sZ/kRh3qEMa5LJJezm4sBdqiNzpVbMuUYTSLKsIrX8Y1vhJ8o4UnwkgB5JzY8Mjv58c1"
    "kH5+XIo0vyVFWrYir8VZuiwPAOXm+zMNA4uqsc0pkT4TziNetA1cD75f+MCnYGEGlCI2x677"
    "xIhzAXiiICJfF8SCb4tEthbcE//CLSReVKSMmnxwTzZ28FJ3ihs7bMcK0H/AgGd1nLuO0lJ5"
    "crBA+TuG5oQxcLKMiK4DVwE53iIM0D12Q4IOxB9MMH48hRQxYvkkYPKaGw08sz6nxZWRMeYK"
    "2XT5xLmclcYf8EatEESbPu2ZG7JA+GEFhza5ZVR7s1aq2Tp/tnxq1X7hnvqFOpenC1NA5/L8"
    "NR1yncvTxejSuTzDG106l2f3uTygCVCWJFRVwXitRAaI8slRHSoGWpWiLO5lUZbzXaXmbwnP"
    "1WIw/KhdA7ixjA6fzLF/V4SyfCPZSmIIy2zXm8jAmTQnLp4qdN60iO7AGxeU/IL9LRMIfsb7"
    "28GLWQO5okHbYkPHA8KmVfYpGdhF8im6Y1RzTzZL5gajbjZF1P4H5BHG6d/oT4YWFH4yr9Mb"
    "FeRdYJ8XwgxmPg2nM3Tv+EGIXXPh2Ojg8+jw8yhuigK6KKmm2daLJEzZ74KeYTT0o0yr5CmO"
    "PfpDs2iaRduXOUizaNrP1yzavo4uzaINb3TVYdFS1obC8MpKDZDraT7rJmUcboL0omuoR4ej"
    "PUXaJfeyzQ2lxvCyveYk8qSa5tiX/fT4pE7OELQq7aniXhbfiet4d8o5j1mp4Vk3R4fHdewb"
    "3qw8oCFuZtEeY+ZYymhnpYaHdvO25BfqeOYdkRjsFYW7VyK93R27s2kYFigvKLHNSyHNCmlQ"
    "C7tS6Xwe75+rGzFKiQxhHug6ZARey5HKzJu0HwLWHYSSAa5jRXiPNbwq8D5XhPe5hlcF3heK"
    "8L7Q8KrAe6II74mGtza8jPoSS6LUNkuaa6ssb5WtYqHK5UIKorpiiFKIs6JiSDZCnVWJctGQ"
    "t5mH7Zk66pYMKXTGPhUtTmlAkr2R1U91BodooTcO6ZQHnfKgUx50UDbTTqc89Ht06ZSH4Y2u"
    "OikPNjNV45opkQGGNlvZPgSQqUbaUiJDRLnxmhPCElfuy1mpIQLdRneOUJMGNddBLQ9rboj0"
    "bn2PrnBWnTmyUsMzfppPkmLWjMxxCdDlvGVWStOXefoSnh1aQeiXdeFyZAuCGtwCuFHvmziu"
    "BNnyqH1ObAizQ+ebPZlp25KcyhuCXWJXHF6+lNOob4C67ZpRyXmFiSQrpCeRQoCJmffEZ9Ja"
    "nuWgZoQ0qBvvXY43Ukqoe4UtuqvtpXvmp9TawjzHiwU8ZPttzIOMs6ntaF6huvDpgviBQypw"
    "vfbILYX/rUd3Be2HzHP3cj2TY7xRODGFRmVgMYvamk3iXxg/HiqZl9dvFL+dEQTGniv2bXse"
    "4VWu+Umkc3TA92IDLiHP4vyOIf5kMeH/ei3ZB77Fc3RcU8c199jQ1XFNHXnRcc19HV06rjm8"
    "0VUnrinsJFEvu4yoKS9GnpXdqiD5Rhof/e8k9KJzisah4waOx57x9/3fqF3bV6b3xqqE9zuv"
    "9S9i7SnQFEXXsl4GbOI3dpL/ulO1tZn9ul1GK0xRpYe7rW4aa5xNaFjLx9QZrXs5Fxja89Oe"
    "n7ZNtec30NGlPb/hja5aGa1gt6hnW6aF9AmF60eXAEw5czgtNLw5rJ3UYY4Z/HxZFa81SC+l"
    "dF6rAtYlpNEarMvoIo11FdaKO8UzMjrxJJ/N47Dld1TovlmpDmsqXrVFZ+Z6b52+W95zC7nC"
    "AQ5CpYNgVhLDK1jZMLgWY6blYrWDdjJC2qqoNfvycII60lkpDXUtqPVZPOWuZVOJwlvFNZoj"
    "3n8i7uIttUYS2j25Zawh3eMmmnPXnLvm3DXnrlnBTDvNufd7dGnOfXijqxbnTi3V7eApEb0Z"
    "vNZmcCeQ7X2r2AeeCAyQkmzlAAJ4Y6BcBHspMgiU/0LOGj/3U+KoxceBVjlpX+Im2knTTpp2"
    "0rSTps3IGmakdtL6Mrq0kza80VXHSSM861s96JMTG94Ia+uIAeX0qLTMILyJDnw2jlm4CdBh"
    "s0j3iH14fnhYA2doVV4hjd8r4sycf0tgrnI+0lKDydfpxAXJIi9PZ62EvSSZdX9hb7AsnTyD"
    "p6IcXUkCjwZzZLkhC4ivvI8zK7cRrn0zKvpwNkkMa1EXygeTnK2etF96qLstM9sDM3sy4Sug"
    "q0+Xl7s6kuRnOh7JqEm4bKyhJuMmmprU1KSmJjU1qcmTTDtNTfZ7dGlqcnijqw41CWaLMluW"
    "lhkgW9ZKDgnHzAK7URXnREbPYevnMI4X/2pFjMvTSNIyQ8C4izSSPOaKHFlaRNM6eVqHo6PM"
    "k2WFNKh5UCeu490JhJQm4JzYEOaH1g90Eb1wIzsyJ9qAHdkN9qOHGfHQO95XkItZwMs0Txx/"
    "TmzECzQvu0+mqnNNGYXZvd+GZ9GviwYXn7lk7NW6QbmSG96obIE7iRlXxZU6L9bdwnK0JwuL"
    "ReeLMIA3mvDzVAoqFAUHFIlpDN4F9rHrEtdhcwVsc1K61+ZhDRlJUqnrzropkeFNuK3kIemk"
    "rw7BXvh06mPJJFHu+adEhgBy144/zLBg73m+ipuakdFeaiE9Bt+TBYWnmwsMQ0Vh0ihKDqFL"
    "52jZw+M6djFvVk7MiptFj5WYSwSZaTtKK2OZvNZAXQ1YM2LdRd0X/iP+PZZU3KtMaZI/YDAz"
    "TMd5jyk459KQRR1FzOWBi/1VQnM+4wokzmPRUOI31uztKfkBuY877O4w3VmhZ4W+TzxLknFQ"
    "q+cXHzIg5TQ2DOaOB9YK9yvHJHggxDNXGMpOR6wYEWsfNSD8dzc4oA32wsUWa0L+CXptqIBb"
    "2JU8q5V4tjJxu+YxGvi6wKt6Yuueo72Cul6BTwBAn8PIkZmqLMYyUd3lJdubBEo4CMh8IVtz"
    "1wKcFh3QGtvcKe/ExY8VTm0pwEVBDa8krQM7bugT05fmdZSCmxfT0JZDu0HflYlqiIsQc+dd"
    "1bDLyOjAZh5S4vFfaYI/6IxxYM1MCl9p7vwbiy9WH+a1z9HWRKE3C8TgZ1gp2ETAxwVEpGRK"
    "lUtf63EDmlU6duul8KpXGah8jNbOdtqJ5xzim3g6NRczzMgmzlC9h+kJbZ0SbIcFjmcFAkC2"
    "cJ3AjJYJSfZibWVUP1QrReJQmRMXT9VcqaWItpjygN4Tn0lto3KKKyUyPDar+Yx4n9w7coir"
    "6/espHo7DYzG4XxBbDR+RAR6xSNynQmxHgEUUDL2mMPbvUYEWzP04DsBQQ5DGPHcV+yTp9iz"
    "nzISIOohJ0AHDLxFxyLsb1/omP1NsKfs2eJRQJ3Jne/srb0wBsCDdmzheKjvC5LK9rY77W4S"
    "XMFEfJ9K0n9+vrm+WgvxUja/dcWxAvQfxM9w2r/psQJIDgp/cnleYT6F0MhuI+EPyOcVpvBc"
    "uFgya9ZSRSKqNbG1JohtYkmGSvVerrzs3mzmaiTfdt+2YvW6lNgw6wntXSWxLtXQQCGxjzAo"
    "Pl6c3VYVEkvlIuHFAr6QLO0olnz3y0filtG/qyphMCtiRkPf2scyJ2WwZ92Z0Nsepo+hN1R8"
    "Yu94e4x+XbnZQ8SJLvhP2h6p6+Q5QwVqtbNgO6BukucMCaiWa0GmpnN5VcjsfL+mPqRpi4tr"
    "S0SOrj2C7OWTEV+diI3gZ1OEETzIgM+iToBPXYKiVgZijk0Q9eFf7+5ZgTRp6Jm6SGWPjUoD"
    "6SKVukhlb2fxPS2jp4tU9mV06SKVwxtdEoKqeMhp2TkMFYeclp7DUG9k9U672Zz7Oue5HJUf"
    "53JUPM0l9Eyu8QLE5QUUUiJDmLy6LqDAqK9SMChprqN3hZyQpVejTGAXRNtCd6j+RrZupSr8"
    "pUXcNO6bBg/iYyi2DBzE513sF/51owarXpeJGJyd3pydvj0flcwtDaDadHCgj+AWZlTlqEzL"
    "lB4PPci5vDgosY7E8+NmtVg8Fo7nDuM8PqKTiGhDAY0Lf2LPRjP6wNOQCCjVlpN26o/QHF2P"
    "525Dc3Sao+uxn7mfLILm6PoyujRHN7zRVYej63UO2V9gz9jCWRAwCYnyaT4FwT7zpeLnMhGn"
    "jgxgEblmPIadspPFznM/XATRLgGM4noV3ICeCTGHoQkNwXjGU9Bbwe5u7S3dHx/d8zL7uzus"
    "u/mlj+uf+gT8WZ9KShFXnoqeFRyeodFi9VY/2PS4kZSkTlDvj21RNN1F7bINdJyW0xrus4Yn"
    "jofdDU5oyooNb95sfj9qXJ5HJdKbEhkCwl1Hekv3WJfv2yzdYt0nj2jEDWQvnI+Jz21e/hfY"
    "i98xFH99uAIWsB96SKy1YCYfRBR6fL+4s7eJB3ZwPp+Oc+o4Z/9DcevinHU2Ru1i80E/V4vO"
    "9x4k+3/kwcrU7qB1AcvUYrI+aPnbDPPSCGQ55S5jjnzjl4Ew47HGBxq6Nr/yWlRYCAi08/h+"
    "AY9XZEDWDHtTzoqEAZpQHySYKL/guHCRb802CjN/R+/97D3MHGsmKkLYNlwV5zDyhSbmIWGx"
    "4Q2hg6IZvHOObSLKRMA34mPB4Jsh4JtyiYnjs0CsRvmHoAfMPns2ffCelAVkf09msGi5G/2h"
    "I7R9WXUMHaHVEVodQ9IR2oGOLh2hHd7oqhOhjS2NgspLTYeVQHdJ5+1bEI0yAfJtKZVEQMm2"
    "FI2pmLDFl1DhJlcSPZ77R8tD3efEC1B0Cz04wUz4KIyA2RJwb4PdcVLrgTtD2Hvk/tAcPyI+"
    "Jxki11PcgTl4wpJ6dnISrcV37XrbTPLLJIzEDcHg6VX0lYzs3vQXxr1fuPLInU1jqUGuI+y6"
    "r8FP5uW7RFUzfpdjAMrj2/hBgTy2XN1FGnn8rnsFCQJ5AZ/ycnFpma3qxHWV+7LKR0m+Ojrw"
    "6FJhUf2G+RNDDHYacpaCMsKZFD64OVFxkCT7IA6cgeLEAySoOflM0vYLd1zkLrQnSp0mab8X"
    "Heb3PyPUxWniV+Ijm+Hjk5ff/kjiK5PQs0QVHvHXzf9fIgsGPSt0he0etWMlS8+6L9ex/Jz7"
    "PtaOHMHcfPoxDpLFGorUYiBxkPwZV5eB4rPOvxXUuoH8jnUZ5aVtULa6INj39X/FSEdz8CoI"
    "ShKrzmFLHpzz3QfcwLsjj+zJD+KlRWLadmzkUW7wsYfItStM+N28tuOkhygyIJnpy43FlEiv"
    "M2KFmZ5EPpjjWURAn6htTCZ8wT3gK7JYiBfLQElxwd/yWTs2AuX1gtc5BSWlgvs3HaQDWejg"
    "3eXFh6dHfz98wq13PlHKbXM+OEF04RDuxXkescD+QlQ8mU/sML0/UN+GNZtSuQHY0Xt70HfK"
    "in9X953Sst+96kEPs0cxlJPgpiUiqXxOjvUropyJ4WZTUBu/mdRxBiVjSSX+xp66Y+0nfXyD"
    "Stc5UZ1l2h8GvBhg0slbOnlr6MlbbaYlrYrtSrKSMpV41yUl0UzjtWlJp2iZiSbKkQZ08ZST"
    "Tk9XlyM+m04it8UAz4SfFgiXAipWI4CQ27AzuMZzhVzqTfnqFOA7woqVF9p+4WfvsxdtErNm"
    "lLJ4txm8fjqFtuAuCQaen17D4qqsD4n57YhXs2hDmoeWSHIDjEFLAv2ciW8duVtRNpJLuVGG"
    "keVjNjMQRrZPRQnY2Drj6bO5DWv8iJzIBxzzZR4sO8f+Ib5iEztcuI7Fj8vht/kPo1SXn+j7"
    "rGzo5Cad3NTjePJ+pl/o5Ka+jC6d3DS80VUnuYkXI1W1HlYyPd5k1UsbohdlP3o3unaigJ3W"
    "d+idClpeXe7gd6mAnLQfILjNl6COnV/FfpyV6jPQo+fHaEa+ItuZOgG47xZ31z3uPM+WtRwZ"
    "T9kTuXrC6Y9d+YPI5z56dnTyPyJBj2+GKrLxLTy/4zBtgP0pCUzbkURhKrpARmp4VnKLtVOk"
    "xwmXI116iHBjA60B1mX04fzq7cXVj+hAMHQG8mjChD2S4ImBLq7MDx+vf/x4fnOTdP2A0jve"
    "5w10dv3+w+X57flbA707vbg8f1sYZs0/vuOJVleA6Dq+OHE8h8028kpzojq+2B8nVMcX++IE"
    "LYMyyujnJTUToGO8fYnxSnt4A6AOsBhHHtr8sM4ADF8CXX26vNxVFH2FvySKnlHOuih6plco"
    "R9F9EgCEPAQ8I9ZdfDkuu/Ea3ZEFDzSjmcO3bDzyGhsP3FmMyl5MhLwow7Q+et7oi3R4uccL"
    "gqHDyzq83GMKcz8DYDq83JfRpcPLwxtddcLLPa+iPqgxtsDwYAWMk/Z9jv30jPnXccwW6XVN"
    "Au6GBNQpQJr4Gx7xFx83uT2c8fGW+9Wj6yK6GsfKTN8K6uVOii2LHWc2wgwD71aLHd/SOyLd"
    "URTdMKp50GDZqAb/OSbYJz4SMhEFGTJe6+A1ouC3iAJZNz+dPj0+ecn3wghm8kA0ZggEoz08"
    "PvZsOkcRkswQO1qX+5mfyMjQjt6qmdEer5hGBTMK2BBXxR5fCvTZII+qSThBtKvMRwefRy6d"
    "Ot5naPp5ZLlO/AH+Rc+ePSupRqEm37GrKgapOcNMyWHNSjWjwt2OorYZAZ9MnK9KnMBSotcj"
    "ZFVG3oKfAmsX8WFqDygKiOuiZAlY8EMFHU+UnkoK1hXKdGz2mI5dY/J14fiEbVBmISups6D6"
    "w5UWQxE+uYcut0kxjayk1nKftexiFphgx26i57ys1nSfNa1DysMLetUJKXMnVZlRTQlpKrsh"
    "SpVj2gAJ+Cl+zH5poC4FmOp4fSqZ88mejCTUFr9sVBNbYdxkHa1VjqQmhHo83o0KQkinyo10"
    "qpy2a3Sq3B6PLp0qN7zRVSdVDswWU3xWGFxpmcHx4UfHr+rwqMevyolUfq9wboUpzmJQhXkp"
    "1GdifEOkT47qVCSAVqVIi3tFpAVIikAnMgPEufnAAAeMf7UiyOV70tMyQ1iQu96U/gX7yhN1"
    "WmaAHZufZ7O+Z0Or0q4t7hX7tmpOc1pmgDi3ldccsT7mxMXTItql3EVOqrtiZIdtgd3AqYwF"
    "OnJH9BkTvFWRP4u5zEoCLWlTIzFsQXzGT533EU5OO4rqJGHkU5e8RvcOeSC+gWxyT1yeKSja"
    "2nPHk2V8bfs4zdztKXOnuqAO1utpY19QlO2onG9VEOyxtTjC/pR6x+hg8WC7zpifqMVPW5qI"
    "mYRPaLzKO2LO1BPnL0al3KIEH55LWpiKtn9c9wYTnyFV9Ju0H6Kh1LinZTuM/3LZIkEBR+yV"
    "2EgpsRzOY5BrC+jllW79rTfX15cZf+vNRd6h+vT+zTlAL5CHRk6QWSB0kKFeZ99PGrQsyKBg"
    "M+dyiLfccbLcKLFn+t/JdpNT4jvWbCRxKuI7lW4FXrXpTWD+r2Lbb+XQVlntGxwnu+1Bsn0b"
    "inm77qSWXXdSYded5E0PPqgUEI6bDxDdo8PDWuzXYQX5dVjIZqBeQGT14coPuk6J7MN55k1Y"
    "do2dSb1TfuzbfwFw43x9"
)
