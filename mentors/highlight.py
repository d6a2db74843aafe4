"""Syntax highlighting for the review page, one HTML string per line (so comments can sit
between lines). Tokens come from Pygments; every character is escaped here."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pygments import lex
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_for_filename
from pygments.token import STANDARD_TYPES, _TokenType
from pygments.util import ClassNotFound

MAX_HIGHLIGHT_CHARS = 300_000


def _css_class(ttype: _TokenType) -> str:
    current: _TokenType | None = ttype
    while current is not None and current not in STANDARD_TYPES:
        current = current.parent
    return STANDARD_TYPES[current] if current is not None else ""


def _lexer(path: str, content: str) -> Lexer:
    if len(content) > MAX_HIGHLIGHT_CHARS:
        too_long: Lexer = TextLexer(stripnl=False, ensurenl=False)
        return too_long
    try:
        lexer: Lexer = get_lexer_for_filename(path, stripnl=False, ensurenl=False)
        return lexer
    except ClassNotFound:
        plain: Lexer = TextLexer(stripnl=False, ensurenl=False)
        return plain


def highlight_lines(*, path: str, content: str) -> list[SafeString]:
    lines: list[list[str]] = [[]]
    for ttype, value in lex(content, _lexer(path, content)):
        css = _css_class(ttype)
        for index, piece in enumerate(value.split("\n")):
            if index:
                lines.append([])
            if piece:
                text = escape(piece)
                lines[-1].append(f'<span class="{css}">{text}</span>' if css else str(text))
    if len(lines) > 1 and not lines[-1] and content.endswith("\n"):
        lines.pop()
    return [mark_safe("".join(parts)) for parts in lines]  # noqa: S308 - escaped above
