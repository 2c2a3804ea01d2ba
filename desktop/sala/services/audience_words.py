"""The words of a phone's text worth a place in the presenter's word cloud (issue 14). No Qt.

Phones type anything, markup included: ``<img src=x onerror=alert(1)>`` must not put "img",
"src" or "onerror" on the projector. So the text is read the way a browser would not run it:
entities decoded, then every piece of markup (script and style blocks, comments, tags, even
unclosed ones, ``name=value`` attributes, ``scheme:...`` addresses, ``name(`` calls, dotted
names) taken out. What is left is split into Thai runs, segmented by PyThaiNLP and kept only
when the word is in PyThaiNLP's dictionary, and Latin runs (letters and digits, ``e-mail``,
``PM2.5``). Stop words (Thai from PyThaiNLP, a few English ones), profanity, numbers, one-letter
tokens and markup's own vocabulary never show.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache

from sala.domain.thaitext import segment, strip_invisible

WORD_MAX = 32
"""Characters in one word of the cloud; longer is keyboard mashing or a pasted token."""

_TAG_NAME = r"[A-Za-z!?/]"
_BLOCKS = re.compile(r"<\s*(script|style|template|noscript|xmp)\b.*?(?:<\s*/\s*\1\s*>|$)", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
# A tag, closed or not: a browser reads everything up to ">" as the tag's name and attributes.
_TAG = re.compile(rf"<\s*{_TAG_NAME}[^<>\n]*>?")
# Attributes and script outside a tag: onerror=alert(1), href="…", javascript:…, alert(…), document.cookie.
# Each starts only where a run of its characters starts (the look-behinds), so a 1,000-letter run is
# tried once, not once per letter: a phone cannot make the presenter's read (holding the GIL) slow.
_VALUE = r"""(?:"[^"]*"?|'[^']*'?|[^\s"'<>\u0E00-\u0E7F]*)"""
_ATTRIBUTE = re.compile(rf"(?<![-A-Za-z0-9_:.])[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*{_VALUE}")
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"'\u0E00-\u0E7F]+")
_NAME = r"(?<![A-Za-z0-9_$.])[A-Za-z_$][A-Za-z0-9_$]*"
_CALL = re.compile(rf"{_NAME}(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*\s*\(")
_DOTTED = re.compile(rf"{_NAME}(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+")
_REPEAT = re.compile(r"([^\W\d_])\1{2,}")  # "มากกกกก", "soooo": one letter held down
_LATIN_CH = "A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF"
# Thai letters, vowels and tone marks, ฯ inside a word (กรุงเทพฯ); not ๆ, ๏, ๚, ๛ or Thai digits.
_THAI_RUN = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E]+")
_LATIN_WORD = re.compile(rf"[{_LATIN_CH}]+(?:(?:['’-]|(?<=\d)\.(?=\d))[{_LATIN_CH}]+)*")
_WORDS = re.compile(rf"{_THAI_RUN.pattern}|{_LATIN_WORD.pattern}")
_THAI_WORD = re.compile(r"^[\u0E01-\u0E2E\u0E40-\u0E44][\u0E01-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E]*$")

# Markup's own words: no one at a consultation means these, and a fragment that slipped past the
# patterns above must still not reach the projector.
_EVENTS = ("abort afterprint animationend animationiteration animationstart auxclick beforeinput beforeprint "
           "beforeunload blur canplay canplaythrough change click close contextmenu copy cut dblclick drag "
           "dragend dragenter dragleave dragover dragstart drop durationchange ended error focus focusin "
           "focusout formdata hashchange input invalid keydown keypress keyup load loadeddata loadedmetadata "
           "loadstart message mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup paste "
           "pause play playing pointerdown pointerenter pointerleave pointermove pointerout pointerover "
           "pointerup popstate progress ratechange reset resize scroll search seeked seeking select show "
           "stalled storage submit suspend timeupdate toggle touchend touchmove touchstart transitionend "
           "unload volumechange waiting wheel").split()
MARKUP_WORDS = frozenset(
    ["on" + ev for ev in _EVENTS]
    + ("script iframe frameset img svg src srcdoc srcset href xlink xmlns formaction innerhtml outerhtml "
       "javascript vbscript eval alert onerror onload html div span cdata doctype nbsp lt gt amp quot "
       "apos").split())
ENGLISH_STOPWORDS = frozenset(
    ("a an and are as at be but by for from has have he her his i if in into is it its me my no not of on "
     "or our she so than that the their them then there these they this those to too us was we were what "
     "when where which who why will with you your").split())


def theme_words(text: str) -> list[str]:
    """The words of ``text`` worth a place in the word cloud, in the order typed."""
    return list(_theme_words(text))


@lru_cache(maxsize=8192)
def _theme_words(text: str) -> tuple[str, ...]:
    """Cached: the presenter view asks every second for the same accepted texts plus a few new
    ones, and segmenting hundreds of them each time would keep a core (and the GIL) busy."""
    out: list[str] = []
    for run in _WORDS.findall(without_markup(text)):
        tokens = segment(run) if _THAI_RUN.fullmatch(run) else [run]
        out.extend(t for t in tokens if _is_word(t))
    return tuple(out)


def without_markup(text: str) -> str:
    """``text`` with entities decoded and every piece of markup or script replaced by a space."""
    text = strip_invisible(text)
    for _ in range(3):  # &amp;lt;script&amp;gt; is markup too, once decoded twice
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = strip_invisible(decoded)
    for pattern in (_BLOCKS, _COMMENT, _TAG, _ATTRIBUTE, _SCHEME, _CALL, _DOTTED):
        text = pattern.sub(" ", text)
    return _REPEAT.sub(r"\1", text)


def _is_word(token: str) -> bool:
    if len(token) < 2 or len(token) > WORD_MAX or token in profanity_words():
        return False
    if _THAI_WORD.match(token):
        return token not in _stopwords() and token in _dictionary()
    if not _LATIN_WORD.fullmatch(token) or not any(ch.isalpha() for ch in token):
        return False
    folded = token.casefold()
    return folded not in ENGLISH_STOPWORDS and folded not in MARKUP_WORDS


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


@cache
def _dictionary() -> frozenset[str]:
    """PyThaiNLP's Thai word list, the one its segmenter uses: a Thai token outside it is a piece of
    keyboard mashing or a word the segmenter had to cut up, not a theme."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@cache
def profanity_words() -> frozenset[str]:
    """PyThaiNLP's Thai profanity list (its corpus file ``profanity_th.txt``)."""
    from pythainlp.corpus import thai_profanity_words

    return frozenset(thai_profanity_words())


def profanity_found(text: str) -> list[str]:
    """The words of ``text`` (as PyThaiNLP segments it) that are on the Thai profanity list."""
    rude = profanity_words()
    return [t for t in segment(text) if t in rude]
