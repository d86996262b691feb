"""The original's REST face (issue 22): a live cluster's delFlag is 0, as the original's MyBatis-Plus logical
deletion wrote it (hlink had written 1), and the help document ``schema``, the table of how a JSON Schema's
types become Flink SQL types, which the original's datasource page opens. The same SQL on SQLite and
PostgreSQL.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

TITLE = "JSON Schema to Flink SQL types"
#: what services/catalog/schema_analysis.py does with each JSON Schema type (and Avro's beside it)
CONTENT = """| JSON Schema | Avro | Flink SQL |
|---|---|---|
| string | string, enum | STRING |
| string, format date-time | long, logicalType timestamp-millis / timestamp-micros | TIMESTAMP(3) / TIMESTAMP(6) |
| string, format date | int, logicalType date | DATE |
| string, format time | int, logicalType time-millis | TIME(3) |
| string, contentEncoding base64 | bytes, fixed | BYTES |
| integer | int, long | BIGINT (Avro int: INT) |
| number | float, double | DOUBLE (Avro float: FLOAT) |
| boolean | boolean | BOOLEAN |
| object with properties | record | ROW<...> (nested: child columns) |
| array | array | ARRAY<...> (of objects, nested: child columns) |
| object with additionalProperties | map | MAP<STRING, ...> |
| [T, null] or anyOf with null | [null, T] | T |
|  | bytes, logicalType decimal | DECIMAL(p, s) |

A JSON file with $schema, or an object schema with properties, is read as a JSON Schema; any other JSON as a
sample whose values give the types. Local $refs are followed."""


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def upgrade(db: BaseDBAsyncClient) -> str:
    return f"""UPDATE "t_cluster" SET "del_flag" = 0 WHERE "del_flag" = 1;
INSERT INTO "t_doc" ("create_by", "create_time", "modify_by", "modify_time", "doc_key", "title", "content")
SELECT 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'schema', {_q(TITLE)}, {_q(CONTENT)}
WHERE NOT EXISTS (SELECT 1 FROM "t_doc" WHERE "doc_key" = 'schema');"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """DELETE FROM "t_doc" WHERE "doc_key" = 'schema';
UPDATE "t_cluster" SET "del_flag" = 1 WHERE "del_flag" = 0;"""


MODELS_STATE = (
    "eJztXWtz2ziy/SsofRmnrpKNlTiTm7l1qxzHmXHGsadiZ2drN1ssiIQkxhTBBUA73p3579sA"
    "SYlvEbJIUww+xLFJNEiexqP7dAP4z2hJHeLxZ8ceYeJkgX2feKM36D8jHy8J/FJ6f4xGOAjW"
    "d+UFgaeeEhAWlmUtO1V4ygXDtoDbM+xxApccwm3mBsKlvhQ6RozYxL0l7A3CaE58wlwbfbi6"
    "vEB3ZLqg9GaMKINb71x/fo09+PN3ckKX8uKVh+0bxOiUimfyaQ614XFQbtcVh777r5BYgs6J"
    "WBAG1f/jn3DZ9R3yjfDkz+DGmrnEczIouo6sQF23xH2grr1152e+eK/KyteeWjb1wqW/Lh/c"
    "iwX1VwKuL+RV9RFYEPkEwUKJph96Xox/AnD0susi0VumZBwyw6EndSKloxdYXxtZ1sXltXV1"
    "em1Zo4K+EokU0vElm/pS1/CqXAEwl6/w9H8nkxcvfpw8f/Hq9dHLH388ev38NZRV71u89eOf"
    "0cus0YqqUpid/Xx2cS1fiEKDihqcvPCnksECR1JKGWv0bUYAL2t6X1QCNGlWroKMUE4T8Il5"
    "TSS4p1QRA73SRFJkrYp1b+hCF0v8zfKIPxcL+PPVyxqY/3r86eSX408Hr14+yWJ9Ed+ZqFsS"
    "9QLKwoU/Czi/g1vyTi3WiWgObSeWfZb80gD7Qjd4bPDhC51L37uP20UN+NdnH0+vro8//iYf"
    "t+T8X54C8Pj6VN6ZqKv3uasHr3KKWlWCfj+7/gXJP9HfLy9OFbyUizlTT1yXu/77SL4TDgW1"
    "fHpnYSc1ViRXE9Qyeoc5wJ3da/aujJDpXZt7VwzYNr0rJ2p6V196V4JRqnvFb7/Wu/pfo2Ml"
    "5bfqU73Ta6ZTHU5eN+hVUKqyW6l72X51A5+mg29Sfoj4vmoCb74vpNB9lQc3ZF4R2ysCDoJz"
    "Tb5V2L6xUJ8BHoH9v3IsfuDo86fzMeLquxAWcIcLdKAcB3mLIxszdo9AyGVI0BviPyk4Kjup"
    "MafeumHw9G/XmREwUePBx+O/PcmMgueXFz8nxVNqPzm/fJtTN/GlGspcHUo9gv1yfaekcjqf"
    "glhbSk+8oBZ6VZ3/cnl5noH97Vke188f355CN1M6gEKuSDk50r+c3aR8HHlhCl7qHWaOlbmz"
    "1goLPcJLdBKLvf/1E/Gw+saiBtLe/yeopz9dUFcb66vJLCuxoxNahWbx1nKyzF/BPp6rT5LP"
    "lk9KA3bm265D1APL+ZRVgXETQsVNl97IqFz6BCUSiM4Qhb9lS4Bf1O9f6fQNogHo0hkjnwoX"
    "vgx+g4GGerfpawjPATV0QLC9AEmbPCmyLG0/zDAvhnkxvqFhXr4j39AwL33pXYZ5GV7vasK8"
    "gNFi6VoPa5nNFsR22h2qDWEYmU4YGYcI7JaQMtV0zFpiCJNF15RI5PRYWOhOHRnBAU4c+ztR"
    "FO2wxI/dQs050R0oeo863L7pOWEptOIxKZnuZih4rE9GeipdvSqoEqTHK8ImaaPoYEHv4GFM"
    "8s4xZWMr5pCjBb4laE5FkdjeWa0dz5S2h6HDOVboi7IJc4NbnRfem449wqCZwAMVIId4MhoB"
    "ekQ4oxi0oJ7DkSuQ+j6pOB8dYCiyIKBGfEPUTQrCCM8EYcVW0dpTBjz8YCHIMhAlXH6lP5IW"
    "acsjKba65+36I5PDlz++fP3i1cuVG7K6Uud9FD0ND3NhEcYo0zGIs1LGKNY3imVoQNu1Tgl1"
    "15IH4VwXooZZTRTV8J4y4s79X8m9UsUZvDf27TIKa8DxQbjM8N0qopRufwAAfDaJIrMnx1cn"
    "x+9OR39Wx2JbjzQq6KuijIleNkcYk9awObr4u5yLsYzr/cARtA6RWG4wJ2MUp35LadeTtp4H"
    "M6HKsw79G5jdfDSD3z3qz+VEDoVBRllDBTOhxeeYmGKPh6yxiSmamGJ/54w9jXqYmGJfepeJ"
    "KQ6vd5ls7sfP5gaMIluwxECry0HNyJks1Pos1Bzg0ujWhzuRMmA3Bzv2aizFdmqwgAW53lKB"
    "I04AWYdHPh9a4nskJwP0+eLXi8vfL9CUgEdHJO2rPFaODp6DSshtGcX8sKpaph5NqnyH/Sbm"
    "CbQpx6ycYR13xTqmtgbYBfGY2pZgz7TRlHvMNkRd+jFFXMU5+rtYDpJevDAQ2NtdEhI6rjj1"
    "BbsflTG167vjDVStLNmMpZXLMpahUNocI8+dEfse+igCIRlfpQxx6G1PXf8NulvQMfwgvvyJ"
    "JYnqwy+uvUCgYlfcjxH2HSQj9TBhElCbU74KpN3HGc62xwP+uIaz1U+M6jLxrVN97Ce50YQ6"
    "hH5eFkmvZjdWAm3RG50qtmXKMBpFNeEtn8YNviX4RhNPhJEGyDmx4ZHfLyYNkH4xqURa3ipF"
    "umxG3ohz6bQ8AJR3355pKGyqxzanRPpMOI/kpm3gesj1wgeMgoUpKEV8iT3vyTjOBZCJgoh8"
    "C4gNb4tUthbcU//DLaQeVKSMdllxTxZ2yK3uNBd2OK4t0B9gwPMmzl1HaakyOVih/ANHS8I5"
    "OFnjiK4DVwG5fhAKdIu9kKAD9QdXjJ9MIUWc2IwIXr7nxg7qbM5pSWVkjLlCNl0+cS5npckK"
    "3uptBNGmT3vihVwoP6zg0Ca3xvXerJ0qtsmfrR5ajV+4p36hyeXpwhQwuTzfp0Nucnm66F0m"
    "l2d4vcvk8jx+Lg9oApRVEqqqYbzWIgNE+eiwCRUDpSpRVveyKJfzXZXmbwXP1WIw/LBdA3hn"
    "GR2MLDG7KUJZvZBsLTGEabbrRWTgTFozD881Gm9apLcpUJ02YA0eIbUxDmYPTCD4gPe3gRez"
    "BnKbBj0UGzodEDatsk9Jxy6ST9GdcT335PBkbBg3zaaIyv+EfMIl/Rv9yVFA4ZPlPr3RhrwB"
    "ZnIjTLFgNJwv0K3LRIg9K3AddPBl9PzLKC6KBA0qdtNs60ElTNk/FD3DaciiTKukFtcZ/dOw"
    "aIZF25cxyLBoxs83LNq+9i7Dog2vdzVh0VLWhkb3ykoNkOvZfdZNyjjcBumga6hHz0d7irRH"
    "bssWN1Qaw6vyhlTLk2qGY1+108lRk5whKFXZUtW9LL4zz/VvtHMes1LDs24On0+a2DeyWHVA"
    "Q93Moj3F3LW10c5KDQ/t3duSX6nrWzekxGCv2bh7LWKo4cJq1VviiwrbvBLSrJABtbAqlS6X"
    "8fq5phGjlMgQxoGuQ0bgtRzqjLxJ+SFg3UEoGeCaaMI7MfDqwPtCE94XBl4deF9qwvvSwKsD"
    "75EmvEcG3sbwcspKLIlK2ywpbqyyvFW2joVqbxdSEDU7hmiFOGt2DMlGqLMq0d405F2msj1T"
    "R9MtQwqNsU+bFqc0UJK9kdVPfQaHKmEWDpmUB5PyYFIeTFA2U86kPPS7d5mUh+H1riYpDw63"
    "dOOaKZEBhjZbWT4EkOlG2lIiQ0R553tOKEtcuy1npYYIdBvNOUKtNKi5CerysOaWSD+u79EV"
    "zrojR1ZqeMbP7pOkuL0gS1wBdDVvmZUy9GWevoS6Q1uErKoJVyNbEDTgFsCNWt/M9UqQrY7a"
    "58SGMDp0vtiTW45TklN5RbBHnJrDy1dyBvUtUHc8K9pyXmMgyQqZQaQQYOLWLWG8dC/PalAz"
    "QgbUrdcuxwspS6h7jSW66+Wle+anNFrCvMRBAJU8fBnzIONseiua16gGjAaECZfU4Hrpk2sK"
    "Pzaju4b2t0y9ezmflWO8VTgxhUZtYDGL2oZF4l+5PB4qGZc3LxS/XhAExp6n1m37PpG7XMuT"
    "SJfoQK7FBlxCmcX5A0eyZjXg//WyZB34A+oxcU0T19xjQ9fENU3kxcQ197V3mbjm8HpXk7im"
    "spPUftlVRE31ZuRZ2QdtSL6Vxkf/Nwv96Jyiaeh6wvX5M/m8/x+1a/uW6X1nu4T3O6/1O7H2"
    "NGiKomvZLAM28Rs7yX99VLW1mf36sIxWGKIqD3db3xxvcDahYCMf02S07uVYMDaen/H8jG1q"
    "PL+B9i7j+Q2vdzXKaAW7RT/bMi1kTijc3LsUYNqZw2mh4Y1h7aQOS8zg88t28dqA9ErK5LVq"
    "YF1BGm3AuoouMljXYa25UjwjYxJP8tk8Ll+9o0bzzUp1uKfiRVt0Zq71Nmm71S23kCsssAi1"
    "DoJZSwxvw8odg2tzbtke1jtoJyNkrIpGo68MJ+gjnZUyUDeC2pzFU+1a7ipR+EFxjd0R778Q"
    "L3hH7VEJ7Z7cGm8g3eMihnM3nLvh3A3nbljBTDnDufe7dxnOfXi9qxHnTm3d5eApEbMYvNFi"
    "cFeUrX2rWQeeCAyQkmzlAAJ4otDeBHslMgiUvyNnTZ77WeKoxceB1jlpX+MixkkzTppx0oyT"
    "ZszIBmakcdL60ruMkza83tXESSMy61s/6JMTG14Pa+uIAe30qLTMILyJDnw2iVm4DdDhbpHu"
    "Efvw4vnzBjhDqeod0uS9Is7c/XcJzHXOR1pqMPk6nbggWeTL01lrYa9IZt1f2He4LV15Bk/N"
    "dnQVCTwGzJHthVwQpr2OMyu3Fa59Myr6cDZJDGtRF9oHk5ysa9ovPTRdlpltgZk1mfAK6OLz"
    "+fljHUnygU5HZdQkXB5voCbjIoaaNNSkoSYNNWnIk0w5Q032u3cZanJ4vasJNQlmizZblpYZ"
    "IFvWSg6JxMwGu1EX50TGjGGbxzCJl3y1IsbVaSRpmSFg3EUaSR5zTY4sLWJonTytI9HR5smy"
    "QgbUPKgzz/VvFEJaA3BObAjjQ+sHuqhWuJUdmRPdgR3ZDfajuwXx0XvZVpCHuZDbNM9ctiQO"
    "khs0r5pPZlfnhjIao3u/Dc+iXxd1LjlylbFXmzrlWm54vbIF7iRmXDVn6rxYdxPL4Z5MLDZd"
    "BqGAJ1rweTobKhQFBxSJ2Rm8AWbY84jn8qUGtjkp02rzsIacJKnUTUfdlMjwBtxW8pBM0leH"
    "YAeMzhkuGSSqPf+UyBBA7trxhxEW7D2f6bipGRnjpRbSY/AtCSjUbgUYuorGoFGUHEKTztGy"
    "zydN7GJZrJqYVTeLHiuxVghyy3G1ZsYqeaOBphqwF8S+iZov/CPsFpfsuFeb0lRewWBGmI7z"
    "HlNwLktDFk0UsSwPXOyvEnbnM65BkjwWDUv8xoatPSU/IPfxEZs7DHd26NshY8S3SzIOGrX8"
    "YiUDUs7OusHS9cFakX7llIg7QnxrjWHZ6Yg1PWJjVQPC//E6B5TBfhg8YE7I12Dmhhq4lV0p"
    "s1qJ72gTtxuqMcA3BV7XE9tUj/EKmnoFjACATMIokZnrTMZloqbJlyxvUihhIcgyKJtzNwKc"
    "Fh3QHLu7U96Jh+9rnNpKgIuCBt6StA7seiEjFivN66gENy9moK2Gdou2WyZqIC5CLJ13XcMu"
    "I2MCm3lIiS+/0gJ/0J1iYS8sCq+0dP+N1Ys1h3ljPcaaKLRmhRh8hp2CTQV8PECklEypc+kb"
    "VTegUaVjt74UXv1dBmqrMdp5mHbiMYcwC8/nVrDAnGzjDDWrzAxom5TguFy4vi0UgDzwXGFF"
    "00RJ9mJjZdRXapRS4lBZMw/P9VyplYixmPKA3hLGS22jaoorJTI8Nmv3GfGM3LrlENfv37OW"
    "6u0wMJqGy4A4aHqPCLSKe+S5M2LfAyigZOxzV5Z7gwi2F+iOuYIglyOMZO4rZuQp9p2nnAhE"
    "feQKdMDBW3Rtwv/ylU75XxR7yp8F9wrqTO58Z0/thTEAHrTrKMdDf11QqWxvm9PjDYJrmAhj"
    "tCT958PV5cVGiFey+aUrri3QH0ie4bR/w2MNkBIUWXN1XmE+hXCcXUYiK8jnFabwDDxcMmo2"
    "UkUiajTxYE0Qx8IlGSr1a7nysnuzmGsn+bb7thSr11uJDXM/ob3bSaxLNexgI7FP0Ck+nZ1c"
    "120klspFwkEAL1SWdhRLvv/1E/Gq6N/1LmEwKmJOQ2bv4zYnVbBn3ZnQfzhMn0J/qPjQQH4S"
    "1PxAlC6TeoYK1Dpj/mFAXSX1DAmolvc4TA1T5bsdZsexDfseWo66uHHrw9GlT5CzqhnJURf8"
    "ePhsCv45VDSG39X6d0bBmY9KjRF3HYIog//9m2cFMmBHdZrNF3tsLI2R2XzRbL7Y21F8T7eH"
    "M5sv9qV3mc0Xh9e7SoiX4uGdVecL1BzeWXm+QLOe1TvtZnPJm5xTclh9TMlh8ZSS0LekxgsQ"
    "V28MkBIZwuDV9cYAnDKdjXCS4iYqVch1WHk12sRsQbQtdIfqb2T3Y9SFv3JzMoP7tqR4fLzC"
    "Awnx+ByH/cK/KRu+bnUZJvzk+Ork+N3pqGJs2QGquya9+whuYUTVjja0TOlJSr2cy4vJ9k0k"
    "HouLNWLxeDhdulwmKCE6i4g2JGi8oSX2HbSgdzK9hoBSnXLSTr8Kw9H1eOweG47OcHQ99jP3"
    "k0UwHF1fepfh6IbXu5pwdL3OjfoO1kIFbkDAJCTap9QUBPvMl6rP5SpOHRnAKnLNZQw7ZSer"
    "FdUsDESU/Y5RvA+DNKAXSszlaEZDMJ7xHPRWsLtbe0r3xyL3fPv4xzuEevdTn9Q/ZQT8WUZL"
    "ttitPe07Kzg8Q6PFXUmZ2PYYjZSkSbzuj21RNN3Vnlxb6DgtZzTcZw3PXB97W5w8lBUb3ri5"
    "+3WW8bYzOpHelMgQEO460mtCYyY0th/Rm02hsSZrRB4jX72fA0y36errhRAl4a3MKolNES6a"
    "KbwxznWMVipXqeKCBk/vXLF4ur6M+Q04yeAXK3d6DF6x3KFIHuJG1XpzaGjSo17AtVvCkEf9"
    "uQxpCXxDeDEq1vYDv/hf/MiBtxeU8pgJgMfP51DWdVTUTa2Y53HG/B2akhmMJLIOeDSPyAIf"
    "rZBEdwuoCDEC7ZOrt8Y+v4Pa7jD/4ntgTKEDjGyG+WKMMHIYVen50IJ8YssKnuTIBLksP+Im"
    "pvfwEljAe/0UX3GIEwaea8sl+vK2/DBKTWiw73PX2IQGTWjQBC9MaHCgvcuEBofXu5qEBmWi"
    "uK71sJYxIcFtQ4KPGJLtXe96FAU8auytdypoeXa5ge/SATkpP0Bwd788KHZ+NdtxVqrPQI9e"
    "TNCCfEOOO3cFuO+2dNd96TwvVnm2cEEgyTNETn/syh9EPvfhs8Oj/0FyDufgbxf34muh/o7j"
    "BgKzORG6pz5mpYZnJbd52mbZFob152uWbly4s462A9Zl9Nvpxbuzi5/RgWLoxsinCRN2T8ST"
    "MTq7sH77dPnzp9Orq6TpC0pvZJsfo5PLj7+dn16fvhuj98dn56fvCt1s99V3PNCa6FzX0bmZ"
    "67t8sZVXmhM1GQb9cUKLHI+Jwj6OE7Q+c1sX/bykYQJMJLwvkfDSFr4DUAcY9c5Dm+/WGYDh"
    "JdDF5/Pzx1ohusa/JIqeUc6mKHqmVWhH0RkRAKEMAa8Oylwt/3yDbkggA81o4crE4Xuwc8md"
    "dBZnLpM/lbzKb90cPd/pg0x4uccTwtiEl014uccU5n4GwEx4uS+9y4SXh9e7moSXe77CbVB9"
    "TPeY9wcd5967PtQJ82/imC3S64YEfBwS0KQAGeJveMRfvBXYw+Fsds5Hz1p0U0TX/Vib6Xvc"
    "40L2BO9WVxVd0xtSuqIoujGu50HFqlAD/nNKMCMMKZmIggw5YT/wN4iC34JcwdHVL8dPJ0ev"
    "5FoYxUweqMIcgWC0hodh36FLFCHJZfxfoABzfkeZw5+UkaEdPdUwoz2eMcc1zChgQ0q2xa62"
    "x1cCfTbIR3dqyZiIVpUxdPBl5NG563+Bol9GtufGv8D/6NmzZ8V8ti3kO3ZVVSe1FphrOaxZ"
    "qd2o8HF7UduMACMz95sWJ7CS6HUPkUmYUZjLhk+BuYswGNoFRYJ4HkqmgEBu+OT66qjU5GS8"
    "TEfZvpqOXWPyLXAZ4VscYpqVNFlQ/eFKi6EIRm6hyW1zVG1W0mi5z1r2MBcW2LHb6DkvazTd"
    "Z02bkPLwgl5NQsrSSdVmVFNChsreEaUqMd0BCfiZNzp/umcaaEoBphqe7sZCbZJbn53ZqITa"
    "kpfH9cRWGBfZRGtVI2kIoR7393ENIWRS5UYmVc7YNSZVbo97l0mVG17vapIqB2aL9vkAaZnB"
    "8eGHk9dNeNTJ62oiVd77s4Cy7WGutXw7I9RnYnxLpI8Om+xIAKUqkVb3ikgrkDSBTmQGiPPu"
    "AwMSMPlqRZCr16SnZYYwIXe9KP0rZtoDdVpmgA17ctSkZUOpyqat7hXbtm5Oc1pmgDi3ldcc"
    "sT7WzMPzItqV3EVOypx+XUpHPhJ9xhVvVeTPYi6zlkBLyjRIDAsI4/L0U4YwChidM7yM9knC"
    "iFGPvEG3LrkjbIwccks8mSmoyjpL1y/L+HpodYa521PmTndCHazX08a6oCjbUTvfqiDYY2tx"
    "hNmc+hN0ENw5njt98hPyqU9U/luUNSp3eUfcnftc5vJEW7lFCT4yl7QwFD28uu4NJjlC6ug3"
    "KT9EQ2nnnpbjcvnlZZMEBRyxX2EjpcRyOE9Bri2gV1e69bfeXl6eZ/ytt2d5h+rzx7enAL1C"
    "Hgq5IjNBmCBDs8a+nzRoVZBBw2bO5RA/cMXJaqHEnun/UZabHBPm2otRiVMR36l1K/C6TG8C"
    "89+Lbf8gh7bOar8Fdy3uYE2NjpTIAO2OydFRI7vuqMauO8qbHrJTaSAcFx8guoeNDmE+rDmE"
    "+bB4CDM8UZCy/eE+XF1eVBgYa5G8ceHaAv2hlgrsIdo14Eow6pn0PGmeMw1kBW8fmx/78797"
    "pbH/"
)
