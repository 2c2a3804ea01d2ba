"""Thai text that wraps only between words on screen.

Thai writes no spaces between words, and Qt without libthai may end a line anywhere inside one
("ขยะพลาส|ติก"). A zero-width space at each PyThaiNLP word boundary (the segmentation the printed
reports use, ``reports/thai_break``) gives Qt the only places it may break. For display only: the
stored text never holds them."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sala.reports.thai_break import ZWSP, word_pieces


@lru_cache(maxsize=1024)
def breakable(text: str) -> str:
    """``text`` with a zero-width space between its Thai words (white space kept as it is)."""
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            out.append(ZWSP.join(word_pieces("".join(chunk))))
            chunk.clear()

    for ch in text:
        if ch.isspace():
            flush()
            out.append(ch)
        else:
            chunk.append(ch)
    flush()
    return "".join(out)


def _tokens(text: str) -> list[str]:
    """Words (PyThaiNLP pieces) and the white space between them, in order."""
    out: list[str] = []
    for part in breakable(text).split(ZWSP):
        word = ""
        for ch in part:
            if ch.isspace() != (word[-1:].isspace() if word else ch.isspace()):
                out.append(word)
                word = ""
            word += ch
        if word:
            out.append(word)
    return [t for t in out if t]


def wrap_lines(text: str, advance: Callable[[str], int], width: int) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (``advance`` measures a string), ending only
    between words: Qt's own Thai breaking (libthai's dictionary) differs from PyThaiNLP's and may
    split a word such as ผู้ซื้อ. A word wider than a whole line is the only thing ever cut."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if token.isspace():
            if line:
                line += " "
            continue
        if not line or advance(line + token) <= width:
            line += token
            if advance(line) <= width:
                continue
            # one word wider than the line: cut it where it must be (never happens at kiosk widths)
            while advance(line) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and advance(line[:cut]) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            continue
        lines.append(line.rstrip())
        line = token
    if line.strip():
        lines.append(line.rstrip())
    return lines
