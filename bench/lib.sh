# Shared by the benchmarks: a fake LLM and the service (production settings, packaged jar) on free 127.0.0.1 ports
# with a temporary data folder, both stopped and the folder removed on any exit.
source "$(dirname "${BASH_SOURCE[0]}")/../bin/commands/lib.sh"

# The caller's COMBOT_* settings would make the figures depend on the shell they ran in; COMBOT_JAR is kept.
for name in $(compgen -e | grep '^COMBOT_' | grep -v '^COMBOT_JAR$' || true); do unset "$name"; done

bench_work="$(mktemp -d "${TMPDIR:-/tmp}/combot-bench.XXXXXX")"
fake_llm_pid=""
export COMBOT_PID_FILE="$bench_work/combot.pid" COMBOT_LOG_FILE="$bench_work/combot.log"

bench_cleanup() {
  local status=$?
  "$root/bin/combot" stop >/dev/null 2>&1 || true
  if declare -F postgres_stop >/dev/null; then postgres_stop; fi
  if [[ -f "$COMBOT_PID_FILE" ]] && alive "$(cat "$COMBOT_PID_FILE")"; then kill -KILL "$(cat "$COMBOT_PID_FILE")"; fi
  if [[ -n "$fake_llm_pid" ]] && alive "$fake_llm_pid"; then kill -TERM "$fake_llm_pid"; wait "$fake_llm_pid" || true; fi
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

# bench_start HEAP LLM_LATENCY: the fake LLM, then the service with a key pointing at it and an admin token; with
# LLM_LATENCY "offline", no fake LLM and no key, so the service's offline responder answers (no LLM client at work).
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
  fi
  COMBOT_ADMIN_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  export COMBOT_ADMIN_TOKEN
  # The load test sends ten texts over and over: the classifier's cache would answer nearly all of them and the
  # figures would stop measuring the model, so the benches run without it (bin/ml cache measures the cache).
  env "${bench_db_env[@]}" "${llm_env[@]}" \
    COMBOT_BIND=127.0.0.1 COMBOT_PORT=0 COMBOT_DATA_DIR="$bench_work/data" COMBOT_CLASSIFIER_CACHE_SIZE=0 \
    COMBOT_JAVA_OPTS="-Xmx$heap -XX:+ExitOnOutOfMemoryError" \
    "$root/bin/combot" start >&2
  if [[ -n "$llm_url" ]]; then
    echo "fake LLM at $llm_url (latency $latency), service heap -Xmx$heap, data in $bench_work/data" >&2
  else
    echo "no LLM: the offline responder answers; service heap -Xmx$heap, data in $bench_work/data" >&2
  fi
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
