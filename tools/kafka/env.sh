# Shared settings for fetch.sh / start.sh / stop.sh (sourced, not executed).
# Paths are resolved from this file's location so the scripts work from any cwd.
KAFKA_TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_REPO_ROOT="$(cd "$KAFKA_TOOL_DIR/../.." && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$KAFKA_REPO_ROOT/.local/kafka}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"

KAFKA_CACHE_DIR="$KAFKA_TOOL_DIR/.cache"
KAFKA_LIB_DIR="$KAFKA_CACHE_DIR/lib"
KAFKA_POM_HASH_FILE="$KAFKA_CACHE_DIR/pom.sha256"

KAFKA_PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
KAFKA_OUT_FILE="$KAFKA_DATA_DIR/kafka.out"   # broker stdout/stderr
KAFKA_PROPS_FILE="$KAFKA_DATA_DIR/server.properties"
KAFKA_LOG_DIRS="$KAFKA_DATA_DIR/data"        # topic partitions + KRaft metadata log

# True if something accepts TCP connections on 127.0.0.1:$1 (bash /dev/tcp,
# so no nc/node dependency; `timeout` guards against a hanging connect).
kafka_port_open() {
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Prints the broker pid if the pid file points at a live process.
kafka_running_pid() {
  local pid
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}
