#!/usr/bin/env bash
# Stability of training under embedding noise: trains the shipped bot with classifier batch size 1 (model A, forced
# past the shipped model), then with batch size 8 against A (the quantized encoder quantizes per batch, so the
# embeddings differ slightly), then with batch size 1 again against that model, then with each batch size of
# EXTRA_BATCHES (say "2 4 16") against model A. Every gate should pass.
# Usage: [EXTRA_BATCHES="2 4 16"] bench/crisis-stability.sh [JAR] [WORKDIR]
#        (JAR default: bootstrap/target/combot.jar, built by bin/combot)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$root/bootstrap/target/combot.jar}"
work="${2:-$(mktemp -d)}"
train() {  # DIR BATCH [--force]
  COMBOT_CLASSIFIER_BATCH_SIZE="$2" java -Xmx512m -Dai.djl.offline=true -jar "$jar" train "$1" ${3:-} \
    > "$1.log" 2>&1 && rc=0 || rc=$?
  echo "batch $2 $(basename "$1") (exit $rc): $(grep -h 'crisis head over the embedding' "$1.log" | sed 's/^ *//')"
  grep -h '^promotion gate' "$1.log"
}
rm -rf "$work/a" "$work/b" "$work/c"
java -jar "$jar" new-bot "$work/a" > /dev/null
train "$work/a" 1 --force
cp -r "$work/a" "$work/b"
train "$work/b" 8
cp -r "$work/b" "$work/c"
train "$work/c" 1
for batch in ${EXTRA_BATCHES:-}; do
  rm -rf "$work/batch$batch"
  cp -r "$work/a" "$work/batch$batch"
  train "$work/batch$batch" "$batch"
done
