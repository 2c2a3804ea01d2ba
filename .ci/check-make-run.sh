#!/usr/bin/env bash
# Proves the README's `make run` on a real X display: Xvfb at 1366x768 with a window manager, Qt's
# xcb platform (not offscreen). Passes when Sala's main window is mapped and lies inside the screen.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DISPLAY_CHECK_INNER:-}" ]; then
  exec env DISPLAY_CHECK_INNER=1 xvfb-run -a -s "-screen 0 1366x768x24" bash "$0"
fi
data=$(mktemp -d)
log="$data/make-run.log"
trap 'kill -- -$app 2>/dev/null || true; kill $wm 2>/dev/null || true; rm -rf "$data"' EXIT
openbox >/dev/null 2>&1 & wm=$!
set -m
XDG_DATA_HOME="$data" XDG_CONFIG_HOME="$data" QT_QPA_PLATFORM=xcb make run >"$log" 2>&1 & app=$!
set +m
win=""
for _ in $(seq 1 180); do
  win=$(xdotool search --onlyvisible --class sala 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  kill -0 $app 2>/dev/null || { echo "make run exited before its window was mapped:"; tail -40 "$log"; exit 1; }
  sleep 1
done
[ -n "$win" ] || { echo "no Sala window was mapped within 180 s:"; tail -40 "$log"; exit 1; }
sleep 2  # let the window manager finish placing and maximizing it
info=$(xwininfo -id "$win")
X=$(awk -F: '/Absolute upper-left X/{gsub(/ /,"",$2);print $2}' <<<"$info")
Y=$(awk -F: '/Absolute upper-left Y/{gsub(/ /,"",$2);print $2}' <<<"$info")
WIDTH=$(awk -F: '/Width/{gsub(/ /,"",$2);print $2}' <<<"$info")
HEIGHT=$(awk -F: '/Height/{gsub(/ /,"",$2);print $2}' <<<"$info")
echo "make run: Sala's window is mapped on xcb at ${X},${Y} size ${WIDTH}x${HEIGHT} (screen 1366x768)"
if [ "$X" -lt 0 ] || [ "$Y" -lt 0 ] || [ $((X + WIDTH)) -gt 1366 ] || [ $((Y + HEIGHT)) -gt 768 ]; then
  echo "the main window does not fit the 1366x768 screen"; exit 1
fi
if grep -q "Traceback" "$log"; then echo "make run logged a traceback:"; cat "$log"; exit 1; fi
