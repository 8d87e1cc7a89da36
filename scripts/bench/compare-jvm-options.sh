#!/usr/bin/env bash
# Side by side in one run: restart time and RSS of the packaged appliance under several JVM option
# sets, each with its own AOT cache (trained with the same calls), alternating over two rounds.
#   scripts/bench/compare-jvm-options.sh "-XX:+UseSerialGC -Xmx192m" "-XX:+UseSerialGC -Xmx128m" ...
# Needs JAVA_HOME (JDK 25), curl and a built appliance/target/arasul-appliance.jar; uses port 18080
# on 127.0.0.1 and a temporary folder that it removes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
JAR="$ROOT/appliance/target/arasul-appliance.jar"
PORT=18080
PASSWORD='Compare-Only-Passw0rd!'
[[ $# -ge 1 ]] || { echo "usage: $0 \"JVM OPTIONS\" [\"JVM OPTIONS\" ...]" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "build the appliance first: $JAR is missing" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

healthy() {
  local i
  for ((i = 0; i < 1800; i++)); do
    [[ $(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health" || true) == 200 ]] && return 0
    sleep 0.1
  done
  echo "no /api/health 200 within 3 minutes" >&2; return 1
}
launch() { # index, extra JVM options, data folder, log
  # shellcheck disable=SC2086
  ARASUL_DATA_DIR=$3 ARASUL_ADMIN_PASSWORD=$PASSWORD ARASUL_USB_ROOTS="$WORK/usb" ARASUL_HEALING_MODE=observe \
    ARASUL_REBOOT_ENABLED=false SERVER_PORT=$PORT ARASUL_SECURITY_RATELIMITS_METRICS_REQUESTS=1000000 \
    "$JAVA" ${OPTIONS[$1]} $2 -Xlog:aot=error -jar "$WORK/app-$1/arasul-appliance.jar" --server.address=127.0.0.1 >"$4" 2>&1 &
  PID=$!
}
calls() { # 3000 live-metrics GETs over one keep-alive connection
  local token i
  token=$(curl -s -m 10 -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$PORT/api/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  for ((i = 0; i < 3000; i++)); do echo "url = \"http://127.0.0.1:$PORT/api/metrics/live\""; echo 'output = "/dev/null"'; done |
    curl -s -m 120 -K - -H "Authorization: Bearer $token" || true
}
rss() { awk '/^VmRSS|^RssAnon/ { printf "%s %d MiB ", $1, $2 / 1024 }' "/proc/$1/status"; }
stop() { kill -TERM "$PID"; wait "$PID" || true; }

OPTIONS=("$@")
mkdir -p "$WORK/usb"
for i in "${!OPTIONS[@]}"; do
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app-$i" >/dev/null
  launch "$i" "-XX:AOTCacheOutput=$WORK/app-$i/app.aot" "$WORK/train-$i" "$WORK/train-$i.log"; healthy; calls; stop
  launch "$i" "-XX:AOTCache=$WORK/app-$i/app.aot" "$WORK/data-$i" "$WORK/first-$i.log"; healthy; stop
done
echo "load average before: $(cat /proc/loadavg)"
for round in 1 2; do
  for i in "${!OPTIONS[@]}"; do
    started=$(date +%s.%N)
    launch "$i" "-XX:AOTCache=$WORK/app-$i/app.aot" "$WORK/data-$i" "$WORK/run-$i.log"; healthy
    seconds=$(echo "$(date +%s.%N) - $started" | bc)
    sleep 20; idle=$(rss "$PID"); calls; sleep 2; busy=$(rss "$PID"); stop
    printf '| `%s` | round %d | restart %.1f s | 20 s after start: %s| after 3000 GETs: %s|\n' \
      "${OPTIONS[$i]}" "$round" "$seconds" "$idle" "$busy"
  done
done
echo "load average after: $(cat /proc/loadavg)"
