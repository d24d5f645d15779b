# Shared by the benchmarks: a fake LLM and the service (production settings, packaged jar) on free 127.0.0.1 ports
# with a temporary data folder, both stopped and the folder removed on any exit.
source "$(dirname "${BASH_SOURCE[0]}")/../bin/commands/lib.sh"

# The caller's COMBOT_* settings would make the figures depend on the shell they ran in; COMBOT_JAR is kept.
for name in $(compgen -e | grep '^COMBOT_' | grep -v '^COMBOT_JAR$' || true); do unset "$name"; done

bench_work="$(mktemp -d "${TMPDIR:-/tmp}/combot-bench.XXXXXX")"
fake_llm_pid="" fake_llm_url=""
export COMBOT_PID_FILE="$bench_work/combot.pid" COMBOT_LOG_FILE="$bench_work/combot.log"

# bench_stop: the service and the fake LLM, so that a benchmark can start them again with other settings.
bench_stop() {
  "$root/bin/combot" stop >/dev/null 2>&1 || true
  if [[ -f "$COMBOT_PID_FILE" ]] && alive "$(cat "$COMBOT_PID_FILE")"; then kill -KILL "$(cat "$COMBOT_PID_FILE")"; fi
  if [[ -n "$fake_llm_pid" ]] && alive "$fake_llm_pid"; then kill -TERM "$fake_llm_pid"; wait "$fake_llm_pid" || true; fi
  fake_llm_pid="" fake_llm_url=""
}

bench_cleanup() {
  local status=$?
  bench_stop
  if declare -F postgres_stop >/dev/null; then postgres_stop; fi
  if ((status != 0)) && [[ -f "$COMBOT_LOG_FILE" ]]; then
    echo "--- the end of the service's log ---" >&2
    tail -n 20 "$COMBOT_LOG_FILE" >&2
  fi
  rm -rf "$bench_work"
  exit "$status"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# bench_database NAME: sqlite (the default: a file in the data folder) or postgres (a throwaway server on 127.0.0.1
# with PostgreSQL's durable defaults, stopped on exit).
bench_db_env=()
bench_database() {
  case "$1" in
    sqlite) ;;
    postgres)
      source "$root/bin/lib/throwaway-postgres.sh"
      postgres_start >&2
      bench_db_env=(COMBOT_DB_URL="$COMBOT_TEST_PG_URL" COMBOT_DB_USER="$COMBOT_TEST_PG_USER"
        COMBOT_DB_PASSWORD="$COMBOT_TEST_PG_PASSWORD")
      ;;
    *) echo "unknown database '$1': sqlite or postgres" >&2; return 2 ;;
  esac
}

# bench_bot DIR: the bot folder the service serves (COMBOT_BOT_DIR) when bench_start starts it; none: the shipped bot.
bench_bot_env=()
bench_bot() {
  [[ -f "$1/bot.yaml" ]] || { echo "no bot.yaml in $1" >&2; return 2; }
  bench_bot_env=(COMBOT_BOT_DIR="$(cd "$1" && pwd)")
}

# bench_start HEAP LLM_LATENCY: the fake LLM, then the service with a key pointing at it and an admin token; with
# LLM_LATENCY "offline", no fake LLM and no key, so the service's offline responder answers (no LLM client at work).
# The fake LLM's base URL (ending in /v1) is left in fake_llm_url.
bench_start() {
  local heap="$1" latency="$2" llm_env=() llm_url="" deadline
  if [[ -z "${COMBOT_JAR:-}" ]]; then build_if_needed; fi
  [[ -f "$tools_jar" ]] || build_if_needed
  if [[ "$latency" != offline ]]; then
    java -cp "$tools_jar" io.combot.tools.fakellm.FakeLlmCommand --port 0 --latency "$latency" \
      >"$bench_work/fake-llm.log" 2>&1 </dev/null &
    fake_llm_pid=$!
    deadline=$((SECONDS + 30))
    until llm_url="$(grep -o 'listening on http://[^ ]*' "$bench_work/fake-llm.log" | cut -d' ' -f3)" && [[ -n "$llm_url" ]]; do
      if ! alive "$fake_llm_pid" || ((SECONDS >= deadline)); then
        echo "The fake LLM did not start:" >&2
        cat "$bench_work/fake-llm.log" >&2
        return 1
      fi
      sleep 0.2
    done
    llm_env=(COMBOT_OPENAI_API_KEY=bench-key COMBOT_OPENAI_BASE_URL="$llm_url")
    fake_llm_url="$llm_url"
  fi
  COMBOT_ADMIN_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  export COMBOT_ADMIN_TOKEN
  # The load test sends ten texts over and over: the classifier's cache would answer nearly all of them and the
  # figures would stop measuring the model, so the benches run without it (bin/ml cache measures the cache).
  env "${bench_db_env[@]}" "${bench_bot_env[@]}" "${llm_env[@]}" \
    COMBOT_BIND=127.0.0.1 COMBOT_PORT=0 COMBOT_DATA_DIR="$bench_work/data" COMBOT_CLASSIFIER_CACHE_SIZE=0 \
    COMBOT_JAVA_OPTS="-Xmx$heap -XX:+ExitOnOutOfMemoryError" \
    "$root/bin/combot" start >&2
  if [[ -n "$llm_url" ]]; then
    echo "fake LLM at $llm_url (latency $latency), service heap -Xmx$heap, data in $bench_work/data" >&2
  else
    echo "no LLM: the offline responder answers; service heap -Xmx$heap, data in $bench_work/data" >&2
  fi
}

# bench_start_mode HEAP MODE: bench_start for a pinned bench's --llm MODE, fake (the fake LLM at 0 ms) or offline.
bench_start_mode() {
  case "$2" in
    offline) bench_start "$1" offline ;;
    fake) bench_start "$1" 0ms ;;
    *) echo "unknown --llm mode '$2': offline or fake" >&2; exit 2 ;;
  esac
}

# bench_load SCENARIO USERS DURATION DIR: one round of `bin/combot loadtest` into DIR; prints "messages/s p50_ms
# errors" from its CSV (errors are counted, not fatal), or the load test's output and fails when it did not finish.
bench_load() {
  local scenario="$1" users="$2" length="$3" dir="$4"
  rm -f "$dir/loadtest.csv"
  "$root/bin/combot" loadtest --scenario "$scenario" --users "$users" --duration "$length" --rounds 1 --out "$dir" \
    >"$dir.log" 2>&1 || true
  if [[ ! -f "$dir/loadtest.csv" ]]; then
    echo "loadtest $scenario with $users users did not finish:" >&2
    cat "$dir.log" >&2
    return 1
  fi
  awk -F, 'NR == 2 { print $11, $5, $3 }' "$dir/loadtest.csv"
}

# CPU time (user + system, in clock ticks) a process has used so far.
ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# Pinned benchmarks (bench/cpu, bench/added-latency) time the service alone: it runs on one CPU, and wrk and the fake
# LLM on the other, so that their CPU is not taken from the service's and the service's CPU can be read apart.
bench_service_cpu=0 bench_client_cpu=1
bench_require_pinning() {
  if (($(nproc) < 2)); then echo "this benchmark needs two CPUs (one for the service, one for the load)" >&2; exit 2; fi
  if ! command -v taskset >/dev/null || ! command -v wrk >/dev/null; then
    echo "this benchmark needs taskset and wrk: apt-get install util-linux wrk" >&2
    exit 2
  fi
}

# bench_pin_all: every thread of the running service onto the service's CPU, of the fake LLM (if any) onto the load's;
# threads they start later inherit that. Pinning after the start keeps the JVM's ergonomics (G1, pool sizes) those it
# has on the whole machine: a JVM started on one CPU would pick the serial collector and size its pools for one.
bench_pin_all() {
  taskset -a -p -c "$bench_service_cpu" "$(cat "$COMBOT_PID_FILE")" >/dev/null
  if [[ -n "$fake_llm_pid" ]]; then taskset -a -p -c "$bench_client_cpu" "$fake_llm_pid" >/dev/null; fi
}

# bench_wrk SCENARIO CONNECTIONS SECONDS TAG SESSIONS: one wrk run (bench/cpu.lua's requests) on the load's CPU against
# the running service; prints wrk's output, whose line "wrk-result requests non-2xx socket-errors seconds p50-ms"
# sums it up, or fails with that output when wrk did not finish.
bench_wrk() {
  local output
  output="$(timeout $(($3 + 60)) taskset -c "$bench_client_cpu" wrk -t1 -c"$2" -d"$3"s --timeout 30s \
    -s "$root/bench/cpu.lua" "$(bench_url)" -- "$1" "$4" "$5" 2>&1)" || true
  if ! grep -q '^wrk-result ' <<<"$output"; then
    echo "wrk ($1, $2 connections, $3 s) did not finish:" >&2
    echo "$output" >&2
    return 1
  fi
  echo "$output"
}

# thread_ticks PID REGEX: CPU time (clock ticks) the threads of process PID whose names match REGEX have used so far.
thread_ticks() {
  local task total=0
  for task in /proc/"$1"/task/*; do
    if grep -Eq "$2" "$task/comm" 2>/dev/null; then
      total=$((total + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}

# The JIT compiler threads, and the classifier's model workers (ONNX Runtime; named in EmbeddingWorkers).
jit_ticks() {
  thread_ticks "$1" '^C[12] CompilerThre'
}
model_ticks() {
  thread_ticks "$1" '^minilm-worker-'
}

# bench_warm SCENARIO CONNECTIONS MIN_SECONDS SESSIONS: wrk's SCENARIO in 10 s rounds, at least MIN_SECONDS, then until
# the JIT compilers used under 2% of the service's CPU in a round (at most bench_warm_max seconds, 10 minutes). On one
# core the C2 compiler keeps compiling the chat path for minutes: stopping earlier would count the warm-up as the cost
# of a message. Prints how long it took and the compilers' share of the last round.
bench_warm_max="${bench_warm_max:-600}"
bench_warm() {
  local pid started=$SECONDS before jit_before share
  pid="$(cat "$COMBOT_PID_FILE")"
  while true; do
    before="$(ticks "$pid")" jit_before="$(jit_ticks "$pid")"
    bench_wrk "$1" "$2" 10 "warm-$1-$SECONDS" "$4" >/dev/null
    share="$(awk -v j=$(($(jit_ticks "$pid") - jit_before)) -v t=$(($(ticks "$pid") - before)) \
      'BEGIN { printf "%.1f", (t > 0 ? 100 * j / t : 0) }')"
    if ((SECONDS - started >= $3)) && awk -v s="$share" 'BEGIN { exit !(s < 2) }'; then break; fi
    if ((SECONDS - started >= bench_warm_max)); then
      echo "warm-up: the JIT compilers still took $share% of the service's CPU after $bench_warm_max s" >&2
      break
    fi
  done
  echo "warm-up of $1: $((SECONDS - started)) s, the JIT compilers at $share% of the service's CPU in the last 10 s" >&2
}

# The running service's URL, as `bin/combot start` found it.
bench_url() {
  cat "$COMBOT_PID_FILE.url"
}

# bench_sessions N FILE: opens N sessions on the running service and writes their ids to FILE, one a line.
bench_sessions() {
  local url i
  url="$(bench_url)"
  : >"$2"
  for ((i = 0; i < $1; i++)); do
    curl -fsS --max-time 10 -X POST "$url/api/v1/sessions" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4 >>"$2"
  done
}

# The machine the figures come from; its load average says how busy the shared cores were.
bench_machine() {
  echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), " \
    "$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg); " \
    "$(java -version 2>&1 | head -n 1)"
  echo "note: a shared, noisy machine (other builds may run on the same cores): compare figures of one run, not across runs"
}

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
