"""The benchmark's scratch database on the local cluster: the real data plus N generated projects."""

import os
import time

from django.core.management import call_command
from django.db import connection

from projects.models import Project
from projects.synthetic import clear_generated, generate_projects


def ensure_database(name: str) -> dict:
    """Create the database (with PostGIS) unless it exists; returns the libpq parameters."""
    import psycopg

    from geomekong.database import database_config

    config = database_config(os.environ, base_dir=None)
    dsn = dict(host=config["HOST"], port=int(config["PORT"]), user=config["USER"])
    with psycopg.connect(dbname="postgres", autocommit=True, **dsn) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(dbname=name, autocommit=True, **dsn) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    return {**dsn, "dbname": name}


def prepare_real_data() -> None:
    call_command("migrate", verbosity=0)
    call_command("import_sources", verbosity=0)
    call_command("load_geodata", verbosity=0)
    call_command("link_mentions", verbosity=0)


def fill(size: int, *, seed: int = 1) -> dict:
    """Exactly `size` generated projects (generated again only when the count differs)."""
    current = Project.objects.filter(generated=True).count()
    if current == size:
        return {"generated": size, "seconds": None}
    start = time.perf_counter()
    clear_generated()
    generate_projects(count=size, seed=seed)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) projects_project")
    return {"generated": size, "seconds": time.perf_counter() - start}
