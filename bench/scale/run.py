"""The scale benchmark (`make bench`): our endpoints side by side with the floor and the peers.

    .venv/bin/python -m bench.scale.run                        # 100k and 1M, all parts
    .venv/bin/python -m bench.scale.run --sizes 100000 --parts 1 4

Works in its own scratch database (geomekong_scale) on the local cluster; our server is gunicorn
on port 8111, pygeoapi 8117, the map page's server 8118. Writes the results (with the exact
requests and commands) into docs/performance.md between the RESULTS markers, keeping the text
around them. Parts (issue 11): 1 API and OGC items, 2 near-corridor, 3 tiles, 4 GeoPackage,
5 server memory while streaming, 6 the map page in chromium.
"""

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "geomekong.settings")
os.environ.setdefault("GEOMEKONG_DEVELOPMENT", "1")

DATABASE = "geomekong_scale"
# 8111 and 8116-8119 (8112-8115 look like the other engineers' 81NN servers).
PORTS = {"ours": 8111, "pygeoapi": 8117, "page": 8118}
REPORT = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- RESULTS BEGIN (bench/scale/run.py writes this part) -->", "<!-- RESULTS END -->"
TYPICAL = "sector=road,bridge&year_min=2010&year_max=2020"
BBOX = "104,16,105,17"
CORRIDOR = "ewec"


class Row:
    def __init__(
        self, part: str, case: str, ours, reference: str, ref, *, target: float | None = None, how: str = ""
    ):
        self.part, self.case, self.ours, self.reference, self.ref = part, case, ours, reference, ref
        self.target, self.how = target, how

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.ref is None or not self.ref.median:
            return None
        return self.ours.median / self.ref.median

    def markdown(self) -> str:
        def t(x):
            return (
                "–"
                if x is None
                else f"{x.median * 1000:,.0f} ms" + (f" ({x.nbytes / 1e6:,.1f} MB)" if x.nbytes else "")
            )

        ratio = "–" if self.ratio is None else f"{self.ratio:.2f}"
        target = "" if self.target is None else f"≤ {self.target:g}"
        met = (
            ""
            if self.target is None or self.ratio is None
            else ("yes" if self.ratio <= self.target else "**no**")
        )
        cells = [self.part, self.case, t(self.ours), self.reference, t(self.ref), ratio, target, met]
        return "| " + " | ".join(cells) + " |"


def floor_sql(where: str = "TRUE") -> str:
    """The floor: the stored feature texts of the matching rows concatenated in one statement."""
    return (
        f'SELECT \'{{"type":"FeatureCollection","features":[\' || '
        f"COALESCE(string_agg(f.feature, ',' ORDER BY p.name, p.slug), '') || ']}}' "
        f"FROM projects_project p JOIN {feature_table()} f ON f.project_id = p.id WHERE {where}"
    )


def feature_table() -> str:
    """The table of stored feature texts: the app's own once it keeps them, else one the bench
    builds with the same SQL the API runs (so the floor exists before the app stores texts)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('projects_projectfeature')")
        if cursor.fetchone()[0]:
            return "projects_projectfeature"
        cursor.execute("SELECT to_regclass('bench_feature_text'), (SELECT count(*) FROM projects_project)")
        exists, _ = cursor.fetchone()
    build_bench_features(fresh=not exists)
    return "bench_feature_text"


_BUILT = {"count": None}


def build_bench_features(*, fresh: bool) -> None:
    from django.db import connection

    from geodata.geojson import json_object
    from projects.layers import project_properties

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM projects_project")
        count = cursor.fetchone()[0]
        if not fresh and _BUILT["count"] == count:
            return
        props = json_object(project_properties())
        cursor.execute("DROP TABLE IF EXISTS bench_feature_text")
        cursor.execute(
            f"""
            CREATE TABLE bench_feature_text AS
            SELECT t.id AS project_id, json_build_object('type', 'Feature', 'id', t.slug,
                'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(t.geom), 6, 0)::json,
                'properties', {props.text})::text AS feature
            FROM projects_project t""",
            props.params,
        )
        cursor.execute("CREATE UNIQUE INDEX ON bench_feature_text (project_id)")
        cursor.execute("ANALYZE bench_feature_text")
    _BUILT["count"] = count


def part_api(ctx) -> list:
    from bench.scale.measure import fetch_size, psql_statement, timed
    from bench.scale.peers import mapserver_cgi

    ours, runs = ctx["ours"], ctx["runs"]
    rows = []
    all_ours = timed(lambda: fetch_size(f"{ours}/api/projects.geojson"), runs=runs)
    floor = timed(psql_statement(ctx["dsn"], floor_sql()), runs=runs)
    rows.append(
        Row(
            "1",
            "GET /api/projects.geojson (all)",
            all_ours,
            "floor: stored texts concatenated (psql)",
            floor,
            target=1.5,
        )
    )
    wfs = "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=projects&OUTPUTFORMAT=geojson"
    mapserver = timed(lambda: len(mapserver_cgi(query=wfs)), runs=runs)
    rows.append(Row("1", "same", all_ours, "MapServer WFS GetFeature GeoJSON (CGI)", mapserver, target=0.5))
    where = (
        "p.sector IN ('road','bridge') AND p.years && ARRAY(SELECT generate_series(2010, 2020))::smallint[]"
    )
    typical = timed(lambda: fetch_size(f"{ours}/api/projects.geojson?{TYPICAL}"), runs=runs)
    rows.append(
        Row(
            "1",
            f"GET /api/projects.geojson?{TYPICAL}",
            typical,
            "floor, same filter (psql)",
            timed(psql_statement(ctx["dsn"], floor_sql(where)), runs=runs),
            target=1.5,
        )
    )
    if ctx["size"] <= 100_000:
        rows.append(
            Row(
                "1",
                "same rows as GET …/projects.geojson (all)",
                all_ours,
                'Django serialize("geojson") (1 run)',
                django_serialize(),
                target=None,
            )
        )
    for label, query in (("limit=10000", "limit=10000"), (f"bbox={BBOX}", f"bbox={BBOX}&limit=10000")):
        page = timed(
            lambda q=query: fetch_size(f"{ours}/ogc/collections/projects/items?f=json&{q}"), runs=runs
        )
        geoapi = timed(
            lambda q=query: fetch_size(f"{ctx['pygeoapi']}/collections/projects/items?f=json&{q}"), runs=runs
        )
        ms = timed(
            lambda q=query: len(
                mapserver_cgi(query=f"f=json&{q}", path_info="/geomekong/ogcapi/collections/projects/items")
            ),
            runs=runs,
        )
        rows.append(
            Row(
                "1",
                f"OGC items {label}",
                page,
                "pygeoapi 0.21 (gunicorn, PostgreSQL provider)",
                geoapi,
                target=0.5,
            )
        )
        rows.append(Row("1", f"OGC items {label}", page, "MapServer OGC API (CGI)", ms, target=0.5))
    return rows


def django_serialize():
    from django.core.serializers import serialize

    from bench.scale.measure import timed
    from projects.models import Project

    # The table's own columns, as the peers get (the many-to-many fields would add two queries a row).
    fields = ("slug", "name", "sector", "status", "precision", "countries", "years", "funding_types",
              "location_note")

    def call() -> int:
        return len(serialize("geojson", Project.objects.all(), geometry_field="geom", fields=fields))

    return timed(call, runs=1, warmup=False)


def part_near(ctx) -> list:
    from bench.scale.measure import fetch_size, psql_statement, timed

    where = (
        f"ST_DWithin(p.geom::geography, (SELECT geom::geography FROM corridors_corridor "
        f"WHERE slug = '{CORRIDOR}'), 25000)"
    )
    ours = timed(
        lambda: fetch_size(f"{ctx['ours']}/api/projects.geojson?near_corridor={CORRIDOR}&within_km=25"),
        runs=ctx["runs"],
    )
    raw = timed(psql_statement(ctx["dsn"], floor_sql(where)), runs=ctx["runs"])
    return [
        Row(
            "2",
            f"GET /api/projects.geojson?near_corridor={CORRIDOR}&within_km=25",
            ours,
            "raw SQL: ST_DWithin on geography + stored texts (psql)",
            raw,
            target=1.5,
        )
    ]


TILES = [(6, 50, 29), (9, 404, 232), (12, 3239, 1857)]  # over the East-West corridor at Savannakhet


def part_tiles(ctx) -> list:
    from bench.scale.measure import fetch_size, http_get, psql_statement, timed
    from bench.scale.peers import mapserver_cgi

    status, _, _ = http_get(f"{ctx['ours']}/tiles/projects/6/50/29.mvt")
    if status == 404:
        return [Row("3", "tiles", None, "(no /tiles endpoint on this commit)", None)]
    rows = []
    for z, x, y in TILES:
        ours = timed(
            lambda z=z, x=x, y=y: fetch_size(f"{ctx['ours']}/tiles/projects/{z}/{x}/{y}.mvt"),
            runs=ctx["runs"],
        )
        raw = timed(psql_statement(ctx["dsn"], raw_tile_sql(z, x, y)), runs=ctx["runs"])
        ms = timed(
            lambda z=z, x=x, y=y: len(
                mapserver_cgi(
                    query=f"mode=tile&tilemode=gmap&tile={x}+{y}+{z}&layers=projects&map.imagetype=mvt"
                )
            ),
            runs=ctx["runs"],
        )
        rows.append(
            Row("3", f"GET /tiles/projects/{z}/{x}/{y}.mvt", ours, "raw ST_AsMVT (psql)", raw, target=1.2)
        )
        rows.append(Row("3", f"same tile z{z}", ours, "MapServer MVT (CGI)", ms, target=1.0))
    return rows


def raw_tile_sql(z: int, x: int, y: int) -> str:
    return (
        f"SELECT length(ST_AsMVT(t, 'projects', 4096, 'geom')) FROM (SELECT p.slug, p.sector, "
        f"ST_AsMVTGeom(ST_Transform(p.geom, 3857), ST_TileEnvelope({z}, {x}, {y}), 4096, 64) AS geom "
        f"FROM projects_project p WHERE ST_Transform(p.geom, 3857) && "
        f"ST_TileEnvelope({z}, {x}, {y}, margin => 64.0 / 4096)) t"
    )


def part_gpkg(ctx) -> list:
    from bench.scale.measure import fetch_size, timed

    out = ROOT / "var" / "bench" / "ogr2ogr.gpkg"
    dsn = ctx["dsn"]
    sql = (
        "SELECT slug, name, sector, status, precision, array_to_string(countries, ',') AS countries, "
        "array_to_string(years, ',') AS years, array_to_string(funding_types, ',') AS funding_types, "
        "location_note, geom FROM projects_project"
    )

    def ogr2ogr() -> int:
        out.unlink(missing_ok=True)
        subprocess.run(
            [
                "ogr2ogr",
                "-f",
                "GPKG",
                str(out),
                f"PG:host={dsn['host']} port={dsn['port']} dbname={dsn['dbname']} user={dsn['user']}",
                "-sql",
                sql,
                "-nln",
                "projects",
                "-nlt",
                "GEOMETRY",
            ],
            check=True,
        )
        return out.stat().st_size

    runs = max(1, ctx["runs"] - 2)
    ours = timed(lambda: fetch_size(f"{ctx['ours']}/export/projects.gpkg"), runs=runs, warmup=False)
    ref = timed(ogr2ogr, runs=runs, warmup=False)
    return [
        Row("4", "GET /export/projects.gpkg (all)", ours, "ogr2ogr PG → GPKG, same rows", ref, target=1.5)
    ]


def part_memory(ctx) -> list:
    from bench.scale.measure import RssSampler, Timing, fetch_size

    rows = []
    for url in ("/api/projects.geojson", "/export/projects.gpkg"):
        with RssSampler(ctx["server"].pid) as sampler:
            start = time.perf_counter()
            size = fetch_size(f"{ctx['ours']}{url}")
            seconds = time.perf_counter() - start
        growth = Timing(sampler.growth / 1e9, sampler.growth / 1e9, 1, size)  # "seconds" = GB here
        rows.append(
            Row(
                "5",
                f"RSS growth of the server while GET {url} ({seconds:.1f} s)",
                growth,
                "100 MB",
                Timing(0.1, 0.1, 1),
                target=1.0,
            )
        )
    return rows


def part_page(ctx) -> list:
    from bench.scale.browser import measure_map_page
    from bench.scale.measure import Timing
    from bench.scale.server import Server

    server = Server(database=DATABASE, port=PORTS["page"], static=True)
    try:
        result = measure_map_page(f"{server.url}/", timeout_s=120)
    finally:
        server.stop()
    usable = Timing(result["usable_s"], result["usable_s"], 1)
    heap = Timing(result["heap_mb"] / 1000, result["heap_mb"] / 1000, 1)
    return [
        Row(
            "6", f"map page: time until usable ({result['note']})", usable, "3 s", Timing(3, 3, 1), target=1.0
        ),
        Row(
            "6",
            "map page: JavaScript heap (shown as ms = MB)",
            heap,
            "150 MB",
            Timing(0.15, 0.15, 1),
            target=1.0,
        ),
    ]


PARTS = {"1": part_api, "2": part_near, "3": part_tiles, "4": part_gpkg, "5": part_memory, "6": part_page}


def run(sizes: list[int], parts: list[str], runs: int) -> str:
    import django

    django.setup()
    from bench.scale.database import ensure_database, fill, prepare_real_data
    from bench.scale.peers import Pygeoapi, mapfile
    from bench.scale.server import Server

    dsn = ensure_database(DATABASE)
    prepare_real_data()
    mapfile(dsn)
    sections = []
    for size in sizes:
        filled = fill(size)
        server = Server(database=DATABASE, port=PORTS["ours"])
        geoapi = Pygeoapi(dsn, port=PORTS["pygeoapi"]) if "1" in parts else None
        ctx = {
            "size": size,
            "dsn": dsn,
            "ours": server.url,
            "server": server,
            "runs": runs,
            "pygeoapi": geoapi.url if geoapi else None,
        }
        rows = []
        try:
            for part in parts:
                print(f"{size:>9,} part {part} ...", flush=True)
                rows += PARTS[part](ctx)
                for row in rows[-3:]:
                    print("   ", row.markdown(), flush=True)
        finally:
            server.stop()
            if geoapi:
                geoapi.stop()
        generated = "" if filled["seconds"] is None else f" (generated in {filled['seconds']:.0f} s)"
        sections.append(
            "\n".join(
                [
                    f"### {size:,} generated projects{generated}",
                    "",
                    "| part | case | ours | reference | reference time | ratio ours/ref | target | met |",
                    "|---|---|---:|---|---:|---:|---|---|",
                    *[row.markdown() for row in rows],
                ]
            )
        )
    return "\n\n".join(sections)


def machine() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), postgis_lib_version(), current_setting('jit')")
        pg, postgis, jit = cursor.fetchone()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor(),
    )
    mapserver = subprocess.run(["mapserv", "-v"], capture_output=True, text=True).stdout.split(" OUTPUT")[0]
    memory = int(open("/proc/meminfo").readline().split()[1]) // 1024 // 1024
    return (
        f"Run {date.today().isoformat()} on {cpu}, {os.cpu_count()} CPUs (shared with other work), "
        f"{memory} GB RAM; Python {platform.python_version()}; {pg.split(',')[0]}, PostGIS {postgis}, "
        f"jit={jit}; {mapserver}."
    )


def write_report(body: str) -> None:
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    REPORT.write_text(f"{head}{BEGIN}\n{machine()}\n\n{body}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--parts", nargs="+", default=list(PARTS), choices=list(PARTS))
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (after one warm-up)")
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL"):
        sys.exit("Unset DATABASE_URL: the bench fills its own scratch database on the local cluster.")
    os.environ["GEOMEKONG_DB_NAME"] = DATABASE
    body = run(args.sizes, args.parts, args.runs)
    write_report(body)
    print(f"wrote {REPORT}")


if __name__ == "__main__":
    main()
