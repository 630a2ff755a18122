"""Print `export PG...=` lines for the database the site uses (DATABASE_URL or the local cluster),
so pg_dump, pg_restore and psql in the scripts reach the same database as Django."""

import os
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomekong.database import database_config  # noqa: E402

config = database_config(os.environ, base_dir=Path(__file__).resolve().parents[1])
for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD"),
                      ("PGDATABASE", "NAME")]:
    print(f"export {variable}={shlex.quote(str(config.get(key) or ''))}")
