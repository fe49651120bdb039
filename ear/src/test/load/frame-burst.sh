#!/usr/bin/env bash
# Frame intake under a burst (FrameBurst): N candidates upload as fast as they can for S seconds, against a running
# CampusProctor with demo accounts on this machine (quick start: http://localhost:8080/campusproctor).
#
#   ear/src/test/load/frame-burst.sh [--url http://localhost:8080/campusproctor] [--candidates 20] [--seconds 30]
#                                    [--image JPEG/PNG] [--honour-retry-after]
#
# Needs the compiled integration tests (ear/target/test-classes: ./mvnw -B -pl ear -am verify -DskipITs).
exec "$(dirname "$0")/load-tool.sh" FrameBurst "$@"
