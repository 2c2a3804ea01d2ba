#!/usr/bin/env bash
# Installs the system libraries Sala needs on Debian/Ubuntu when they are missing.
# Qt needs EGL/GL/xkbcommon/fontconfig even offscreen, and its xcb platform plugin (a real display,
# `make run`) needs the xcb libraries below (check: ldd PySide6/Qt/plugins/platforms/libqxcb.so);
# reports are checked with poppler; the sync tests start a real PostgreSQL from its binaries; the
# field-day tests run the real window under Xvfb with a window manager (openbox) and xdotool;
# openbox draws window titles with fontconfig's fonts, so Thai titles need a Thai system font (fonts-thai-tlwg);
# `make dist` runs PyInstaller, which reads libraries with objdump (binutils), and cuts ICU's locale data with
# icupkg (icu-devtools) and cc (gcc); `make deb` uses dpkg-deb (in dpkg); audience mode's browser test plays
# phones in headless Chromium through Selenium (chromium, chromium-driver); the contacts' key is tested in a real
# Secret Service (gnome-keyring under dbus-run-session).
set -euo pipefail
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
      libxcb-util1 libxcb-xfixes0 libxcb-xkb1
      poppler-utils postgresql xvfb xauth openbox xdotool x11-utils fonts-thai-tlwg
      binutils icu-devtools gcc
      chromium chromium-driver dbus gnome-keyring)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Sala needs these system packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}" >&2
fi
