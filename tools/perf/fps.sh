#!/usr/bin/env bash
# Measures the app's frame rate: starts Descent under Xvfb at 1920x1080 with software
# rendering and the twelve-racers preset, presses Play, waits until the trails pass
# 10,000 steps, then reads the app's own frame-rate log (-Ddescent.fpsLog) for SECONDS
# seconds and prints the median frame rate and the median of each second's 95th-percentile
# frame time, with the load average (before and after) and a screenshot of the screen.
#
# usage: tools/perf/fps.sh [OUT_DIR]
#   environment: SECONDS_MEASURED (20), NICE (nice increment for the app, e.g. -10; default none),
#                JAR (target/descent.jar), PRESET (presets/twelve-racers.json), SCREEN_NO (97),
#                STEPS_BEFORE (10000), JAVA_OPTS (more JVM options, e.g. -Djavafx.pulseLogger=true)
# Needs Xvfb, xdotool, ImageMagick's import; build the jar first (./mvnw -B -q -ntp package -DskipTests).
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=${1:-target/perf}
MEASURE=${SECONDS_MEASURED:-20}
JAR=${JAR:-target/descent.jar}
PRESET=${PRESET:-presets/twelve-racers.json}
SCREEN_NO=${SCREEN_NO:-97}
STEPS_BEFORE=${STEPS_BEFORE:-10000}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
[ -f "$JAR" ] || { echo "error: $JAR not found: build it first" >&2; exit 2; }
[ -f "$PRESET" ] || { echo "error: $PRESET not found" >&2; exit 2; }

LOG="$OUT/fps.log"
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

RUN=(java ${JAVA_OPTS:-} -Dprism.order=sw -Ddescent.session="$SESSION" -Ddescent.fpsLog="$LOG" -jar "$JAR")
if [ -n "${NICE:-}" ]; then RUN=(nice -n "$NICE" "${RUN[@]}"); fi
"${RUN[@]}" >"$OUT/app.log" 2>&1 &
APP_PID=$!

steps() { tail -n 1 "$LOG" 2>/dev/null | awk '{print $3}'; }

# wait for the frame loop, then press Play (Space) in the window until the steps move
for _ in $(seq 120); do [ -s "$LOG" ] && break; sleep 0.5; done
[ -s "$LOG" ] || { echo "error: no frame-rate log after 60 s; see $OUT/app.log" >&2; exit 1; }
WIN=$(xdotool search --name '^Descent$' | head -n 1)
for attempt in 1 2 3; do
    xdotool windowfocus --sync "$WIN" 2>/dev/null || true
    xdotool key --window "$WIN" space
    before=$(steps); sleep 3; after=$(steps)
    [ "${after:-0}" -gt "${before:-0}" ] && break
    [ "$attempt" = 3 ] && { echo "error: the race does not start" >&2; exit 1; }
done

for _ in $(seq 600); do [ "$(steps)" -ge "$STEPS_BEFORE" ] && break; sleep 0.5; done
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
[ "$(steps)" -ge "$STEPS_BEFORE" ] || { echo "error: the race did not reach $STEPS_BEFORE steps" >&2; exit 1; }
# CPU time (clock ticks) of the threads that draw: the JavaFX application thread records the
# canvas commands, the QuantumRenderer thread rasterises and composites. Per frame, this is our
# cost independent of how much CPU other processes leave us.
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
JAVA_PID=$(pgrep -P "$APP_PID" java || echo "$APP_PID")
FROM=$(wc -l <"$LOG")
FX0=$(thread_ticks "$JAVA_PID" "JavaFX Applicat")
RENDER0=$(thread_ticks "$JAVA_PID" "QuantumRenderer")
sleep "$MEASURE"
FX1=$(thread_ticks "$JAVA_PID" "JavaFX Applicat")
RENDER1=$(thread_ticks "$JAVA_PID" "QuantumRenderer")
LOAD=$(uptime | sed 's/.*load average: //')
import -window root "$OUT/screen.png"
tail -n +"$((FROM + 1))" "$LOG" >"$OUT/measured.log"
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
MEDIAN=$(awk '{print $2}' "$OUT/measured.log" | median)
P95=$(awk 'NF >= 4 {print $4}' "$OUT/measured.log" | median)
echo "median fps $MEDIAN, median p95 frame time ${P95:-?} ms over $(wc -l <"$OUT/measured.log") s after step $STEPS_BEFORE (steps $(head -n 1 "$OUT/measured.log" | awk '{print $3}')-$(steps)); nice ${NICE:-0}; load average before $LOAD_BEFORE, after $LOAD"
echo "per second: $(awk '{printf "%s ", $2}' "$OUT/measured.log")"
FRAMES=$(awk '{s += $2} END {printf "%d", s}' "$OUT/measured.log")
awk -v fx=$((FX1 - FX0)) -v render=$((RENDER1 - RENDER0)) -v hz="$TICKS" -v frames="$FRAMES" 'BEGIN {
    printf "CPU per frame over %d frames: JavaFX thread %.1f ms, render thread %.1f ms\n",
        frames, 1000 * fx / hz / frames, 1000 * render / hz / frames }'

