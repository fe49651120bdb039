#!/usr/bin/env bash
# Starts a configured Payara domain (install.sh) and waits until CampusProctor answers, or stops it.
#
#   server.sh start --payara-home DIR [--domain campusproctor] [--timeout 300]
#   server.sh stop  --payara-home DIR [--domain campusproctor]
#
# Payara reports a started domain before its applications have loaded: start waits for
# /campusproctor/api/system/status on the domain's HTTP port, and fails (with the log's end) if it never answers.
set -euo pipefail

[ $# -gt 0 ] || { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
command="$1"; shift
payara_home=""
domain="campusproctor"
timeout=300
while [ $# -gt 0 ]; do
  case "$1" in
    --payara-home) payara_home="$2"; shift 2 ;;
    --domain) domain="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    *) echo "server.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$payara_home/bin/asadmin" ] || { echo "server.sh: no Payara at '$payara_home'" >&2; exit 2; }
domains_dir="$payara_home/glassfish/domains"
domain_dir="$domains_dir/$domain"
[ -f "$domain_dir/config/domain.xml" ] || { echo "server.sh: no domain $domain (install.sh creates it)" >&2; exit 2; }

case "$command" in
  start)
    http_port="$(grep -m 1 '<network-listener [^>]*name="http-listener-1"' "$domain_dir/config/domain.xml" \
      | grep -o ' port="[0-9]*"' | tr -dc 0-9)"
    url="http://localhost:$http_port/campusproctor/"
    "$payara_home/bin/asadmin" start-domain --domaindir "$domains_dir" "$domain"
    for _ in $(seq 1 "$timeout"); do
      if curl -fs -o /dev/null "${url}api/system/status"; then
        echo "CampusProctor is running on Payara: $url"
        exit 0
      fi
      sleep 1
    done
    tail -n 60 "$domain_dir/logs/server.log" >&2
    echo "server.sh: CampusProctor did not answer on $url within $timeout s" >&2
    exit 1
    ;;
  stop)
    "$payara_home/bin/asadmin" stop-domain --domaindir "$domains_dir" "$domain"
    ;;
  *) echo "server.sh: unknown command $command" >&2; exit 2 ;;
esac
