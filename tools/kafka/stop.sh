#!/usr/bin/env bash
# Stops the broker started by start.sh (pid file in the data dir): SIGTERM for
# a clean shutdown (flushes logs, avoids log recovery on next start), then
# SIGKILL if it has not exited within 30 s. Exits 0 if it isn't running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

STOP_TIMEOUT_S=30

if ! pid="$(kafka_running_pid)"; then
  rm -f "$KAFKA_PID_FILE"
  echo "kafka: not running"
  exit 0
fi

# Guard against a stale pid file whose pid now belongs to another program.
if ! grep -qa "kafka.Kafka" "/proc/$pid/cmdline" 2>/dev/null; then
  echo "kafka: pid $pid from $KAFKA_PID_FILE is not a Kafka broker; removing stale pid file"
  rm -f "$KAFKA_PID_FILE"
  exit 0
fi

echo "kafka: stopping broker (pid $pid)"
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + STOP_TIMEOUT_S))
while kill -0 "$pid" 2>/dev/null; do
  if (( SECONDS >= deadline )); then
    echo "kafka: still running after ${STOP_TIMEOUT_S}s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    break
  fi
  sleep 0.5
done
rm -f "$KAFKA_PID_FILE"
echo "kafka: stopped"
