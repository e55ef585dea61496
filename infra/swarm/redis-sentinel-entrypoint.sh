#!/bin/sh
# Sentinel rewrites its own configuration file, so it starts from a fresh copy in the container.
# It watches the master by name (Docker's DNS), and announces names rather than task addresses.
set -eu
cat > /tmp/sentinel.conf <<CONF
port 26379
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel monitor vocalia redis-1 6379 2
sentinel down-after-milliseconds vocalia 5000
sentinel failover-timeout vocalia 60000
sentinel parallel-syncs vocalia 1
CONF
exec redis-server /tmp/sentinel.conf --sentinel
