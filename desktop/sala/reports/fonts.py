"""The bundled Sarabun family, registered with reportlab for PDF output. No Qt.

Reports never rely on system fonts (see DESIGN.md, "Thai text, everywhere"): the TTFs ship in
``resources/fonts`` and are found through :func:`sala.paths.font_path`. They are registered as
:class:`~sala.reports.thai_tounicode.ExtractableTTFont` so shaped Thai copies out of the PDF as
the original text, and as one family so ``<b>``/``<i>`` markup picks the right face.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily

from sala.paths import font_path
from sala.reports.thai_tounicode import ExtractableTTFont

FAMILY = "Sarabun"
REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"
SEMIBOLD = "Sarabun-SemiBold"
LIGHT = "Sarabun-Light"

# reportlab font name -> file style suffix (resources/fonts/Sarabun-<style>.ttf)
_FACES = {
    REGULAR: "Regular",
    BOLD: "Bold",
    ITALIC: "Italic",
    BOLD_ITALIC: "BoldItalic",
    SEMIBOLD: "SemiBold",
    LIGHT: "Light",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the Sarabun faces with reportlab (once per process) and return the family name.

    Idempotent and cheap after the first call. Raises ``FileNotFoundError`` if a bundled TTF is
    missing, rather than letting reportlab fall back to a font without Thai glyphs.
    """
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        for name, style in _FACES.items():
            if isinstance(_registered_font(name), ExtractableTTFont):
                continue
            path = font_path(style)
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(ExtractableTTFont(name, str(path)))
        registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        _registered = True
    return FAMILY


def _registered_font(name: str) -> object | None:
    # Asked of the registry, not with getFont(): for a name it does not know, getFont searches every
    # Type 1 font on the system and parses its AFM file (318 files, 1.1 s per process here).
    if name not in pdfmetrics.getRegisteredFontNames():
        return None
    return pdfmetrics.getFont(name)
