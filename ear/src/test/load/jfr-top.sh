#!/usr/bin/env bash
# Where the server's CPU went under load (JfrTop), from a Flight Recorder file: take it while frame-load.sh runs,
#   jcmd <wildfly pid> JFR.start name=load settings=profile filename=/tmp/load.jfr
#   jcmd <wildfly pid> JFR.stop name=load
# then: ear/src/test/load/jfr-top.sh /tmp/load.jfr [rows]
# Needs the compiled integration tests (ear/target/test-classes: ./mvnw -B -pl ear -am verify -DskipITs).
set -euo pipefail
ear="$(cd "$(dirname "$0")/../../.." && pwd)"
[ -f "$ear/target/test-classes/org/campusproctor/it/JfrTop.class" ] || { echo "jfr-top: compile the tests first" >&2; exit 2; }
exec java -cp "$ear/target/test-classes" org.campusproctor.it.JfrTop "$@"
