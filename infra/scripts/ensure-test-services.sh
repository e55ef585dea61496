#!/usr/bin/env bash
# Make sure what the test suite talks to is there: PostgreSQL and Redis answering on their
# standard ports, Chromium for the widget's browser tests, espeak-ng for browser voice's spoken test audio,
# promtool for the Prometheus alert rules' tests and PgBouncer for the pooled-database tests. Starts or
# installs only what is missing.
set -euo pipefail

say() { printf 'ensure-test-services: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  command -v apt-get >/dev/null || return 1
  [ -n "${APT_UPDATED:-}" ] || { as_root apt-get update -qq >/dev/null && APT_UPDATED=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -z "${REDIS_URL:-}" ] && ! port_open 6379; then
  command -v redis-server >/dev/null || { say "installing redis-server"; apt_install redis-server; }
  say "starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
fi

if [ -z "${DATABASE_URL:-}" ] && ! port_open 5432; then
  if ! ls /etc/postgresql >/dev/null 2>&1; then say "installing postgresql"; apt_install postgresql; fi
  say "starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | tail -n 1)" main start
fi

for i in $(seq 1 50); do
  { [ -n "${REDIS_URL:-}" ] || port_open 6379; } && { [ -n "${DATABASE_URL:-}" ] || port_open 5432; } && break
  sleep 0.2
done

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
  say "installing chromium (widget browser tests)"
  apt_install chromium || say "could not install chromium: set CHROMIUM_PATH to a Chromium binary"
fi

if ! command -v espeak-ng >/dev/null; then
  say "installing espeak-ng (browser voice: local speech synthesis and spoken test audio)"
  apt_install espeak-ng || say "could not install espeak-ng: realtime's cascaded voice tests need it"
fi

if [ -z "${PROMTOOL:-}" ] && ! command -v promtool >/dev/null; then
  say "installing promtool (Prometheus alert rules' tests)"
  apt_install --no-install-recommends prometheus || say "could not install promtool: set PROMTOOL to a promtool binary"
fi

if [ -z "${PGBOUNCER:-}" ] && ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  say "installing pgbouncer (db-api and webhook-router through a pooler in transaction mode)"
  apt_install pgbouncer || say "could not install pgbouncer: set PGBOUNCER to a pgbouncer binary"
fi
