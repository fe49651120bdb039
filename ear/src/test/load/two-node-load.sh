#!/usr/bin/env bash
# Analysis capacity of one node against two, on one machine: the nodes that ClusterIT installs (ear/target/it/cluster-1
# and cluster-2: PostgreSQL database campusproctor_it_cluster, its own standalone broker, one media directory),
# each pinned to its own CPU core (taskset), under a closed-loop frame load on node 1 (FrameLoad). The rate is read
# from the database: frames analysed per second, per node, over each measured minute (the broker keeps the workers
# busy: the backlog stays at its bound).
#
# --cpus C also caps each node at C cores (a CPU quota in the node's own cgroup; needs root): with C below one, the
# database, the broker and the load generator keep CPU of their own when the second node starts, so what is measured
# is how the application scales with the CPU its nodes get, not how one small machine shares its cores.
#
#   ./mvnw -B verify            # once: builds and installs the cluster nodes (ClusterIT)
#   ear/src/test/load/two-node-load.sh [--candidates 16] [--seconds 60] [--warm-up 90] [--cores 0,1] [--cpus 0.5]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ear="$PWD"
candidates=16 seconds=60 warmup=90 cores=0,1 cpus=
while [ $# -gt 0 ]; do
  case "$1" in
    --candidates) candidates="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warm-up) warmup="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    *) echo "usage: $0 [--candidates N] [--seconds S] [--warm-up S] [--cores A,B] [--cpus C]" >&2; exit 2 ;;
  esac
done
core1="${cores%%,*}" core2="${cores##*,}"
node1="$(ls -d "$ear"/target/it/cluster-1/wildfly-* 2>/dev/null | head -n 1)"
node2="$(ls -d "$ear"/target/it/cluster-2/wildfly-* 2>/dev/null | head -n 1)"
broker="$ear/target/it/artemis/broker-cluster"
[ -n "$node1" ] && [ -n "$node2" ] && [ -d "$broker" ] || { echo "two-node-load: run ./mvnw -B verify first (ClusterIT installs the nodes)" >&2; exit 2; }
# the cgroup a node runs in when --cpus is given: cgroup v1's cpu controller or cgroup v2, whichever the machine has
cgroup_for() { # name -> directory, with the quota set
  local dir quota period=100000
  quota="$(awk -v c="$cpus" -v p="$period" 'BEGIN { printf "%d", c * p }')"
  if [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
    dir="/sys/fs/cgroup/cpu/campusproctor-$1"; mkdir -p "$dir"
    echo "$period" > "$dir/cpu.cfs_period_us"; echo "$quota" > "$dir/cpu.cfs_quota_us"
  elif grep -qw cpu /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    echo +cpu > /sys/fs/cgroup/cgroup.subtree_control
    dir="/sys/fs/cgroup/campusproctor-$1"; mkdir -p "$dir"; echo "$quota $period" > "$dir/cpu.max"
  else
    echo "two-node-load: --cpus needs a writable cpu cgroup (run as root)" >&2; return 1
  fi
  echo "$dir"
}
sql() { psql -h 127.0.0.1 -U postgres -d campusproctor_it_cluster -At -c "$1"; }

"$ear/../server-config/target/campusproctor-artemis/broker.sh" start --instance "$broker"
started=()
stop_all() {
  for pid in "${started[@]}"; do pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; done
  pkill -9 -f 'jboss.node.name=load-node-' 2>/dev/null || true
  for dir in /sys/fs/cgroup/cpu/campusproctor-load-node-* /sys/fs/cgroup/campusproctor-load-node-*; do
    [ -d "$dir" ] && rmdir "$dir" 2>/dev/null || true
  done
  "$ear/../server-config/target/campusproctor-artemis/broker.sh" stop --instance "$broker" || true
}
trap stop_all EXIT
start_node() { # home offset name core
  local cgroup=
  [ -z "$cpus" ] || cgroup="$(cgroup_for "$3")"
  ( export JBOSS_HOME="$1" JAVA_OPTS="-Xms128m -Xmx1g -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
    # the subshell joins the node's cgroup first: the server's processes inherit it
    [ -z "$cgroup" ] || echo "$BASHPID" > "$cgroup/cgroup.procs"
    exec taskset -c "$4" "$1/bin/standalone.sh" -c standalone-full.xml -Djboss.socket.binding.port-offset="$2" \
      -Djboss.node.name="$3" -Djboss.tx.node.id="$3" > "$ear/target/it/$3.log" 2>&1 ) &
  started+=("$!")
  for _ in $(seq 1 150); do
    curl -sf -o /dev/null "http://localhost:$((8080 + $2))/campusproctor/api/system/status" && return 0
    sleep 2
  done
  echo "two-node-load: $3 did not start (see target/it/$3.log)" >&2; return 1
}
load() { # prefix seconds
  CAMPUSPROCTOR_ADMIN_PASSWORD=demo-admin "$ear/src/test/load/frame-load.sh" --url http://localhost:9080/campusproctor \
    --candidates "$candidates" --seconds "$2" --closed-loop --grace 30 --prefix "$1" --out "$ear/target/load/$1"
}
# frames analysed per second over the last measured window, per node
rate() { # from until
  sql "SELECT worker_node, round(count(*) / $seconds.0, 1) FROM frame_analysis WHERE analysed_at >= '$1' AND analysed_at < '$2' GROUP BY worker_node ORDER BY 1"
}
window() { # prefix: a warm-up, then a measured window in the middle of a closed-loop run
  # the warm-up fills the backlog to its bound, so that in the window uploads are accepted only as fast as frames are
  # analysed (while it fills, the node spends CPU accepting more frames than it analyses). FrameLoad exits non-zero
  # when frames are still unanalysed after its grace: at saturation they are, by design
  load "$1-warm" "$warmup" > /dev/null || true
  local from until
  ( load "$1" "$((seconds + 20))" > "$ear/target/load/$1.txt" || true ) &
  local run=$!
  sleep 10; from="$(date -u '+%F %T')"; sleep "$seconds"; until="$(date -u '+%F %T')"
  wait "$run"
  rate "$from" "$until"
}
mkdir -p "$ear/target/load"
start_node "$node1" 1000 load-node-1 "$core1"
echo "one node (core $core1${cpus:+, at most $cpus of it}), frames analysed per second:"; window one
start_node "$node2" 1100 load-node-2 "$core2"
echo "two nodes (cores $core1 and $core2${cpus:+, at most $cpus of each}), frames analysed per second:"; window two
