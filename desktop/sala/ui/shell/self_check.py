"""The Qt half of ``sala --self-check`` (see :mod:`sala.self_check`): Thai in a window, the Thai
translation, a dashboard chart. The caller sets ``QT_QPA_PLATFORM=offscreen`` before this module is
imported."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage, QRawFont
from PySide6.QtWidgets import QApplication, QLabel

from sala.self_check import SAMPLE_TH, Check
from sala.ui import i18n_build
from sala.ui.shell.fonts import FAMILY, register_fonts
from sala.ui.shell.i18n import install_translators

Guard = Callable[[str, str, Callable[[], Check]], Check]

KNOWN_STRING = ("MainWindow", "&File")
"""A UI string every Thai catalogue has (the File menu); its Thai text must come back."""

_INK_PIXELS_MIN = 200
"""Thai text at 28 pt leaves thousands of dark pixels; a blank or box-only render far fewer."""
_BAR_COLOUR = "#1b6ca8"
_BAR_PIXELS_MIN = 1000
"""Three bars in a 480x360 chart cover tens of thousands of pixels; a chart that drew none, none."""


def qt_checks(guard: Guard) -> list[Check]:
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    return [guard("หน้าต่างภาษาไทย", "Thai window", lambda: check_thai_window(app)),
            guard("คำแปลภาษาไทย", "Thai translation", lambda: check_translation(app)),
            guard("กราฟ", "charts", lambda: check_charts(app))]


def check_thai_window(app: QApplication) -> Check:
    """Show :data:`SAMPLE_TH` in a window in Sarabun; the font must resolve, the image hold ink."""
    name = ("หน้าต่างภาษาไทย", "Thai window")
    family = register_fonts(app)
    label = QLabel(SAMPLE_TH)
    label.setFont(QFont(FAMILY, 28))
    label.setStyleSheet("background: white; color: black; padding: 12px;")
    label.show()
    QCoreApplication.processEvents()
    try:
        resolved = QFontInfo(label.font()).family()
        if family != FAMILY or resolved != FAMILY:
            return Check(*name, "FAIL", f"font resolved to {resolved!r}, not {FAMILY} (registered: {family!r})")
        raw = QRawFont.fromFont(label.font())
        missing = sorted({ch for ch in SAMPLE_TH if not raw.supportsCharacter(ord(ch))})
        if missing:
            return Check(*name, "FAIL", f"{FAMILY} has no glyph for {''.join(missing)!r}")
        image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        ink = _ink_pixels(image)
        if ink < _INK_PIXELS_MIN:
            return Check(*name, "FAIL", f"the rendered window is blank ({ink} dark pixels)")
        platform = QApplication.platformName()
        return Check(*name, "ok", f"{FAMILY} resolved, {image.width()}×{image.height()} px with {ink} "
                                  f"dark pixels ({platform})")
    finally:
        label.close()
        label.deleteLater()


def _ink_pixels(image: QImage) -> int:
    """Pixels clearly darker than the white background, on a grid every second pixel."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() < 128:
                count += 1
    return count


def check_translation(app: QApplication) -> Check:
    """Load the Thai catalogue as the app does; :data:`KNOWN_STRING` must come back in Thai."""
    name = ("คำแปลภาษาไทย", "Thai translation")
    qm = i18n_build.qm_path("th")
    translators = install_translators(app, "th")
    try:
        context, source = KNOWN_STRING
        text = QCoreApplication.translate(context, source)
        if not qm.is_file():
            return Check(*name, "FAIL", f"no Thai catalogue at {qm}")
        if text == source or not any("\u0e00" <= ch <= "\u0e7f" for ch in text):
            return Check(*name, "FAIL", f"{source!r} came back as {text!r} from {qm}")
        return Check(*name, "ok", f"{source!r} → {text!r} ({qm})")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def check_charts(app: QApplication) -> Check:
    """Draw a dashboard bar chart offscreen: its bars must be on the image, and numpy's products
    right (in the Linux bundle numpy runs on packaging/noblas.c's BLAS loops, not OpenBLAS)."""
    import numpy as np

    from sala.ui.dashboard.charts import BarChart

    name = ("กราฟ", "charts")
    a = np.arange(12, dtype=np.float64).reshape(3, 4)
    rows = a.tolist()
    expected = [[sum(x * y for x, y in zip(r, s, strict=True)) for s in rows] for r in rows]
    if (a @ a.T).tolist() != expected or float(np.dot(a[0], a[1])) != expected[0][1]:
        return Check(*name, "FAIL", f"numpy multiplies wrongly: {(a @ a.T).tolist()} != {expected}")
    chart = BarChart("self-check")
    chart.resize(480, 360)
    chart.set_data(["ก", "ข", "ค"], {"n": [3.0, 5.0, 2.0]}, {"n": _BAR_COLOUR}, legend=False)
    chart.show()
    QCoreApplication.processEvents()
    try:
        image = chart.plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        bar = QColor(_BAR_COLOUR).rgb() & 0xFFFFFF
        drawn = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
                    if image.pixel(x, y) & 0xFFFFFF == bar)
        if drawn < _BAR_PIXELS_MIN // 4:
            return Check(*name, "FAIL", f"the chart drew no bars ({drawn} bar pixels on a 2-pixel grid)")
        return Check(*name, "ok", f"3 bars drawn ({drawn * 4} px), numpy {np.__version__} products right")
    finally:
        chart.close()
        chart.deleteLater()
