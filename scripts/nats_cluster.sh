#!/usr/bin/env bash
# A three-server NATS JetStream cluster on loopback, for pressroom's replicas.
#
#   scripts/nats_cluster.sh start [DIR]   # servers on 127.0.0.1:4222-4224, data and logs in DIR
#   scripts/nats_cluster.sh stop  [DIR]
#
# Needs nats-server (Debian: apt-get install nats-server). Prints the URLs to give to
# `pressroom publish --nats` and `pressroom serve --follow`.
set -euo pipefail
action=${1:-start}
dir=${2:-/tmp/pressroom-nats}
base=${PRESSROOM_NATS_PORT:-4222}
routes="nats://127.0.0.1:$((base + 2000)),nats://127.0.0.1:$((base + 2001)),nats://127.0.0.1:$((base + 2002))"
case "$action" in
start)
    mkdir -p "$dir"
    for i in 0 1 2; do
        mkdir -p "$dir/n$i"
        nats-server -js -sd "$dir/n$i" -n "n$i" -a 127.0.0.1 -p $((base + i)) \
            --cluster_name pressroom --cluster "nats://127.0.0.1:$((base + 2000 + i))" --routes "$routes" \
            >"$dir/n$i.log" 2>&1 &
        echo $! >"$dir/n$i.pid"
    done
    sleep 2
    echo "nats://127.0.0.1:$base,nats://127.0.0.1:$((base + 1)),nats://127.0.0.1:$((base + 2))"
    ;;
stop)
    for i in 0 1 2; do
        [ -f "$dir/n$i.pid" ] && kill "$(cat "$dir/n$i.pid")" 2>/dev/null || true
        rm -f "$dir/n$i.pid"
    done
    ;;
*)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
