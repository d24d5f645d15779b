# A throwaway PostgreSQL server on 127.0.0.1, for tests and benchmarks. Source this file, then:
#   postgres_start [-c name=value ...]  installs Debian's postgresql if no server binaries are found (as root),
#                                       starts a server on a free port in a temporary folder, and exports
#                                       COMBOT_TEST_PG_URL, COMBOT_TEST_PG_USER and COMBOT_TEST_PG_PASSWORD
#   postgres_stop                       stops it and removes its folder; safe to call twice (use it in a trap)

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

postgres_start() {
  local bin
  bin="$(postgres_bin)"
  if [[ -z "$bin" ]]; then
    if (( EUID != 0 )); then
      echo "PostgreSQL is not installed: run 'apt-get install -y postgresql' as root" >&2
      return 1
    fi
    echo "Installing PostgreSQL from Debian's packages ..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(postgres_bin)"
  fi
  _pg_bin="$bin"
  _pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/combot-pg.XXXXXX")"
  # initdb and the server refuse to run as root
  _pg_as=()
  if (( EUID == 0 )); then
    _pg_as=(runuser -u postgres --)
  fi
  local password
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$_pg_dir/pwfile"
  if (( EUID == 0 )); then
    chown -R postgres: "$_pg_dir"
  fi
  "${_pg_as[@]}" "$bin/initdb" -D "$_pg_dir/data" -U combot --pwfile="$_pg_dir/pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C >"$_pg_dir/initdb.log" 2>&1 || { cat "$_pg_dir/initdb.log" >&2; return 1; }
  rm -f "$_pg_dir/pwfile"

  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 30000 ))
    # taken when something answers there; a port taken in between makes pg_ctl fail, and the next attempt runs
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    if "${_pg_as[@]}" "$bin/pg_ctl" -D "$_pg_dir/data" -l "$_pg_dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $_pg_dir -c max_connections=200 $*" >/dev/null; then
      _pg_port="$port"
      break
    fi
  done
  if [[ -z "${_pg_port:-}" ]]; then
    echo "PostgreSQL did not start:" >&2
    cat "$_pg_dir/server.log" >&2 || true
    return 1
  fi
  PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$_pg_port" -U combot combot_test
  export COMBOT_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$_pg_port/combot_test"
  export COMBOT_TEST_PG_USER=combot
  export COMBOT_TEST_PG_PASSWORD="$password"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests at $COMBOT_TEST_PG_URL" >&2
}

postgres_stop() {
  if [[ -n "${_pg_dir:-}" ]]; then
    if [[ -n "${_pg_port:-}" ]]; then
      "${_pg_as[@]}" "$_pg_bin/pg_ctl" -D "$_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$_pg_dir"
  fi
  _pg_dir=
  _pg_port=
}
