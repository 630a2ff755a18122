#!/usr/bin/env bash
# `make backup`: the whole database in pg_dump's custom format, into var/backups/ (or BACKUP=file).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(.venv/bin/python scripts/pg_env.py)"
out=${BACKUP:-var/backups/${PGDATABASE}-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$out")"
pg_dump --format=custom --no-owner --file="$out"
echo "Backed up database $PGDATABASE to $out ($(du -h "$out" | cut -f1))"
echo "Restore it into a fresh database with: make restore BACKUP=$out"
