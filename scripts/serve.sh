#!/usr/bin/env bash
# `make serve`: the production server (gunicorn, geomekong/gunicorn_config.py) with DEBUG off.
# Without SECRET_KEY it uses var/secret_key, generating one on the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if [ -z "${SECRET_KEY:-}" ]; then
  keyfile=var/secret_key
  if [ ! -s "$keyfile" ]; then
    mkdir -p var
    (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$keyfile")
    echo "SECRET_KEY was not set: generated a new one into $keyfile (kept for the next runs;" \
         "set SECRET_KEY to use your own)"
  else
    echo "SECRET_KEY was not set: using the one in $keyfile"
  fi
  SECRET_KEY=$(cat "$keyfile")
  export SECRET_KEY
fi
unset DEBUG GEOMEKONG_DEVELOPMENT
GEOMEKONG_RELEASE=${GEOMEKONG_RELEASE:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo dev)}
export GEOMEKONG_RELEASE

# Static files: collected again only when a source (ours or a package's) is newer than the last
# collection.
manifest=var/static/staticfiles.json
if [ ! -f "$manifest" ] || \
   [ -n "$(find static .venv/lib -path '*static/*' -type f -newer "$manifest" -print -quit 2>/dev/null)" ]; then
  echo "Collecting static files into var/static (hashed names, gzip and brotli copies)"
  "$PY" manage.py collectstatic --noinput -v 0
fi
echo "Serving on http://${HOST:-127.0.0.1}:${PORT:-8000}/ (gunicorn; DEBUG off)"
exec .venv/bin/gunicorn -c geomekong/gunicorn_config.py geomekong.wsgi
