#!/usr/bin/env bash
# Package the one-folder app (dist/Sala, from `make dist`) as a Debian package with dpkg-deb.
#
#   /opt/sala/                      the app (Sala + _internal/), replaced whole on upgrade
#   /usr/bin/sala                   a wrapper that runs /opt/sala/Sala
#   /usr/share/applications/sala.desktop, /usr/share/icons/hicolor/*/apps/sala.{png,svg}
#
# Nothing is installed in, or removed from, a user's home: Sala's data lives in each user's
# ~/.local/share/Sala and outlives an upgrade, a removal and a purge.
#
# Usage: packaging/build-deb.sh [BUNDLE_DIR [OUT_DIR]]   (defaults: dist/Sala, dist)
# Environment: VERSION (default: pyproject.toml's), DEB_COMPRESS (xz, gzip, zstd or none;
# default xz), DEB_LEVEL (compression level; default dpkg-deb's).
set -euo pipefail
cd "$(dirname "$0")/.."
umask 022
BUNDLE=$(realpath "${1:-dist/Sala}")
OUT=${2:-dist}
VERSION=${VERSION:-$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n 1)}
ARCH=$(dpkg --print-architecture)
[ -x "$BUNDLE/Sala" ] || { echo "no app at $BUNDLE/Sala: run make dist first" >&2; exit 1; }

# The bundle carries its libraries except those every system has its own of (libc, GL/EGL, xcb, and
# Wayland's, which a Wayland session has; on X11 Qt uses xcb): those are Depends/Recommends. Sala draws
# its own Thai with the bundled Sarabun; a Thai system font (Recommends) is for the desktop's title bars.
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/sala-deb.XXXXXX")
chmod 755 "$STAGE"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications"
cp -a "$BUNDLE" "$STAGE/opt/sala"
chmod -R u+rwX,go+rX,go-w "$STAGE/opt/sala"
install -m 755 packaging/linux/sala "$STAGE/usr/bin/sala"
install -m 644 packaging/linux/sala.desktop "$STAGE/usr/share/applications/sala.desktop"
for png in resources/icons/sala-*.png; do
  size=$(basename "$png" .png); size=${size#sala-}
  install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/sala.png"
done
install -D -m 644 resources/icons/sala.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/sala.svg"
install -m 755 packaging/linux/postinst packaging/linux/postrm "$STAGE/DEBIAN/"

cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: sala
Version: $VERSION
Architecture: $ARCH
Maintainer: Open Gov Space <sala@opengovspace.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: libc6, libgl1, libegl1, libxcb1
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1, fonts-thai-tlwg
Section: misc
Priority: optional
Homepage: https://opengovspace.invalid/sala
Description: offline field tool for Thai public consultation
 Sala records Open Gov Space minitalks, focus groups and exhibition feedback on
 laptops without a connection, prints Thai summaries on the spot and syncs to the
 central e-participation platform when a link comes back.
 .
 ศาลา: บันทึกเวทีรับฟังความคิดเห็นแบบออฟไลน์ พิมพ์สรุปภาษาไทย และส่งข้อมูลเมื่อมีสัญญาณ
CONTROL

mkdir -p "$OUT"
DEB="$OUT/sala_${VERSION}_${ARCH}.deb"
args=(--root-owner-group -Z"${DEB_COMPRESS:-xz}")
[ -n "${DEB_LEVEL:-}" ] && args+=(-z"$DEB_LEVEL")
dpkg-deb "${args[@]}" --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB"
