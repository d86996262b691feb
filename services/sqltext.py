"""Splitting a user's SQL into statements, remembering where each starts (to map Flink's line/column back)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """One statement of a SQL text and the line/column (1-based) where it starts in that text."""

    sql: str
    line: int
    column: int


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
    if not body or all(_is_comment(line) for line in body.splitlines()):
        return
    offset = start + lead
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    pieces.append(Piece(body, line, column))


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("--")


def place(piece: Piece, line: int, column: int) -> tuple[int, int]:
    """A line/column Flink reported inside ``piece``, as a line/column of the whole text."""
    if line == 1:
        return piece.line, piece.column + column - 1
    return piece.line + line - 1, column
