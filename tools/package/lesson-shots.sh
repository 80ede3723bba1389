#!/usr/bin/env bash
# Screenshots lesson presets in the real app under Xvfb, driven by the keyboard as a teacher
# would: number key (or Page Down presses) to load, Space to play, a wait, a screenshot.
# Usage: tools/package/lesson-shots.sh OUT_DIR INDEX[:SECONDS]... (INDEX = 0-based position in the
#   picker; SECONDS of play before the shot, default $WAIT)
#   env: PRESENT=1 switches presentation mode on (F11) first, PREDICT=1 predict mode (P: curves
#   hidden); WAIT seconds of play (default 8); SCREEN_NO the X display number (default: random)
set -uo pipefail
cd "$(dirname "$0")/../.."
out="$1"; shift
mkdir -p "$out"
display=":${SCREEN_NO:-$(( 500 + RANDOM % 400 ))}"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $appPid 2>/dev/null; wait $appPid 2>/dev/null; kill $xvfb; wait $xvfb 2>/dev/null; rm -rf "$home"' EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
HOME="$home" java -jar target/descent.jar >"$home/app.log" 2>&1 &
appPid=$!
win=""
for _ in $(seq 90); do
  win=$(xdotool search --onlyvisible --name "^Descent$" 2>/dev/null | head -1)
  [[ -n "$win" ]] && break
  sleep 1
done
[[ -n "$win" ]] || { echo "error: no window" >&2; cat "$home/app.log" >&2; exit 1; }
sleep 2
key() { xdotool key --window "$win" "$@"; sleep 0.5; }
[[ "${PRESENT:-0}" == 1 ]] && key F11 && sleep 2
[[ "${PREDICT:-0}" == 1 ]] && key p
for arg in "$@"; do
  index="${arg%%:*}"
  wait_s="${WAIT:-8}"
  [[ "$arg" == *:* ]] && wait_s="${arg#*:}"
  key Home  # focus stays on the window; Home is not bound
  key 1
  for _ in $(seq "$index"); do key Next; done
  sleep 1
  key space
  sleep "$wait_s"
  key space
  sleep 1
  import -window root "$out/preset-$index.png"
  echo "shot $out/preset-$index.png"
done
