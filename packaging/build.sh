#!/usr/bin/env bash
# Build the one-folder app into dist/Sala with PyInstaller (translations compiled first).
# DIST and WORK point the output and PyInstaller's work folder elsewhere (defaults: dist, build).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m sala.ui.i18n_build --force
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "${DIST:-dist}" --workpath "${WORK:-build}" \
  packaging/sala.spec
echo "built ${DIST:-dist}/Sala ($(du -sh "${DIST:-dist}/Sala" | cut -f1)); check it with: ${DIST:-dist}/Sala/Sala --self-check"
