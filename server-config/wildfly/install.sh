#!/usr/bin/env bash
# Turns a stock WildFly 39 (standalone-full) into a CampusProctor server: modules (EclipseLink, ONNX Runtime,
# OpenCV, PostgreSQL driver), vision models, datasource, JMS queues, security, settings; optionally deploys the EAR.
# Offline (the server must be stopped). Repeatable: a re-run applies changed properties; --restore undoes it all.
#
#   install.sh --wildfly-home DIR [--db h2|postgresql] [--broker embedded|remote] [--properties FILE]
#              [--set key=value]... [--ear FILE]
#   install.sh --wildfly-home DIR --restore
# --broker: embedded (default, one node) or remote (several nodes: the standalone Artemis broker at
# campusproctor.broker.host/port, see ../artemis).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wildfly_home=""
db="h2"
broker="embedded"
properties="$here/campusproctor.properties"
ear=""
restore=false
overrides=()

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --wildfly-home) wildfly_home="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --broker) broker="$2"; shift 2 ;;
    --properties) properties="$2"; shift 2 ;;
    --set) overrides+=("$2"); shift 2 ;;
    --ear) ear="$2"; shift 2 ;;
    --restore) restore=true; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done

[ -n "$wildfly_home" ] || { echo "install.sh: --wildfly-home is required" >&2; usage 2; }
[ -f "$wildfly_home/standalone/configuration/standalone-full.xml" ] || {
  echo "install.sh: $wildfly_home is not a WildFly installation (no standalone/configuration/standalone-full.xml)" >&2; exit 2; }
case "$db" in h2|postgresql) ;; *) echo "install.sh: --db must be h2 or postgresql" >&2; exit 2 ;; esac
case "$broker" in embedded|remote) ;; *) echo "install.sh: --broker must be embedded or remote" >&2; exit 2 ;; esac
if $restore; then
  wildfly_home="$(cd "$wildfly_home" && pwd)"
  rm -f "$wildfly_home"/standalone/deployments/campusproctor.ear*
  log="$(mktemp)"
  printf '%s\n' "embed-server --server-config=standalone-full.xml --std-out=discard" "$(cat "$here/cli/restore-remote-broker.cli" "$here/cli/restore.cli")" \
    "stop-embedded-server" > "$log.cli"
  "$wildfly_home/bin/jboss-cli.sh" --file="$log.cli" > "$log" 2>&1 || { cat "$log" >&2; echo "install.sh: restore failed" >&2; exit 1; }
  grep -q '"outcome" => "failed"' "$log" && { cat "$log" >&2; echo "install.sh: a restore step failed" >&2; exit 1; }
  rm -f "$log" "$log.cli"
  echo "Restored $wildfly_home/standalone/configuration/standalone-full.xml (modules under $wildfly_home/modules are kept)"
  exit 0
fi
[ -f "$properties" ] || { echo "install.sh: properties file $properties not found" >&2; exit 2; }
wildfly_home="$(cd "$wildfly_home" && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$properties" "$work/campusproctor.properties"
for kv in "${overrides[@]+"${overrides[@]}"}"; do printf '%s\n' "$kv" >> "$work/campusproctor.properties"; done
# Properties may refer to the server's data directory; resolve it here, where the server's location is known.
sed -i "s#\${jboss.server.data.dir}#$wildfly_home/standalone/data#g" "$work/campusproctor.properties"
prop() { grep -E "^$1=" "$work/campusproctor.properties" | tail -n 1 | cut -d= -f2-; }

echo "Installing modules into $wildfly_home/modules"
# modules/ (outside system/layers) is searched first: the stock org.eclipse.persistence module stays as shipped.
cp -R "$here/modules/." "$wildfly_home/modules/"

models_dir="$(prop campusproctor.models.dir)"
if [ -d "$here/models" ]; then
  echo "Installing vision models into $models_dir"
  mkdir -p "$models_dir"
  cp -R "$here/models/." "$models_dir/"
fi

echo "Configuring standalone-full.xml (database: $db, broker: $broker)"
# The scripts' ${campusproctor.*} parameters are filled in here, from the properties: inside an embedded server the
# CLI would resolve them against the system properties the existing configuration already set, so a changed value
# would never be applied on a re-run.
broker_cli=()
case "$broker" in
  remote) broker_cli=("$here/cli/configure-remote-broker.cli") ;;
esac
script="$(cat "$here/cli/datasource-$db.cli" "$here/cli/configure.cli" "${broker_cli[@]+"${broker_cli[@]}"}")"
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  key="${line%%=*}"
  value="$(prop "$key")"
  script="${script//"\${$key}"/"$value"}"
done < "$work/campusproctor.properties"
{
  echo "embed-server --server-config=standalone-full.xml --std-out=discard"
  printf '%s\n' "$script"
  echo "stop-embedded-server"
} > "$work/install.cli"
"$wildfly_home/bin/jboss-cli.sh" --file="$work/install.cli" --properties="$work/campusproctor.properties" \
  --resolve-parameter-values > "$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; echo "install.sh: configuration failed" >&2; exit 1; }
grep -q '"outcome" => "failed"' "$work/cli.log" && { cat "$work/cli.log" >&2; echo "install.sh: a CLI step failed" >&2; exit 1; }

if [ -n "$ear" ]; then
  echo "Deploying $(basename "$ear")"
  rm -f "$wildfly_home/standalone/deployments/$(basename "$ear")".*
  cp "$ear" "$wildfly_home/standalone/deployments/"
fi
echo "CampusProctor configuration installed in $wildfly_home"
