#!/usr/bin/env bash
# Measures the UI frame times of data-set mode: starts Descent under Xvfb at 1920x1080 with
# software rendering and tools/perf/data-race-8.json (eight racers training a 2-64-64-3 ReLU
# net on three spirals), presses Play, waits until the race passes STEPS_BEFORE steps, then
# for SECONDS_MEASURED seconds reads the app's per-frame log (-Ddescent.frameLog: the interval
# between animation frames and the JavaFX thread's CPU time spent drawing each frame) and
# prints the median and 95th percentile of both, the frame rate, the CPU time per frame of
# the JavaFX and render threads, the steps trained per second and the load average; leaves a
# screenshot in OUT_DIR.
#
# usage: tools/perf/fps-data.sh [OUT_DIR]
#   environment: SECONDS_MEASURED (20), JAR (target/descent.jar), PRESET (tools/perf/data-race-8.json),
#                SCREEN_NO (96), STEPS_BEFORE (300), PRESENTATION (1 = F11 before measuring),
#                JAVA_OPTS (more JVM options)
# Needs Xvfb, xdotool, ImageMagick's import; build the jar first (./mvnw -B -q -ntp package -DskipTests).
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=${1:-target/perf-data}
MEASURE=${SECONDS_MEASURED:-20}
JAR=${JAR:-target/descent.jar}
PRESET=${PRESET:-tools/perf/data-race-8.json}
SCREEN_NO=${SCREEN_NO:-96}
STEPS_BEFORE=${STEPS_BEFORE:-300}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
[ -f "$JAR" ] || { echo "error: $JAR not found: build it first" >&2; exit 2; }
[ -f "$PRESET" ] || { echo "error: $PRESET not found" >&2; exit 2; }

LOG="$OUT/frames.log"
SESSION="$OUT/session.json"
rm -f "$LOG"
# the app restores its session from this file: a copy of the preset, so the preset stays untouched
cp "$PRESET" "$SESSION"

XVFB_PID=
APP_PID=
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT

Xvfb ":$SCREEN_NO" -screen 0 1920x1080x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$SCREEN_NO"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

java ${JAVA_OPTS:-} -Dprism.order=sw -Ddescent.session="$SESSION" -Ddescent.frameLog="$LOG" -jar "$JAR" \
    >"$OUT/app.log" 2>&1 &
APP_PID=$!

steps() { tail -n 1 "$LOG" 2>/dev/null | awk '{print $3}'; }

for _ in $(seq 120); do [ -s "$LOG" ] && break; sleep 0.5; done
[ -s "$LOG" ] || { echo "error: no frame log after 60 s (is the session in data-set mode?); see $OUT/app.log" >&2; exit 1; }
WIN=$(xdotool search --name '^Descent$' | head -n 1)
if [ "${PRESENTATION:-0}" = 1 ]; then
    xdotool windowfocus --sync "$WIN" 2>/dev/null || true
    xdotool key --window "$WIN" F11
    sleep 2
fi
for attempt in 1 2 3; do
    xdotool windowfocus --sync "$WIN" 2>/dev/null || true
    xdotool key --window "$WIN" space
    before=$(steps); sleep 3; after=$(steps)
    [ "${after:-0}" -gt "${before:-0}" ] && break
    [ "$attempt" = 3 ] && { echo "error: the race does not start" >&2; exit 1; }
done
for _ in $(seq 600); do [ "$(steps)" -ge "$STEPS_BEFORE" ] && break; sleep 0.5; done

TICKS=$(getconf CLK_TCK)
thread_ticks() {
    local pid=$1 name=$2 total=0
    for task in /proc/"$pid"/task/*; do
        if grep -q "$name" "$task/comm" 2>/dev/null; then
            total=$((total + $(awk '{print $14 + $15}' "$task/stat")))
        fi
    done
    echo "$total"
}
FROM=$(wc -l <"$LOG")
STEPS0=$(steps)
FX0=$(thread_ticks "$APP_PID" "JavaFX Applicat")
RENDER0=$(thread_ticks "$APP_PID" "QuantumRenderer")
ENGINE0=$(thread_ticks "$APP_PID" "descent-engine")
sleep "$MEASURE"
FX1=$(thread_ticks "$APP_PID" "JavaFX Applicat")
RENDER1=$(thread_ticks "$APP_PID" "QuantumRenderer")
ENGINE1=$(thread_ticks "$APP_PID" "descent-engine")
STEPS1=$(steps)
LOAD=$(uptime | sed 's/.*load average: //')
import -window root "$OUT/screen.png"
tail -n +"$((FROM + 1))" "$LOG" | head -n -1 >"$OUT/measured.log"
FRAMES=$(wc -l <"$OUT/measured.log")
quantile() { # column, q
    awk -v c="$1" '{print $c}' "$OUT/measured.log" | sort -n | awk -v q="$2" '{a[NR]=$1} END {i=int(q*(NR-1)+0.5)+1; print a[i]}'
}
echo "$FRAMES frames in ${MEASURE} s ($(awk -v f="$FRAMES" -v s="$MEASURE" 'BEGIN{printf "%.1f", f/s}') fps), steps $STEPS0-$STEPS1 ($(( (STEPS1 - STEPS0) / MEASURE )) steps/s); load average $LOAD"
echo "frame interval ms: median $(quantile 1 0.5), p95 $(quantile 1 0.95), max $(quantile 1 1)"
echo "JavaFX thread drawing ms per frame: median $(quantile 2 0.5), p95 $(quantile 2 0.95)"
awk -v fx=$((FX1 - FX0)) -v render=$((RENDER1 - RENDER0)) -v engine=$((ENGINE1 - ENGINE0)) -v hz="$TICKS" \
    -v frames="$FRAMES" -v s="$MEASURE" 'BEGIN {
    printf "CPU per frame: JavaFX thread %.1f ms, render thread %.1f ms; engine thread %.0f%% of a core\n",
        1000 * fx / hz / frames, 1000 * render / hz / frames, 100 * engine / hz / s }'
