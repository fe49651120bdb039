#!/usr/bin/env bash
# Runs one of the load tools of the integration tests (FrameBurst, FeedLatency) against a running CampusProctor with
# demo accounts on this machine; the tools' own scripts call it. Usage: load-tool.sh CLASS [--url URL] [tool options]
#
# Needs the compiled integration tests (ear/target/test-classes: ./mvnw -B -pl ear -am verify -DskipITs).
set -euo pipefail
tool="$1"; shift
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
[ -f "$ear/target/test-classes/org/campusproctor/it/$tool.class" ] || { echo "$tool: compile the tests first" >&2; exit 2; }
cd "$ear"
exec java -Djava.awt.headless=true -Dit.base.url="$url" -cp "$cp" "org.campusproctor.it.$tool" "${args[@]+"${args[@]}"}"
