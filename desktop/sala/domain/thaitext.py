"""Thai text helpers shared by search, line breaking and validation.

Thai is written without spaces between words, so word boundaries come from PyThaiNLP's
dictionary segmenter. Loading its dictionary costs most of a second the first time, so the UI
calls :func:`warm_up` from a background thread at start.
"""

from __future__ import annotations

import re
import threading
import unicodedata

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_warm_lock = threading.Lock()
_warmed = False


def has_thai(text: str) -> bool:
    return bool(_THAI.search(text))


# Characters a user cannot see and that only hide text from search or turn it around on screen.
# The rule, the same for every text field and for search queries: they are stripped, never refused
# (text pasted from a web page or a chat often carries them, and refusing it would lose the typing).
_ZERO_WIDTH = "\u200b\u200c\u2060\ufeff\u00ad\u180e"   # ZWSP, ZWNJ, word joiner, BOM, soft hyphen, MVS
_BIDI = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"  # LRM/RLM/ALM, embeddings and overrides, isolates
# C0 controls but tab, line feed and carriage return; DEL; C1 controls (NUL among them).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_INVISIBLE = re.compile(f"[{_ZERO_WIDTH}{_BIDI}{_CONTROL}]")
# A zero-width joiner is kept only inside an emoji sequence (a family, a flag), where it draws one picture.
_EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
_LONE_ZWJ = re.compile(f"(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])")


def strip_invisible(text: str) -> str:
    """``text`` without zero-width characters, byte-order marks, bidi controls (overrides,
    embeddings, isolates, marks) and control characters other than tab and line breaks; then
    NFC, with sara am typed as nikhahit + sara aa joined (ํา → ำ; NFC does not join them).

    The one place this is decided: stored text (``validation.clean_text``) and search queries
    (:func:`normalize`) go through it alike, so "ฝุ่น\u200bควัน" is stored as "ฝุ่นควัน" and found."""
    text = _LONE_ZWJ.sub("", _INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")


def normalize(text: str) -> str:
    """Invisible characters stripped, NFC, collapsed white space, case-folded Latin: the form
    used for search."""
    return " ".join(strip_invisible(text).split()).casefold()


def _tokenizer():
    """PyThaiNLP's ``word_tokenize``, its dictionary loaded exactly once.

    Loading builds a ~80 MB trie in about 0.7 s. Without the lock, a search typed while the
    start-up warm-up is still loading would build a second one at the same time (two tries
    at once pushed peak memory past 300 MB); with it, the search simply waits for the first.
    """
    global _warmed
    from pythainlp.tokenize import word_tokenize

    if not _warmed:
        with _warm_lock:
            if not _warmed:
                word_tokenize("ปัญหาฝุ่นละอองขนาดเล็กในเมือง", engine="newmm")
                _warmed = True
    return word_tokenize


def segment(text: str) -> list[str]:
    """Split text into words (Thai by dictionary, other scripts by spaces); keeps spaces out."""
    return [w for w in _tokenizer()(text, engine="newmm", keep_whitespace=False) if w.strip()]


def segment_keep(text: str) -> list[str]:
    """Split into words keeping white space tokens, so ``"".join(result) == text``."""
    return _tokenizer()(text, engine="newmm", keep_whitespace=True)


def warm_up() -> None:
    """Load the segmentation dictionary now (about 0.7 s); safe from any thread."""
    _tokenizer()


def search_terms(query: str) -> list[str]:
    """The words a search must find, each as a substring of the text.

    ``"ฝุ่นควัน"`` becomes ``["ฝุ่น", "ควัน"]``; Latin words split on spaces; duplicates dropped.
    """
    terms: list[str] = []
    for chunk in normalize(query).split(" "):
        if not chunk:
            continue
        words = segment(chunk) if has_thai(chunk) else [chunk]
        for w in words:
            w = w.strip()
            if w and w not in terms:
                terms.append(w)
    return terms
