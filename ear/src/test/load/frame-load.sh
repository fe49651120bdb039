#!/usr/bin/env bash
# The load generator of the whole frame path (FrameLoad): N candidates upload webcam frames, P proctors watch their
# feed; it reports frames accepted and analysed per second, upload-to-proctor latency, 429s and lost frames. Against a
# running CampusProctor: the quick start (http://localhost:8080/campusproctor, demo admin) or, with --allow-remote,
# your own installation (an administrator's account; its password in CAMPUSPROCTOR_ADMIN_PASSWORD).
#
#   ear/src/test/load/frame-load.sh --url http://localhost:8080/campusproctor --candidates 300 --seconds 120 \
#       [--interval 2] [--jitter 0.2] [--closed-loop] [--proctors 1] [--admin admin] [--prefix load] [--grace 60] \
#       [--out target/load] [--allow-remote]
#
# Needs the compiled integration tests (ear/target/test-classes: ./mvnw -B -pl ear -am verify -DskipITs).
set -euo pipefail
ear="$(cd "$(dirname "$0")/../../.." && pwd)"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
cp="$ear/target/test-classes:$repo/jakarta/json/jakarta.json-api/2.1.3/jakarta.json-api-2.1.3.jar:$repo/org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar"
[ -f "$ear/target/test-classes/org/campusproctor/it/FrameLoad.class" ] || { echo "frame-load: compile the tests first" >&2; exit 2; }
cd "$ear"
exec java -Djava.awt.headless=true -cp "$cp" org.campusproctor.it.FrameLoad "$@"
