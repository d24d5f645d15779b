# Shared by the commands: the repository root and the service jar, built when missing or older than the sources.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/bootstrap/target/combot.jar"

build_if_needed() {
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$root" -path "$root/*/target" -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]]; then
    echo "Building $jar ..." >&2
    (cd "$root" && mvn -B -q -DskipTests package)
  fi
}
