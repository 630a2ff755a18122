"""Benchmark of the spatial queries on 100,000 and 1,000,000 generated projects (run on demand).

    .venv/bin/python bench/bench_spatial.py                 # 100k and 1M, writes docs/benchmarks.md
    .venv/bin/python bench/bench_spatial.py --sizes 100000  # only 100k

It works in its own scratch database (default geomekong_bench, created if missing, on the same
cluster as the app), never in the app's database: migrate, load the real sources, corridors,
countries and projects, then add N generated projects (projects/synthetic.py) and time the
endpoints through Django's test client, so the numbers include the view, the SQL and the JSON.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "geomekong.settings")
os.environ.setdefault("GEOMEKONG_DEVELOPMENT", "1")

CORRIDOR = "ewec"
REPEAT = 5
REPORT = ROOT / "docs" / "benchmarks.md"


def ensure_database(name: str) -> None:
    """Create the scratch database (with PostGIS) unless it exists."""
    import psycopg

    from geomekong.database import database_config

    config = database_config(os.environ, base_dir=ROOT)
    dsn = dict(host=config["HOST"], port=config["PORT"], user=config["USER"],
               password=config.get("PASSWORD") or None, autocommit=True)
    with psycopg.connect(dbname="postgres", **dsn) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(dbname=name, **dsn) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")


def timed(call) -> tuple[float, float, object]:
    """(median seconds, min seconds, last result) over REPEAT runs after one warm-up."""
    result = call()
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), result


def run(sizes: list[int]) -> str:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from projects.filters import ProjectFilters
    from projects.models import Project
    from projects.selectors import project_list
    from projects.synthetic import clear_generated, generate_projects

    call_command("migrate", verbosity=0)
    call_command("import_sources", verbosity=0)
    call_command("load_geodata", verbosity=0)
    client = Client()

    def get(url: str) -> tuple[int, int]:
        """(response bytes, number of projects in the answer)."""
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        body = response.json()
        if "numberMatched" in body:
            return len(response.content), body["numberMatched"]
        if "projects_within" in body:  # the profile: projects within 50 km
            return len(response.content), body["projects_within"][-1]["count"]
        return len(response.content), len(body["projects"])

    def delete_generated() -> None:
        clear_generated()

    def count_without_index() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_indexscan = off")
            cursor.execute("SET enable_bitmapscan = off")
        try:
            return project_list(filters=ProjectFilters(near_corridor=CORRIDOR, within_km=25)).count()
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET enable_indexscan")
                cursor.execute("RESET enable_bitmapscan")

    sections = []
    for size in sizes:
        delete_generated()
        start = time.perf_counter()
        generate_projects(count=size, seed=1)
        insert_s = time.perf_counter() - start
        total = Project.objects.count()
        near = ProjectFilters(near_corridor=CORRIDOR, within_km=25)
        cases = [
            ("near-corridor filter, count (ORM)", lambda near=near: (0, project_list(filters=near).count())),
            ("same count, index scans disabled", lambda: (0, count_without_index())),
            (f"GET /api/projects.geojson?near_corridor={CORRIDOR}&within_km=25",
             lambda: get(f"/api/projects.geojson?near_corridor={CORRIDOR}&within_km=25")),
            (f"GET /api/corridors/{CORRIDOR}/projects.geojson?within_km=25 (with chainage)",
             lambda: get(f"/api/corridors/{CORRIDOR}/projects.geojson?within_km=25")),
            (f"GET /api/corridors/{CORRIDOR}/projects.geojson?within_km=10&sector=bridge",
             lambda: get(f"/api/corridors/{CORRIDOR}/projects.geojson?within_km=10&sector=bridge")),
            ("GET /api/projects.geojson?bbox=104,16,105,17 (1° box)",
             lambda: get("/api/projects.geojson?bbox=104,16,105,17")),
            ("GET /api/near?lon=104.75&lat=16.59&within_km=25 (at most 20 listed)",
             lambda: get("/api/near?lon=104.75&lat=16.59&within_km=25")),
            (f"GET /api/corridors/{CORRIDOR}/profile (counts within 50 km, lists 500)",
             lambda: get(f"/api/corridors/{CORRIDOR}/profile")),
            ("GET /api/facets (no filter: the filter panel's counts)", lambda: get("/api/facets")),
            (f"GET /api/facets?near_corridor={CORRIDOR}&within_km=25&sector=road,bridge",
             lambda: get(f"/api/facets?near_corridor={CORRIDOR}&within_km=25&sector=road,bridge")),
        ]
        if size <= 100_000:  # a million features in one response is not a use case
            cases.append(("GET /api/projects.geojson (no filter: every project)",
                          lambda: get("/api/projects.geojson")))
        rows = []
        for label, call in cases:
            median, best, (nbytes, matched) = timed(call)
            size_text = f"{nbytes / 1e6:.1f} MB" if nbytes else ""
            rows.append(f"| {label} | {matched} | {size_text} | {median * 1000:.0f} | {best * 1000:.0f} |")
            print(f"{size:>9} {label}: {median * 1000:.0f} ms (matched {matched})", flush=True)
        plan_sql, plan_params = project_list(filters=near).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {plan_sql}", plan_params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        sections.append("\n".join([
            f"### {size:,} generated projects ({total:,} rows in projects_project)",
            "",
            f"Generated (projects/synthetic.py, COPY) + ANALYZE: {insert_s:.1f} s.",
            "",
            "| query | numberMatched | response | median ms | best ms |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            "Plan of the near-corridor filter (EXPLAIN ANALYZE, costs and timing off):",
            "",
            "```",
            plan,
            "```",
        ]))
    delete_generated()
    return "\n\n".join(sections)


def kept_summary(path: Path) -> str:
    """The hand-written "## Summary" section of an earlier report, kept across re-runs."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    start = text.find("## Summary")
    if start < 0:
        return ""
    end = text.find("\n### ", start)
    return text[start:end if end >= 0 else None].rstrip() + "\n\n"


def report(body: str, *, database: str, summary: str = "") -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), postgis_full_version()")
        pg, postgis = cursor.fetchone()
    return f"""# Benchmarks: spatial queries

Run {date.today().isoformat()} with `bench/bench_spatial.py` on {platform.machine()}, {os.cpu_count()} CPUs,
Python {platform.python_version()}; {pg.split(",")[0]}; PostGIS {postgis.split('"')[1]}.
Scratch database `{database}` with the real sources, corridors, countries and projects plus N generated
projects (manage.py generate_synthetic: clustered around the cities and along the corridors, seeded);
the near-corridor queries use the East-West
corridor (`{CORRIDOR}`). Each query: one warm-up, then the median and best of {REPEAT}
runs through Django's test client (view + SQL + JSON text), on a warm cache.

How to read it: the near-corridor filter is an `ST_DWithin(geom::geography, <corridor>, metres)` answered
from the GiST index `projects_project_geog_gist`; "index scans disabled" is the same count forced to a
sequential scan, to show what the index buys. With the index, the cost follows the candidates (rows in
the corridor's bounding box widened by the distance) and the matching features (each written with its
properties and sources), not the rows elsewhere; both grow with N.

{summary}{body}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--database", default="geomekong_bench")
    parser.add_argument("--output", type=Path, default=REPORT)
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL"):
        sys.exit("Unset DATABASE_URL: the bench fills its own scratch database on the local cluster.")
    os.environ["GEOMEKONG_DB_NAME"] = args.database
    ensure_database(args.database)
    body = run(args.sizes)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    summary = kept_summary(args.output)
    args.output.write_text(report(body, database=args.database, summary=summary), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
