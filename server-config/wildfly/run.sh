#!/usr/bin/env bash
# Runs a configured WildFly in the foreground of this terminal, waits until CampusProctor answers, prints its URL,
# optionally loads demo frames, and stops the server on Ctrl-C.
#
#   run.sh --wildfly-home DIR [--http-port 8080] [--demo-frames DIR]
set -euo pipefail

wildfly_home=""
http_port=8080
demo_frames=""
while [ $# -gt 0 ]; do
  case "$1" in
    --wildfly-home) wildfly_home="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --demo-frames) demo_frames="$2"; shift 2 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$wildfly_home/bin/standalone.sh" ] || { echo "run.sh: no WildFly at '$wildfly_home'" >&2; exit 2; }

url="http://localhost:$http_port/campusproctor/"
if curl -fs -o /dev/null "http://localhost:$http_port/"; then
  echo "run.sh: port $http_port is already in use; stop what runs there or pass --http-port" >&2; exit 1
fi

offset=$((http_port - 8080))
# LAUNCH_JBOSS_IN_BACKGROUND makes standalone.sh pass our TERM on to the JVM
LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly_home/bin/standalone.sh" -c standalone-full.xml -Djboss.socket.binding.port-offset="$offset" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 300); do
  if curl -fs -o /dev/null "${url}api/system/status"; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "run.sh: the server stopped during start-up" >&2; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "${url}api/system/status" || { echo "run.sh: CampusProctor did not come up within 300 s" >&2; exit 1; }

if [ -n "$demo_frames" ] && [ -d "$demo_frames" ]; then
  for f in "$demo_frames"/*.jpg "$demo_frames"/*.png; do
    [ -f "$f" ] || continue
    curl -fs -o /dev/null -H "Content-Type: application/octet-stream" --data-binary "@$f" \
      "${url}api/attempts/demo-attempt/frames" && echo "demo frame loaded: $(basename "$f")"
  done
fi

cat <<MSG

  ==================================================================
   CampusProctor is running:  $url
   Press Ctrl-C to stop the server.
  ==================================================================

MSG
wait "$server"
