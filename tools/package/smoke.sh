#!/usr/bin/env bash
# Starts the app image under Xvfb, waits for its window, screenshots the screen and exits 0
# only if a Descent window appeared. Needs Xvfb, xdotool or xwininfo, and ImageMagick's import.
# Usage: tools/package/smoke.sh [APP_LAUNCHER] [SCREENSHOT.png]   (env SCREEN_NO: X display number, default random)
#   default launcher: target/jpackage/Descent/bin/Descent; default screenshot: target/jpackage/smoke.png
set -uo pipefail
cd "$(dirname "$0")/../.."
app="${1:-target/jpackage/Descent/bin/Descent}"
shot="${2:-target/jpackage/smoke.png}"
timeout_s="${SMOKE_TIMEOUT:-90}"
[[ -x "$app" ]] || { echo "error: $app is not an executable launcher; run ./mvnw -Papp package" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "error: Xvfb is not installed" >&2; exit 2; }

display=":${SCREEN_NO:-$(( 90 + RANDOM % 400 ))}"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)  # a fresh config folder: no restored session
cleanup() {
  [[ -n "${appPid:-}" ]] && kill "$appPid" 2>/dev/null && wait "$appPid" 2>/dev/null
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null
  rm -rf "$home"
}
trap cleanup EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

HOME="$home" XDG_CONFIG_HOME="$home/.config" "$app" >"$home/app.log" 2>&1 &
appPid=$!

found=""
for _ in $(seq "$timeout_s"); do
  if ! kill -0 "$appPid" 2>/dev/null; then
    echo "error: the app exited before showing a window; its output:" >&2
    cat "$home/app.log" >&2
    exit 1
  fi
  if command -v xdotool >/dev/null; then
    found=$(xdotool search --onlyvisible --name "Descent" 2>/dev/null | head -1)
  else
    found=$(xwininfo -root -tree 2>/dev/null | grep -m1 '"Descent' || true)
  fi
  [[ -n "$found" ]] && break
  sleep 1
done
if [[ -z "$found" ]]; then
  echo "error: no Descent window within ${timeout_s}s; app output:" >&2
  cat "$home/app.log" >&2
  exit 1
fi
sleep 3  # let the first frames render before the screenshot
mkdir -p "$(dirname "$shot")"
import -window root "$shot"
echo "window appeared (${found}); screenshot: $shot"
exit 0
