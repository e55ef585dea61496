#!/bin/sh
# Swarm: the static file and the route table arrive as configs. Fill in the ACME email and public
# host, read the shared route table's Docker-provider services as Swarm-provider ones, then start Traefik.
set -eu
: "${ACME_EMAIL:?set ACME_EMAIL (Let's Encrypt account email)}"
: "${PUBLIC_HOST:?set PUBLIC_HOST (the public DNS name, e.g. voice.example.com)}"
sed -e "s|__ACME_EMAIL__|${ACME_EMAIL}|g" -e "s|__PUBLIC_HOST__|${PUBLIC_HOST}|g" \
  /etc/traefik/traefik.yml > /tmp/traefik.yml
mkdir -p /tmp/dynamic
sed -e 's|@docker$|@swarm|' /etc/traefik/routes.yml > /tmp/dynamic/routes.yml
# With OTEL_EXPORTER_OTLP_ENDPOINT (the services' collector, e.g. http://otel-collector:4318), Traefik
# traces each request to the same collector and passes its `traceparent` on: one trace from the edge on.
if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
  printf 'tracing:\n  serviceName: traefik\n  otlp:\n    http:\n      endpoint: "%s/v1/traces"\n' "${OTEL_EXPORTER_OTLP_ENDPOINT%/}" >> /tmp/traefik.yml
fi
exec traefik --configFile=/tmp/traefik.yml "$@"
