#!/usr/bin/env bash
# Frame-to-dashboard latency (FeedLatency): N candidates upload a frame a second for S seconds while the proctor feed
# records the analyses; against a running CampusProctor with demo accounts on this machine (quick start: http://localhost:8080/campusproctor).
#
#   ear/src/test/load/feed-latency.sh [--url http://localhost:8080/campusproctor] [--candidates 50] [--seconds 30]
#                                     [--tiles 200]
#
# Needs the compiled integration tests (ear/target/test-classes: ./mvnw -B -pl ear -am verify -DskipITs).
set -euo pipefail
ear="$(cd "$(dirname "$0")/../../.." && pwd)"
url="http://localhost:8080/campusproctor"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
cp="$ear/target/test-classes:$repo/jakarta/json/jakarta.json-api/2.1.3/jakarta.json-api-2.1.3.jar:$repo/org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar"
[ -f "$ear/target/test-classes/org/campusproctor/it/FeedLatency.class" ] || { echo "feed-latency.sh: compile the tests first" >&2; exit 2; }
cd "$ear"
exec java -Djava.awt.headless=true -Dit.base.url="$url" -cp "$cp" org.campusproctor.it.FeedLatency "${args[@]+"${args[@]}"}"
