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

# Demo frames belong to a real attempt of the demo candidate (the server must run with campusproctor.demo-data=true,
# as the quick start does): the registrar creates and publishes a one-question exam, registers the candidate, who
# starts the attempt and uploads the frames.
api="${url}api"
json_id() { grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4; }
call() { local jar="$1"; shift; curl -fs -b "$jar" -c "$jar" -H "Content-Type: application/json" "$@"; }
if [ -n "$demo_frames" ] && [ -d "$demo_frames" ]; then
  jars="$(mktemp -d)"
  if call "$jars/registrar" -d '{"username":"registrar","password":"demo-registrar"}' "$api/session" >/dev/null \
     && call "$jars/candidate" -d '{"username":"candidate","password":"demo-candidate"}' "$api/session" >/dev/null; then
    exam="$(call "$jars/registrar" -d '{"title":"Demo exam","durationSeconds":7200,"passingScore":50,"proctoring":{"identityCheck":false}}' "$api/exams" | json_id)"
    call "$jars/registrar" -d '{"type":"TRUE_FALSE","prompt":"My webcam shows my face","points":1,"correctBoolean":true}' "$api/exams/$exam/questions" >/dev/null
    call "$jars/registrar" -d '{}' "$api/exams/$exam/publish" >/dev/null
    registration="$(call "$jars/registrar" -d '{"candidate":"candidate","proctor":"proctor"}' "$api/exams/$exam/registrations" | json_id)"
    attempt="$(call "$jars/candidate" -d '{}' "$api/registrations/$registration/attempt" | json_id)"
    call "$jars/candidate" -d '{}' "$api/attempts/$attempt/ready" >/dev/null
    call "$jars/candidate" -d '{}' "$api/attempts/$attempt/start" >/dev/null
    for f in "$demo_frames"/*.jpg "$demo_frames"/*.png; do
      [ -f "$f" ] || continue
      curl -fs -o /dev/null -b "$jars/candidate" -H "Content-Type: application/octet-stream" --data-binary "@$f" \
        "$api/attempts/$attempt/frames" && echo "demo frame loaded: $(basename "$f") (attempt $attempt)"
    done
  else
    echo "run.sh: demo accounts not available (campusproctor.demo-data is not true); no demo frames loaded" >&2
  fi
  rm -rf "$jars"
fi

cat <<MSG

  ==================================================================
   CampusProctor is running:  $url
   Demo accounts (quick start only): admin, registrar, proctor, candidate
   password: demo-<username>, e.g. proctor / demo-proctor
   Press Ctrl-C to stop the server.
  ==================================================================

MSG
wait "$server"
