#!/usr/bin/env bash
# Frame-to-dashboard latency (FeedLatency): N candidates upload a frame a second for S seconds while the proctor feed
# records the analyses; against a running CampusProctor with demo accounts on this machine (quick start: http://localhost:8080/campusproctor).
#
#   ear/src/test/load/feed-latency.sh [--url http://localhost:8080/campusproctor] [--candidates 50] [--seconds 30]
#                                     [--tiles 200]
#
# Needs the compiled integration tests (ear/target/test-classes: ./mvnw -B -pl ear -am verify -DskipITs).
exec "$(dirname "$0")/load-tool.sh" FeedLatency "$@"
