#!/usr/bin/env bash
# `make restore BACKUP=file [RESTORE_DB=name]`: a pg_dump custom-format file into a fresh database
# (never over an existing one), in one transaction: it is all there or not at all.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(.venv/bin/python scripts/pg_env.py)"
src=${BACKUP:?usage: make restore BACKUP=var/backups/<file>.dump [RESTORE_DB=<new database>]}
[ -f "$src" ] || { echo "no backup file $src" >&2; exit 2; }
target=${RESTORE_DB:-${PGDATABASE}_restored_$(date -u +%Y%m%d%H%M%S)}
if [ -n "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$target'")" ]; then
  echo "database $target exists; restore into a fresh one (RESTORE_DB=<new name>)" >&2
  exit 1
fi
createdb --template=template0 --encoding=UTF8 "$target"
if ! pg_restore --no-owner --exit-on-error --single-transaction --dbname="$target" "$src"; then
  dropdb "$target"
  echo "the restore failed; $target was dropped" >&2
  exit 1
fi
echo "Restored $src into database $target."
echo "Serve it with GEOMEKONG_DB_NAME=$target make serve (or point DATABASE_URL at it)."
