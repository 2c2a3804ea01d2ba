"""A TrueType font whose shaped glyphs copy out of the PDF as the text they came from.

Why this exists
---------------
reportlab writes a TrueType font as 256-code subsets, each with a ToUnicode CMap that maps a
code back to *one* Unicode character: the character the code was allocated for. After HarfBuzz
shaping that is wrong for Thai in three ways:

* a glyph with no cmap entry (Sarabun's ``uni0E48.small``, ``uni0E31.narrow``, the ligature
  ``uni0E4D0E49`` …) is given a private-use code point (U+E000…) by
  ``TTFont.hbAddPrivate``, so ``pdftotext`` returns U+E000 instead of the tone mark;
* SARA AM is decomposed by the shaper into NIKHAHIT + SARA AA: กำ copies out as ก + ํ + า;
* a ligature (ฤๅ, fi) copies out as the single character its first code was found under.

The fix is to give every glyph *as used* a code whose ToUnicode entry is the exact text of
the cluster it was shaped from. :meth:`ExtractableTTFont.code_for` hands out such codes (one
private code point per distinct ``(glyph, text)`` pair, shared by all documents), and
:meth:`ExtractableTTFont.addObjects` rewrites each subset's CMap with those texts. A glyph that
is the second half of a decomposition gets an empty entry, so text order and content match the
input exactly. As a safety net, private codes that reportlab allocated itself (if someone draws
shaped text without going through :mod:`sala.reports.thai_shape`) are mapped through the glyph's
name (``uni0E48.small`` → U+0E48) instead of to U+E000.

The subclass relies only on ``TTFont.addObjects`` naming each CMap stream
``"toUnicodeCMap:" + baseFontName`` (true for reportlab 3.x–5.x); if that ever changes the
original CMap is left in place and the extraction tests fail loudly.
"""

from __future__ import annotations

import re
import threading

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

_PRIVATE_FIRST = 0xE000
_PRIVATE_LAST = 0xF8FF
_PRIVATE_RE = re.compile(f"[{chr(_PRIVATE_FIRST)}-{chr(_PRIVATE_LAST)}]")
_UNI_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:[._].*)?$")


class ExtractableTTFont(TTFont):
    """``TTFont`` with context-aware ToUnicode entries for shaped glyphs (see module doc)."""

    def __init__(self, name: str, filename: str, **kwds: object) -> None:
        super().__init__(name, filename, **kwds)
        self._lock = threading.Lock()
        self._code_by_use: dict[tuple[int, str], int] = {}
        self._text_by_code: dict[int, str] = {}
        self._original_codes = frozenset(self.face.charToGlyph)
        self._next_private = _PRIVATE_FIRST

    def glyph_of(self, char: str) -> int:
        """The glyph id a (possibly private) character code stands for in this font."""
        return self.face.charToGlyph.get(ord(char), 0)

    def code_for(self, glyph: int, text: str, width: float) -> str:
        """A one-character code that draws ``glyph`` and copies out as ``text`` ("" allowed).

        ``width`` is the glyph's advance in 1/1000 em (reportlab's ``charWidths`` unit); it is
        what reportlab writes into the subset's /Widths array for the code.
        """
        key = (glyph, text)
        code = self._code_by_use.get(key)
        if code is None:
            with self._lock:
                code = self._code_by_use.get(key)
                if code is None:
                    code = self._allocate(glyph, text, width)
        return chr(code)

    def _allocate(self, glyph: int, text: str, width: float) -> int:
        face = self.face
        code = self._next_private
        while code in face.charToGlyph:
            code += 1
        if code > _PRIVATE_LAST:
            raise RuntimeError(f"{self.fontName}: out of private-use codes for shaped glyphs")
        self._next_private = code + 1
        # Not added to face.glyphToChar on purpose: reportlab's shaper picks glyphToChar[g][0]
        # as "the" character of a glyph, and must never pick a context-specific code.
        face.charToGlyph[code] = glyph
        face.charWidths[code] = width
        self._text_by_code[code] = text
        self._code_by_use[(glyph, text)] = code
        return code

    def text_of_string(self, codes: str) -> str:
        """:meth:`text_of` for a whole string of codes. Every line of every report comes
        through here, so the common case is one ``str.translate`` (in C); only a private-use
        code we did not hand out ourselves takes the per-code path."""
        out = codes.translate(self._text_by_code)
        if _PRIVATE_RE.search(out):
            return "".join(self.text_of(ord(c)) for c in codes)
        return out

    def text_of(self, code: int) -> str:
        """What a character code should copy out as (the code itself for ordinary characters)."""
        text = self._text_by_code.get(code)
        if text is not None:
            return text
        if _PRIVATE_FIRST <= code <= _PRIVATE_LAST and code not in self._original_codes:
            glyph = self.face.charToGlyph.get(code)
            if glyph is not None:
                match = _UNI_NAME.match(self.hbFont().glyph_to_string(glyph))
                if match:
                    hexes = match.group(1)
                    return "".join(chr(int(hexes[i:i + 4], 16)) for i in range(0, len(hexes), 4))
        return chr(code)

    def addObjects(self, doc: object) -> None:  # reportlab's name
        """Let reportlab write the subsets, then replace each ToUnicode CMap with ours."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)  # type: ignore[attr-defined]
            if stream is not None:
                stream.content = self._cmap(base, subset)

    def _cmap(self, base: str, subset: list[int]) -> str:
        entries = [f"<{i:02X}> <{self.text_of(code).encode('utf-16-be').hex().upper()}>"
                   for i, code in enumerate(subset)]
        lines = [
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            f"/CIDSystemInfo << /Registry ({base}) /Ordering ({base}) /Supplement 0 >> def",
            f"/CMapName /{base} def", "/CMapType 2 def",
            "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        ]
        for i in range(0, len(entries), 100):  # the PDF spec allows at most 100 per block
            block = entries[i:i + 100]
            lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines)
