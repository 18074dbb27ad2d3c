#!/usr/bin/env bash
# A three-node Docker Swarm on this machine, for proving deploy/swarm/stack.yml (docs/scaling.md,
# "The stack on a local three-node swarm"):
#
#   deploy/local/swarm-engine.sh start             # nodes, swarm (3 managers), labels, images
#   deploy/local/swarm-engine.sh stop              # every node's daemon (data roots stay)
#   deploy/local/swarm-engine.sh status
#   deploy/local/swarm-engine.sh node-down N       # node N fails: its link goes down, its daemon stops
#   deploy/local/swarm-engine.sh node-up N         # ... and comes back
#   deploy/local/swarm-engine.sh docker N ARGS...  # the docker CLI on node N
#
# Each node is Debian's dockerd in a network namespace of its own (eventonight-swarm-N) and a UTS
# namespace of its own (hostname swarm-N, so that placement and Traefik's socket path can tell the
# nodes apart), with its own data root. A veth pair joins each node to a bridge that lives in a
# fourth namespace; the host joins that bridge too (EN_SWARM_HOST_ADDRESS), so it reaches each
# node's published ports (Traefik: 80 and 8088) on 10.77.0.N. Images are built once by the single
# engine of deploy/local/engine.sh and copied into each node (docker save | docker load).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap_unexpected_errors

: "${EN_SWARM_NODES:=3}"
: "${EN_SWARM_PREFIX:=10.77.0}"
: "${EN_SWARM_HOST_ADDRESS:=$EN_SWARM_PREFIX.254}"
: "${EN_SWARM_BRIDGE_NETNS:=eventonight-swarm-bridge}"
: "${EN_SWARM_ROOT:=$EN_PROD_CACHE/swarm}"
# Overlay networks' subnets: away from the nodes' own 10.77.0.0/24 and from compose's 172.30.x.
: "${EN_SWARM_ADDR_POOL:=10.200.0.0/16}"
readonly SWARM_LOGS=$EN_PROD_STATE/swarm-logs

node_netns() { echo "eventonight-swarm-$1"; }
node_address() { echo "$EN_SWARM_PREFIX.$1"; }
node_exec_root() { echo "/run/eventonight-swarm-$1"; }
# The socket Traefik's task on node N mounts (stack.local.yml: /run/eventonight-swarm/{{.Node.Hostname}}.sock).
node_socket() { echo "/run/eventonight-swarm/swarm-$1.sock"; }
node_docker() {
  local n=$1
  shift
  DOCKER_HOST="unix://$(node_socket "$n")" docker "$@"
}
node_up() { node_docker "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

ensure_netns() { [ -e "/var/run/netns/$1" ] || as_root ip netns add "$1"; as_root ip -n "$1" link set lo up; }

# The bridge namespace with its bridge, and the host's own port on it.
link_bridge() {
  ensure_netns "$EN_SWARM_BRIDGE_NETNS"
  ip -n "$EN_SWARM_BRIDGE_NETNS" link show br-swarm >/dev/null 2>&1 ||
    as_root ip -n "$EN_SWARM_BRIDGE_NETNS" link add br-swarm type bridge
  as_root ip -n "$EN_SWARM_BRIDGE_NETNS" link set br-swarm up
  if ! ip link show en-sw-host >/dev/null 2>&1; then
    as_root ip link add en-sw-host type veth peer name en-sw-host-br
    as_root ip link set en-sw-host-br netns "$EN_SWARM_BRIDGE_NETNS"
  fi
  as_root ip -n "$EN_SWARM_BRIDGE_NETNS" link set en-sw-host-br master br-swarm up
  as_root ip addr replace "$EN_SWARM_HOST_ADDRESS/24" dev en-sw-host
  as_root ip link set en-sw-host up
}

# Node N's namespace and its veth into the bridge (en-sw-N inside the node, en-sw-N-br on the bridge).
link_node() {
  local n=$1 ns
  ns=$(node_netns "$n")
  ensure_netns "$ns"
  if ! ip -n "$ns" link show "en-sw-$n" >/dev/null 2>&1; then
    as_root ip link add "en-sw-$n" type veth peer name "en-sw-$n-br"
    as_root ip link set "en-sw-$n" netns "$ns"
    as_root ip link set "en-sw-$n-br" netns "$EN_SWARM_BRIDGE_NETNS"
  fi
  as_root ip -n "$EN_SWARM_BRIDGE_NETNS" link set "en-sw-$n-br" master br-swarm up
  as_root ip -n "$ns" addr replace "$(node_address "$n")/24" dev "en-sw-$n"
  as_root ip -n "$ns" link set "en-sw-$n" up
}

start_daemon() {
  local n=$1 root=$EN_SWARM_ROOT/node-$n exec_root pidfile
  exec_root=$(node_exec_root "$n")
  pidfile=$exec_root.pid
  node_up "$n" && return 0
  mkdir -p "$root" "$exec_root" "$(dirname "$(node_socket "$n")")" "$SWARM_LOGS"
  log "swarm: starting node $n's dockerd (namespace $(node_netns "$n"), log: $SWARM_LOGS/dockerd-$n.log)"
  # nsenter, not `ip netns exec` (which remounts /sys); unshare --uts gives the node its own hostname.
  setsid nsenter --net="/var/run/netns/$(node_netns "$n")" unshare --uts sh -c \
    "hostname swarm-$n && exec dockerd --data-root '$root' --exec-root '$exec_root' --pidfile '$pidfile' -H 'unix://$(node_socket "$n")'" \
    >>"$SWARM_LOGS/dockerd-$n.log" 2>&1 </dev/null &
  local waited=0
  until node_up "$n"; do
    [ "$waited" -lt 60 ] || fail_with_log "swarm: node $n's dockerd did not answer within 60s" "$SWARM_LOGS/dockerd-$n.log"
    sleep 1
    waited=$((waited + 1))
  done
}

stop_daemon() {
  local n=$1 pidfile
  pidfile=$(node_exec_root "$n").pid
  pid_alive "$pidfile" || return 0
  log "swarm: stopping node $n's dockerd"
  kill "$(cat "$pidfile")"
  local waited=0
  while pid_alive "$pidfile" && [ "$waited" -lt 90 ]; do sleep 1; waited=$((waited + 1)); done
}

swarm_state() { node_docker "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }

# Node 1 initialises the swarm; the others join as managers (three managers: Raft tolerates one loss).
form_swarm() {
  if [ "$(swarm_state 1)" != active ]; then
    log "swarm: initialising on node 1 ($(node_address 1))"
    node_docker 1 swarm init --advertise-addr "$(node_address 1)" --default-addr-pool "$EN_SWARM_ADDR_POOL" >/dev/null
  fi
  local token n
  token=$(node_docker 1 swarm join-token -q manager)
  for ((n = 2; n <= EN_SWARM_NODES; n++)); do
    [ "$(swarm_state "$n")" = active ] && continue
    log "swarm: node $n joins as a manager"
    node_docker "$n" swarm join --advertise-addr "$(node_address "$n")" --token "$token" "$(node_address 1):2377" >/dev/null
  done
  # Labels the stack's placement reads: eventonight.member=N pins member N of each cluster.
  local id
  for ((n = 1; n <= EN_SWARM_NODES; n++)); do
    id=$(node_docker "$n" info --format '{{.Swarm.NodeID}}')
    node_docker 1 node update --label-add "eventonight.member=$n" "$id" >/dev/null
  done
}

# Copies the images named on stdin (one reference a line) from the build engine into every node
# whose copy is missing or different.
load_images() {
  local refs=() ref id n missing
  mapfile -t refs
  for ((n = 1; n <= EN_SWARM_NODES; n++)); do
    node_up "$n" || continue
    missing=()
    for ref in "${refs[@]}"; do
      id=$(docker image inspect --format '{{.Id}}' "$ref")
      [ "$(node_docker "$n" image inspect --format '{{.Id}}' "$ref" 2>/dev/null)" = "$id" ] || missing+=("$ref")
    done
    [ ${#missing[@]} -gt 0 ] || continue
    log "swarm: loading ${#missing[@]} images into node $n"
    docker save "${missing[@]}" | node_docker "$n" load >>"$SWARM_LOGS/load-$n.log" 2>&1 ||
      fail_with_log "swarm: loading images into node $n failed" "$SWARM_LOGS/load-$n.log"
  done
}

start() {
  bash "$(dirname "${BASH_SOURCE[0]}")/engine.sh" start
  link_bridge
  local n
  for ((n = 1; n <= EN_SWARM_NODES; n++)); do link_node "$n"; start_daemon "$n"; done
  form_swarm
}

node_down() {
  local n=$1
  # The link first: to the others the node vanishes at once, as in a power cut or a cable pulled.
  as_root ip -n "$(node_netns "$n")" link set "en-sw-$n" down
  stop_daemon "$n"
}

node_up_again() {
  local n=$1
  link_node "$n"
  start_daemon "$n"
}

status() {
  local n
  for ((n = 1; n <= EN_SWARM_NODES; n++)); do
    if node_up "$n"; then echo "node $n: $(swarm_state "$n") ($(node_address "$n"))"; else echo "node $n: stopped"; fi
  done
  node_up 1 && node_docker 1 node ls
}

case "${1:-}" in
  start) start ;;
  stop) for ((n = EN_SWARM_NODES; n >= 1; n--)); do stop_daemon "$n"; done ;;
  status) status ;;
  load-images) load_images ;;
  node-down) node_down "${2:?node number}" ;;
  node-up) node_up_again "${2:?node number}" ;;
  docker) shift; n=${1:?node number}; shift; node_docker "$n" "$@" ;;
  *) echo "usage: $0 start|stop|status|load-images|node-down N|node-up N|docker N ARGS..." >&2; exit 2 ;;
esac
