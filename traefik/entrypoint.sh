#!/bin/sh
# Traefik's static file cannot read the environment: fill in the ACME email and public host,
# then hand over to Traefik with the rendered file.
set -eu
: "${ACME_EMAIL:?set ACME_EMAIL (Let's Encrypt account email) in .env}"
: "${PUBLIC_HOST:?set PUBLIC_HOST (the public DNS name, e.g. voice.example.com) in .env}"
sed -e "s|__ACME_EMAIL__|${ACME_EMAIL}|g" -e "s|__PUBLIC_HOST__|${PUBLIC_HOST}|g" \
  /etc/traefik/traefik.yml > /tmp/traefik.yml
# With OTEL_EXPORTER_OTLP_ENDPOINT (the services' collector, e.g. http://otel-collector:4318), Traefik
# traces each request to the same collector and passes its `traceparent` on: one trace from the edge on.
if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
  printf 'tracing:\n  serviceName: traefik\n  otlp:\n    http:\n      endpoint: "%s/v1/traces"\n' "${OTEL_EXPORTER_OTLP_ENDPOINT%/}" >> /tmp/traefik.yml
fi
exec traefik --configFile=/tmp/traefik.yml "$@"
