#!/usr/bin/env bash
# Turns a stock Payara 6 into a CampusProctor server: a domain (created if missing), the server libraries (ONNX
# Runtime, OpenCV, PostgreSQL driver) in its lib/, the vision models, the database, JMS through the Artemis resource
# adapter to a standalone Artemis broker (server-config/artemis), security, batch, settings; optionally deploys the
# EAR. Starts the domain for the configuration and leaves it as it was (stopped, or running). Repeatable: a re-run
# applies changed properties; --restore undoes it all.
#
#   install.sh --payara-home DIR [--domain campusproctor] [--portbase 8000] [--db h2|postgresql]
#              [--properties FILE] [--set key=value]... [--broker HOST:PORT] [--broker-user campusproctor]
#              [--broker-password campusproctor] [--max-heap SIZE] [--ear FILE]
#   install.sh --payara-home DIR [--domain campusproctor] --restore
set -euo pipefail
trap 'echo "install.sh: failed at line $LINENO" >&2' ERR

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
payara_home=""
domain="campusproctor"
portbase=8000
db="h2"
properties="$here/campusproctor.properties"
broker="127.0.0.1:61716"
broker_user="campusproctor"
broker_password="campusproctor"
max_heap=""
ear=""
restore=false
overrides=()

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "install.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --payara-home) payara_home="$2"; shift 2 ;;
    --domain) domain="$2"; shift 2 ;;
    --portbase) portbase="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --properties) properties="$2"; shift 2 ;;
    --set) overrides+=("$2"); shift 2 ;;
    --broker) broker="$2"; shift 2 ;;
    --broker-user) broker_user="$2"; shift 2 ;;
    --broker-password) broker_password="$2"; shift 2 ;;
    --max-heap) max_heap="$2"; shift 2 ;;
    --ear) ear="$2"; shift 2 ;;
    --restore) restore=true; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done

[ -n "$payara_home" ] || { echo "install.sh: --payara-home is required" >&2; usage 2; }
[ -x "$payara_home/bin/asadmin" ] || die "$payara_home is not a Payara installation (no bin/asadmin)"
case "$db" in h2|postgresql) ;; *) die "--db must be h2 or postgresql" ;; esac
case "$broker" in *:*) ;; *) die "--broker must be HOST:PORT" ;; esac
payara_home="$(cd "$payara_home" && pwd)"
asadmin="$payara_home/bin/asadmin"
domains_dir="$payara_home/glassfish/domains"
domain_dir="$domains_dir/$domain"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -d "$domain_dir" ]; then
  $restore && die "no domain $domain in $domains_dir"
  echo "Creating domain $domain (port base $portbase: HTTP $((portbase + 80)), administration $((portbase + 48)))"
  # local administration only: the admin listener needs no password from this machine
  "$asadmin" create-domain --portbase "$portbase" --nopassword true "$domain" > "$work/create.log" 2>&1 \
    || { cat "$work/create.log" >&2; die "create-domain failed"; }
fi
# a listener's port in the domain's own configuration (server-config: the first of each name in domain.xml)
listener_port() { grep -m 1 "<network-listener [^>]*name=\"$1\"" "$domain_dir/config/domain.xml" | grep -o ' port="[0-9]*"' | tr -dc 0-9; }
admin_port="$(listener_port admin-listener)"
[ -n "$admin_port" ] || die "cannot read the administration port of $domain"
adm() { "$asadmin" --port "$admin_port" --interactive=false "$@"; }

running() { adm list-domains --domaindir "$domains_dir" 2>/dev/null | grep -q "^$domain running"; }
was_running=false
running && was_running=true
# asadmin's configuration commands need the domain running: started here (or restarted, for new lib/ jars), and
# stopped again at the end unless it ran before
domain_up() {
  local verb=start-domain
  running && verb=restart-domain
  echo "${verb%-domain}ing domain $domain for the configuration"
  "$asadmin" "$verb" --domaindir "$domains_dir" "$domain" > "$work/start.log" 2>&1 \
    || { cat "$work/start.log" >&2; die "$verb failed"; }
}
finish() {
  $was_running || "$asadmin" stop-domain --domaindir "$domains_dir" "$domain" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap finish EXIT

# Values for the scripts' ${key} placeholders: campusproctor.properties, --set, and what this script knows. They
# are escaped for asadmin's property lists (key=value:key=value), where ':', '=' and '\' need a backslash.
cp "$properties" "$work/campusproctor.properties" 2>/dev/null || $restore || die "properties file $properties not found"
for kv in "${overrides[@]+"${overrides[@]}"}"; do printf '%s\n' "$kv" >> "$work/campusproctor.properties"; done
# Properties may refer to the server's data directory; on Payara that is the domain's data/.
sed -i "s#\${jboss.server.data.dir}#$domain_dir/data#g" "$work/campusproctor.properties"
printf '%s\n' "campusproctor.db.dir=$domain_dir/data/campusproctor/h2" "payara.domain.dir=$domain_dir" \
  "payara.bundle=$here" "broker.host=${broker%:*}" "broker.port=${broker##*:}" "broker.user=$broker_user" \
  "broker.password=$broker_password" >> "$work/campusproctor.properties"
prop() { grep -E "^${1//./\\.}=" "$work/campusproctor.properties" | tail -n 1 | cut -d= -f2-; }
escape() { local v="${1//\\/\\\\}"; v="${v//:/\\:}"; printf '%s' "${v//=/\\=}"; }
# fills a script's placeholders; in asadmin multimode files a backslash must itself be doubled
fill() {
  local text key
  text="$(cat "$1")"
  while IFS= read -r key; do
    text="${text//"\${$key}"/"$(escape "$(prop "$key")" | sed 's/\\/\\\\/g')"}"
  done < <(grep -o '\${[a-z.-]*}' "$1" | sort -u | sed 's/^\${//; s/}$//')
  printf '%s\n' "$text" | grep -v '^#' | grep -v '^$'
}
# Settings become system properties: every key of campusproctor.properties except those only the scripts read
setting_keys() { grep -E '^campusproctor\.' "$work/campusproctor.properties" | cut -d= -f1 | sort -u \
  | grep -Ev '^campusproctor\.(db|jms)\.'; }

# asadmin multimode goes on after a failed command: its output names each failure
run_script() {
  adm multimode --file "$1" > "$work/asadmin.log" 2>&1 || true
  if grep -Eq 'remote failure|Command .* failed|Usage: |Remote server does not listen|Invalid' "$work/asadmin.log"; then
    cat "$work/asadmin.log" >&2; return 1
  fi
}

undo() {
  fill "$here/asadmin/restore.asadmin" > "$work/restore.asadmin"
  adm multimode --file "$work/restore.asadmin" > "$work/restore.log" 2>&1 || true
  for key in $(adm list-system-properties 2>/dev/null | grep -Eo '^campusproctor\.[a-z.-]+' || true); do
    adm delete-system-property "$key" > /dev/null 2>&1 || true
  done
  if [ -f "$domain_dir/config/campusproctor-heap" ]; then
    adm delete-jvm-options "$(cat "$domain_dir/config/campusproctor-heap")" > /dev/null 2>&1 || true
    adm create-jvm-options -Xmx512m > /dev/null 2>&1 || true
    rm -f "$domain_dir/config/campusproctor-heap"
  fi
}

if $restore; then
  running || domain_up
  undo
  rm -rf "$domain_dir/lib/classes/ai/onnxruntime"
  rm -f "$domain_dir"/lib/campusproctor-*.jar
  echo "Restored domain $domain (its data and vision models are kept)"
  exit 0
fi

echo "Installing server libraries into $domain_dir/lib"
# lib/*.jar and lib/classes/ are on the common class path of every application, outside the EAR. ONNX Runtime is
# unpacked into lib/classes/, so that its native libraries load in place (onnxruntime.native.path), not extracted
# to a temporary directory.
rm -f "$domain_dir"/lib/campusproctor-*.jar
for jar in "$here"/lib/*.jar; do cp "$jar" "$domain_dir/lib/campusproctor-$(basename "$jar")"; done
rm -rf "$domain_dir/lib/classes/ai/onnxruntime"
mkdir -p "$domain_dir/lib/classes"
cp -R "$here/classes/." "$domain_dir/lib/classes/"

models_dir="$(prop campusproctor.models.dir)"
if [ -d "$here/models" ]; then
  echo "Installing vision models into $models_dir"
  mkdir -p "$models_dir"
  cp -R "$here/models/." "$models_dir/"
fi

# lib/ is read when the domain starts
domain_up
echo "Configuring domain $domain (database: $db, broker: $broker)"
undo
{ fill "$here/asadmin/datasource-$db.asadmin"; fill "$here/asadmin/configure.asadmin"; } > "$work/configure.asadmin"
run_script "$work/configure.asadmin" || die "configuration failed"

# one create-system-properties for all settings; an empty value is left unset (the application's default is empty)
props=""
for key in $(setting_keys); do
  value="$(prop "$key")"
  if [ -n "$value" ]; then props="${props:+$props:}$key=$(escape "$value")"; fi
done
adm create-system-properties "$props" > "$work/props.log" 2>&1 || { cat "$work/props.log" >&2; die "system properties failed"; }
if [ -n "$max_heap" ]; then
  adm delete-jvm-options -Xmx512m > /dev/null 2>&1 || true
  adm create-jvm-options "-Xmx$max_heap" > /dev/null
  echo "-Xmx$max_heap" > "$domain_dir/config/campusproctor-heap"
fi

if [ -n "$ear" ]; then
  echo "Deploying $(basename "$ear")"
  adm deploy --name campusproctor --force true "$ear" > "$work/deploy.log" 2>&1 \
    || { cat "$work/deploy.log" >&2; die "deploying $(basename "$ear") failed"; }
fi
# the JVM options apply from the next start
if $was_running; then domain_up; fi
http_port="$(listener_port http-listener-1)"
echo "CampusProctor configuration installed in domain $domain of $payara_home (HTTP port $http_port)"
