# Shared by the commands: the repository root and the service jar, built when missing or older than the sources.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# A bot folder given relative to where the command was typed, as new-bot and train take it: run and start change to
# the repository root before starting the service.
if [[ -n "${COMBOT_BOT_DIR:-}" ]]; then export COMBOT_BOT_DIR="$(realpath -m -- "$COMBOT_BOT_DIR")"; fi
jar="$root/bootstrap/target/combot.jar"

build_if_needed() {
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$root" -path "$root/*/target" -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]]; then
    echo "Building $jar ..." >&2
    (cd "$root" && mvn -B -q -DskipTests package)
  fi
}

# Operations (start, stop, restart, status, monitor, loadtest, fake-llm): where the background service keeps its
# PID, log and URL, and the jar of the tools that are never on the service's class path.
pid_file="${COMBOT_PID_FILE:-$root/data/combot.pid}"
log_file="${COMBOT_LOG_FILE:-$root/data/combot.log}"
url_file="$pid_file.url"
tools_jar="$root/tools/target/combot-tools.jar"
default_java_opts="-Xmx512m -XX:+ExitOnOutOfMemoryError"
# glibc gives each thread that mallocs its own arena (up to 8 per core), and native code (ONNX Runtime, SQLite, the
# JIT) holds on to that memory: two arenas keep the service's RSS from creeping up under load.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# JVM options added before COMBOT_JAVA_OPTS (which may override them), for a small, flat RSS:
# - G1 gives heap back after a marking cycle only down to MaxHeapFreeRatio percent free, 70 by default: three times
#   the live data stays committed, and G1 soon touches all it has committed. At 60, two and a half times.
# - What native code (the JIT, ONNX Runtime, SQLite) frees stays in glibc's arenas until trimmed: a JVM from 17.0.9
#   on trims them every second when asked (experimental in 17; a trim took at most 6 ms in a soak round); an older
#   JVM lacks the option and runs without it.
memory_opts() {
  local trim="-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=1000"
  printf '%s' "-XX:MaxHeapFreeRatio=60"
  # shellcheck disable=SC2086
  if java $trim -version >/dev/null 2>&1; then printf ' %s' "$trim"; fi
}

# A zombie (exited, not yet reaped by its new parent) counts as stopped.
alive() {
  kill -0 "$1" 2>/dev/null && [[ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

# Prints the PID of the running service; fails when there is none.
running_pid() {
  local pid
  [[ -f "$pid_file" ]] && pid="$(cat "$pid_file")" && alive "$pid" && echo "$pid"
}

# The URL that 'start' found in the log, else the one COMBOT_BIND and COMBOT_PORT name.
service_url() {
  if [[ -f "$url_file" ]]; then cat "$url_file"; else echo "http://${COMBOT_BIND:-127.0.0.1}:${COMBOT_PORT:-8080}"; fi
}

# COMBOT_JAR runs a given jar as it is; otherwise the jar is built when missing or stale.
service_jar() {
  if [[ -n "${COMBOT_JAR:-}" ]]; then jar="$COMBOT_JAR"; else build_if_needed; fi
}

run_tool() {
  [[ -f "$tools_jar" ]] || build_if_needed
  exec java -cp "$tools_jar" "$@"
}
