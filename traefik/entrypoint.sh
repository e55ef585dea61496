#!/bin/sh
# Traefik's static file cannot read the environment: fill in the ACME email and public host,
# then hand over to Traefik with the rendered file.
set -eu
: "${ACME_EMAIL:?set ACME_EMAIL (Let's Encrypt account email) in .env}"
: "${PUBLIC_HOST:?set PUBLIC_HOST (the public DNS name, e.g. voice.example.com) in .env}"
sed -e "s|__ACME_EMAIL__|${ACME_EMAIL}|g" -e "s|__PUBLIC_HOST__|${PUBLIC_HOST}|g" \
  /etc/traefik/traefik.yml > /tmp/traefik.yml
exec traefik --configFile=/tmp/traefik.yml "$@"
