#!/usr/bin/env bash
# CampusProctor's standalone ActiveMQ Artemis broker: creates an instance from an unpacked Artemis 2.44 distribution
# with broker.xml (the queues frames, frames.dlq, vision-results, vision-results.dlq and their dead-letter and
# redelivery settings, taken from campusproctor.properties), starts it in the background, stops it.
#
#   broker.sh create --artemis-home DIR --instance DIR [--host 127.0.0.1] [--port 61716] [--user campusproctor]
#                    [--password campusproctor] [--properties FILE] [--set key=value]... [--java-memory 512M]
#   broker.sh start  --instance DIR [--timeout 120]
#   broker.sh stop   --instance DIR [--timeout 60]
#   broker.sh status --instance DIR
#
# create replaces an existing instance's configuration and keeps its data (messages); start waits until the broker
# accepts connections and fails if its port is taken; stop waits for the broker to end (killing it after --timeout).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "broker.sh: $*" >&2; exit 1; }

[ $# -gt 0 ] || usage 2
command="$1"; shift
artemis_home=""
instance=""
host="127.0.0.1"
port=61716
user="campusproctor"
password="campusproctor"
properties=""
java_memory="512M"
timeout=""
overrides=()
while [ $# -gt 0 ]; do
  case "$1" in
    --artemis-home) artemis_home="$2"; shift 2 ;;
    --instance) instance="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --password) password="$2"; shift 2 ;;
    --properties) properties="$2"; shift 2 ;;
    --set) overrides+=("$2"); shift 2 ;;
    --java-memory) java_memory="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "broker.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done
[ -n "$instance" ] || { echo "broker.sh: --instance is required" >&2; usage 2; }
case "$port" in ''|*[!0-9]*) die "--port must be a number" ;; esac
pid_file="$instance/data/campusproctor-broker.pid"

# bash's /dev/tcp: no nc/ss needed on the host
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid; pid="$(cat "$pid_file")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}
# host:port of the instance's acceptor, read back from its broker.xml
acceptor() { grep -o 'tcp://[^?]*' "$instance/etc/broker.xml" | head -n 1 | sed 's#tcp://##'; }

create() {
  [ -x "$artemis_home/bin/artemis" ] || die "no Artemis distribution at '$artemis_home' (--artemis-home)"
  if [ -z "$properties" ]; then
    # the WildFly bundle's settings file sits beside this directory in the build output and in the sources
    for candidate in "$here/../campusproctor-wildfly/campusproctor.properties" "$here/../wildfly/campusproctor.properties"; do
      [ -f "$candidate" ] && { properties="$candidate"; break; }
    done
  fi
  [ -f "$properties" ] || die "properties file not found (--properties)"
  if running_pid >/dev/null; then die "the broker of $instance is running; stop it first"; fi
  local values; values="$(mktemp)"
  trap 'rm -f "$values"' RETURN
  cat "$properties" > "$values"
  for kv in "${overrides[@]+"${overrides[@]}"}"; do printf '%s\n' "$kv" >> "$values"; done
  printf '%s\n' "broker.name=campusproctor" "broker.host=$host" "broker.port=$port" >> "$values"

  mkdir -p "$instance"
  # artemis create writes the instance (scripts, users, roles, JVM settings); --force keeps data/ and rewrites etc/
  "$artemis_home/bin/artemis" create "$instance" --force --silent --name campusproctor --host "$host" \
    --default-port "$port" --user "$user" --password "$password" --role campusproctor --require-login \
    --no-web --nio --no-autotune --java-memory "$java_memory" > "$instance/create.log" 2>&1 \
    || { cat "$instance/create.log" >&2; die "artemis create failed"; }

  # our broker.xml replaces the generated one; every ${key} is filled from the properties (last value wins)
  local xml key value
  xml="$(cat "$here/broker.xml")"
  while IFS= read -r key; do
    value="$(grep -E "^${key//./\\.}=" "$values" | tail -n 1 | cut -d= -f2-)"
    [ -n "$value" ] || die "no value for $key (properties file or --set)"
    xml="${xml//"\${$key}"/"$value"}"
  done < <(grep -o '\${[a-z.-]*}' "$here/broker.xml" | sort -u | sed 's/^\${//; s/}$//')
  printf '%s\n' "$xml" > "$instance/etc/broker.xml"
  echo "Artemis broker instance $instance: CORE on $host:$port, user $user"
}

start() {
  [ -x "$instance/bin/artemis" ] || die "no broker instance at $instance (broker.sh create first)"
  local pid address
  if pid="$(running_pid)"; then echo "Artemis broker of $instance already runs (pid $pid)"; return 0; fi
  address="$(acceptor)"
  if port_open "${address%:*}" "${address##*:}"; then die "$address is already in use (another broker?)"; fi
  mkdir -p "$instance/log" "$instance/data"
  # setsid: the broker outlives the shell (and Maven) that started it, until broker.sh stop
  setsid "$instance/bin/artemis" run > "$instance/log/console.log" 2>&1 < /dev/null &
  echo $! > "$pid_file"
  pid="$(cat "$pid_file")"
  for _ in $(seq 1 "${timeout:-120}"); do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$instance/log/console.log" >&2; die "the broker stopped during start-up"; }
    if grep -q 'AMQ221007' "$instance/log/console.log" && port_open "${address%:*}" "${address##*:}"; then
      echo "Artemis broker of $instance is active on $address (pid $pid)"
      return 0
    fi
    sleep 1
  done
  tail -n 40 "$instance/log/console.log" >&2
  die "the broker did not become active within ${timeout:-120} s"
}

stop() {
  local pid
  pid="$(running_pid)" || { echo "Artemis broker of $instance is not running"; rm -f "$pid_file"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "${timeout:-60}"); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; echo "Artemis broker of $instance stopped"; return 0; }
    sleep 1
  done
  echo "broker.sh: the broker (pid $pid) did not stop within ${timeout:-60} s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

status() {
  local pid
  if pid="$(running_pid)"; then echo "running (pid $pid) on $(acceptor)"; else echo "stopped"; return 3; fi
}

case "$command" in
  create) create ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help) usage 0 ;;
  *) echo "broker.sh: unknown command $command" >&2; usage 2 ;;
esac
