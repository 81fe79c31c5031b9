#!/usr/bin/env bash
# Downloads the Kafka broker jars (pinned in pom.xml) from Maven Central into
# tools/kafka/.cache/lib. Maven is invoked only when the cache is missing or
# pom.xml changed since the last successful fetch (tracked by a sha256 file),
# so repeated calls are instant and offline.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

pom_hash="$(sha256sum "$KAFKA_TOOL_DIR/pom.xml" | cut -d' ' -f1)"

if [[ -d "$KAFKA_LIB_DIR" && -f "$KAFKA_POM_HASH_FILE" ]] \
   && [[ "$(cat "$KAFKA_POM_HASH_FILE")" == "$pom_hash" ]] \
   && compgen -G "$KAFKA_LIB_DIR/kafka_2.13-*.jar" >/dev/null; then
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch.sh: mvn not found on PATH" >&2; exit 1; }

echo "kafka: fetching broker jars with Maven (pom changed or cache missing)..."
mkdir -p "$KAFKA_CACHE_DIR"
# Copy into a temp dir and swap it in, so an interrupted fetch never leaves a
# half-filled lib/ that a later run would mistake for a complete cache.
tmp="$KAFKA_CACHE_DIR/lib.tmp"
rm -rf "$tmp"
# Maven's output is kept in a file and shown only on failure (-q still emits
# stray ANSI codes on Maven 3.8).
mvn_log="$KAFKA_CACHE_DIR/mvn.log"
if ! mvn -q -B -Dstyle.color=never -f "$KAFKA_TOOL_DIR/pom.xml" package "-Dkafka.lib.dir=$tmp" >"$mvn_log" 2>&1; then
  cat "$mvn_log" >&2
  echo "fetch.sh: maven failed (log: $mvn_log)" >&2
  exit 1
fi
rm -rf "$KAFKA_LIB_DIR"
mv "$tmp" "$KAFKA_LIB_DIR"
# `mvn package` on a pom-packaged project creates target/; it's not needed.
rm -rf "$KAFKA_TOOL_DIR/target"
echo "$pom_hash" > "$KAFKA_POM_HASH_FILE"
echo "kafka: $(ls "$KAFKA_LIB_DIR" | wc -l) jars in $KAFKA_LIB_DIR"
