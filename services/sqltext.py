"""A user's SQL: split into statements, a sink's query made its INSERT, and Flink's line/column mapped back.

A sink's ``runSql`` is, as in the original service, the query whose rows go into that sink (``SELECT ...``,
``WITH ... SELECT ...``, ``VALUES ...``), which becomes ``INSERT INTO <sink> ...``; a whole ``INSERT INTO`` that
sink is taken as it is. Anything else (another table, several statements, SET, DDL) is refused with its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUERY_STARTS = frozenset({"SELECT", "WITH", "VALUES", "("})
_CATALOG, _DATABASE = "default_catalog", "default_database"
_POSITION = re.compile(r"line (\d+), column (\d+)")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*|`(?:[^`]|``)*`|\S")


@dataclass(frozen=True)
class Piece:
    """One statement of a SQL text and the line/column (1-based) where it starts in that text.

    ``added_lines`` counts the lines hlink put in front of the user's text (the ``INSERT INTO`` of a query).
    """

    sql: str
    line: int
    column: int
    added_lines: int = 0


class SqlRefused(ValueError):
    """A sink's SQL that cannot be its statement, with the place (line, column) in the user's text."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


def split_statements(text: str) -> list[Piece]:
    """Split on semicolons outside quotes, backticks and comments; empty statements are dropped."""
    pieces: list[Piece] = []
    start = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"`":
            end = text.find(ch, i + 1)
            while end != -1 and end + 1 < n and text[end + 1] == ch:  # doubled quote escapes itself
                end = text.find(ch, end + 2)
            i = n if end == -1 else end + 1
            continue
        if text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end == -1 else end + 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end == -1 else end + 2
            continue
        if ch == ";":
            _add(pieces, text, start, i)
            start = i + 1
        i += 1
    _add(pieces, text, start, n)
    return pieces


def _add(pieces: list[Piece], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if not _tokens(body):  # only comments (-- or /* */)
        return
    offset = start + lead
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    pieces.append(Piece(body, line, column))


def place(piece: Piece, line: int, column: int) -> tuple[int, int]:
    """A line/column Flink reported inside ``piece``, as a line/column of the whole text.

    A place inside the lines hlink added (the sink of a query's INSERT) is the start of the user's statement.
    """
    line -= piece.added_lines
    if line < 1:
        return piece.line, piece.column
    if line == 1:
        return piece.line, piece.column + column - 1
    return piece.line + line - 1, column


def placed(piece: Piece, message: str) -> str:
    """Flink's message with every "line L, column C" in it as a place in the user's whole text."""

    def moved(found: re.Match[str]) -> str:
        line, column = place(piece, int(found.group(1)), int(found.group(2)))
        return f"line {line}, column {column}"

    return _POSITION.sub(moved, message)


def quote(name: str) -> str:
    """A Flink SQL identifier in backticks (a backtick inside doubled): reserved words and odd names stay names."""
    return "`" + name.replace("`", "``") + "`"


def _tokens(sql: str) -> list[tuple[str, int]]:
    """(token, offset) of the words, quoted names and symbols of ``sql``; comments and strings skipped."""
    tokens: list[tuple[str, int]] = []
    i, n = 0, len(sql)
    while i < n:
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end == -1 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end == -1 else end + 2
        elif sql[i] in "'\"":
            end = sql.find(sql[i], i + 1)
            while end != -1 and end + 1 < n and sql[end + 1] == sql[i]:
                end = sql.find(sql[i], end + 2)
            tokens.append(("'", i))
            i = n if end == -1 else end + 1
        elif sql[i].isspace():
            i += 1
        else:
            found = _TOKEN.match(sql, i)
            assert found is not None  # \S matches any character that is not a space
            tokens.append((found.group(), i))
            i = found.end()
    return tokens


def _where(piece: Piece, offset: int) -> tuple[int, int]:
    """The line/column in the whole text of an offset inside ``piece``."""
    before = piece.sql[:offset]
    lines = before.count("\n")
    if lines == 0:
        return piece.line, piece.column + offset
    return piece.line + lines, offset - before.rfind("\n")


def _name(token: str) -> str:
    return token[1:-1].replace("``", "`") if token.startswith("`") else token


def sink_statement(text: str, sink: str) -> Piece:
    """The one statement that fills ``sink``: its query made ``INSERT INTO <sink> ...``, or its own INSERT.

    Raises :class:`SqlRefused` for empty SQL, several statements, an INSERT into another table, or anything
    that is not a query (SET, DDL, ...).
    """
    pieces = split_statements(text)
    if not pieces:
        raise SqlRefused("is empty: give the query whose rows go into this sink (SELECT ...)", 1, 1)
    if len(pieces) > 1:
        raise SqlRefused(
            f"holds {len(pieces)} statements; a sink takes one query (SELECT ...) or one INSERT INTO {sink}",
            pieces[1].line,
            pieces[1].column,
        )
    piece = pieces[0]
    tokens = _tokens(piece.sql)
    first, at = tokens[0] if tokens else ("", 0)
    keyword = first.upper()
    if keyword in _QUERY_STARTS:
        return Piece(f"INSERT INTO {quote(sink)}\n{piece.sql}", piece.line, piece.column, added_lines=1)
    if keyword == "INSERT":
        words = [t.upper() for t, _ in tokens[1:3]]
        if words[:1] in (["INTO"], ["OVERWRITE"]):
            _, target_at = tokens[2] if len(tokens) > 2 else ("", at)
            parts = [_name(tokens[2][0])] if len(tokens) > 2 else []
            rest = tokens[3:]
            while len(rest) >= 2 and rest[0][0] == ".":  # a qualified name: catalog.database.table
                parts.append(_name(rest[1][0]))
                rest = rest[2:]
            # Flink's names are case-sensitive; the sink's table lives in the default catalog and database
            if parts in ([sink], [_DATABASE, sink], [_CATALOG, _DATABASE, sink]):
                return piece
            raise SqlRefused(
                f"inserts into {'.'.join(parts) or 'nothing'}, not into this sink ({sink}); "
                "each sink's runSql fills that sink only",
                *_where(piece, target_at),
            )
    raise SqlRefused(
        f"starts with {first or 'nothing'}: a sink's runSql is the query whose rows go into it "
        f"(SELECT ... or WITH ... SELECT ...), or INSERT INTO {sink} ...",
        *_where(piece, at),
    )


def table_ddl(text: str) -> None:
    """Check a datasource's own DDL (``ddlEnable`` 1): one ``CREATE [TEMPORARY] TABLE`` statement, nothing else.

    It becomes a statement of every job's script that maps the datasource, so anything else (an INSERT, a SET)
    would change those jobs behind their SQL. Raises :class:`SqlRefused` with the place.
    """
    pieces = split_statements(text)
    if not pieces:
        raise SqlRefused("is empty: give the CREATE TABLE statement of this datasource", 1, 1)
    if len(pieces) > 1:
        raise SqlRefused(f"holds {len(pieces)} statements; give one CREATE TABLE", pieces[1].line, pieces[1].column)
    words = [(token.upper(), at) for token, at in _tokens(pieces[0].sql)[:3]]
    kinds = [w for w, _ in words]
    if kinds[:2] != ["CREATE", "TABLE"] and kinds[:3] != ["CREATE", "TEMPORARY", "TABLE"]:
        raise SqlRefused(f"starts with {' '.join(kinds[:2])}: give one CREATE TABLE", *_where(pieces[0], words[0][1]))


def preview_query(text: str) -> Piece:
    """An ad-hoc query to preview: exactly one ``SELECT ...`` or ``WITH ... SELECT ...``; anything else (DML,
    DDL, SET, several statements) raises :class:`SqlRefused` with its place."""
    pieces = split_statements(text)
    if not pieces:
        raise SqlRefused("is empty: give the query to preview (SELECT ...)", 1, 1)
    if len(pieces) > 1:
        raise SqlRefused(
            f"holds {len(pieces)} statements; a preview runs one query (SELECT ...)", pieces[1].line, pieces[1].column
        )
    piece = pieces[0]
    tokens = _tokens(piece.sql)
    first, at = tokens[0] if tokens else ("", 0)
    if first.upper() not in ("SELECT", "WITH"):
        raise SqlRefused(
            f"starts with {first or 'nothing'}: a preview runs a query (SELECT ... or WITH ... SELECT ...) and "
            "writes nothing",
            *_where(piece, at),
        )
    return piece


def sink_query(text: str, sink: str) -> Piece:
    """The query of a sink's ``runSql`` (what its rows would be), placed in the user's text: the query itself, or
    the query of its ``INSERT INTO <sink> [PARTITION (...)] [(columns)] ...``. Raises :class:`SqlRefused` as
    :func:`sink_statement` does."""
    piece = sink_statement(text, sink)
    if piece.added_lines:  # a query made an INSERT: the user's own text is the query
        return split_statements(text)[0]
    tokens = _tokens(piece.sql)
    i = 2  # past INSERT INTO (or OVERWRITE): the sink's name, maybe qualified
    i += 1
    while i + 1 < len(tokens) and tokens[i][0] == ".":
        i += 2
    if i < len(tokens) and tokens[i][0].upper() == "PARTITION":
        i = _past_parenthesis(tokens, i + 1)
    if i + 1 < len(tokens) and tokens[i][0] == "(" and tokens[i + 1][0].upper() not in _QUERY_STARTS:
        i = _past_parenthesis(tokens, i)  # a column list, not a query in parentheses
    if i >= len(tokens):
        raise SqlRefused(f"INSERT INTO {sink} holds no query", piece.line, piece.column)
    at = tokens[i][1]
    return Piece(piece.sql[at:], *_where(piece, at))


def _past_parenthesis(tokens: list[tuple[str, int]], i: int) -> int:
    """The index just past the parenthesis opened at ``i`` (``i`` itself when none opens there)."""
    if i >= len(tokens) or tokens[i][0] != "(":
        return i
    depth = 0
    while i < len(tokens):
        depth += {"(": 1, ")": -1}.get(tokens[i][0], 0)
        i += 1
        if depth == 0:
            break
    return i
