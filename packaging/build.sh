#!/usr/bin/env bash
# Build the one-folder app into dist/Sala with PyInstaller (translations compiled first).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m sala.ui.i18n_build --force
"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/sala.spec
echo "built dist/Sala"
