"""Qt translators: Thai is the default UI language, English the other."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from sala.ui import i18n_build

log = logging.getLogger(__name__)
DEFAULT_LANG = "th"
SETTINGS_KEY = "ui/language"
TRANSLATOR_NAME = "sala-translator"
"""Names the translators installed here, so a language switch finds and removes exactly them."""
LANGUAGE_NAMES = (("th", "ไทย"), ("en", "English"))
"""Each language under its own name: found by a user who cannot read the other."""


def current_language(settings: QSettings, override: str | None = None) -> str:
    lang = override or str(settings.value(SETTINGS_KEY, DEFAULT_LANG))
    return lang if lang in i18n_build.LANGS else DEFAULT_LANG


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Sala's and Qt's own translators for ``lang``; returns them (keep references)."""
    try:
        i18n_build.build()  # cheap when up to date; a checkout run without `make` still gets Thai
    except (OSError, Exception) as exc:  # noqa: BLE001 - a missing tool must not stop the app
        log.warning("could not build translations: %s", exc)
    QLocale.setDefault(QLocale(QLocale.Language.Thai if lang == "th" else QLocale.Language.English,
                               QLocale.Country.Thailand))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    ours.setObjectName(TRANSLATOR_NAME)
    if ours.load(str(i18n_build.qm_path(lang))):
        app.installTranslator(ours)
        installed.append(ours)
    elif lang != "en":
        log.warning("no translation file for %s at %s", lang, i18n_build.qm_path(lang))
    qt = QTranslator(app)
    qt.setObjectName(TRANSLATOR_NAME)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def switch_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Replace the translators :func:`install_translators` installed with those of ``lang``.

    Qt sends every widget a LanguageChange event; the shell then rebuilds what it shows (see
    ``MainWindow.set_language``)."""
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    return install_translators(app, lang)
