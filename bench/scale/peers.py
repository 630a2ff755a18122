"""The peers the benchmark measures us against, on the same table of the same scratch database:
MapServer 8 (Debian's cgi-mapserver, run as CGI: one process per request, as Apache would) and
pygeoapi (PyPI, its PostgreSQL provider, under gunicorn, in a venv of its own under var/)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from bench.scale.measure import stop_process, wait_for_http

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "var" / "bench"
PYGEOAPI_VENV = WORK / "pygeoapi-venv"
PYGEOAPI_PINS = [
    "pygeoapi==0.21.0",
    "gunicorn==27.0.1",
    "psycopg2-binary==2.9.13",
    "SQLAlchemy==2.1.9",
    "GeoAlchemy2==0.20.0",
    "pygeofilter[backend-sqlalchemy]==0.4.0",
]
MAPSERV = "/usr/bin/mapserv"

# The table's own columns: MapServer and pygeoapi read rows, not our properties (no sources,
# labels, themes): their answers are smaller than ours, which favours them.
MAPSERVER_SQL = (
    "geom from (SELECT id, slug, name, sector, status, precision, "
    "array_to_string(countries, ',') AS countries, array_to_string(years, ',') AS years, "
    "array_to_string(funding_types, ',') AS funding_types, location_note, geom "
    "FROM projects_project) AS sub using unique id using srid=4326"
)


def mapfile(dsn: dict) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    connection = f"host={dsn['host']} port={dsn['port']} dbname={dsn['dbname']} user={dsn['user']}"
    text = textwrap.dedent(f"""\
        MAP
          NAME "geomekong"
          EXTENT 92 8 110 24
          SIZE 1024 1024
          PROJECTION "init=epsg:4326" END
          WEB
            METADATA
              "wfs_enable_request" "*"
              "wfs_title" "GeoMekong"
              "wfs_srs" "EPSG:4326 EPSG:3857"
              "wfs_onlineresource" "http://127.0.0.1/cgi-bin/mapserv?"
              "wfs_getfeature_formatlist" "geojson"
              "oga_enable_request" "*"
              "oga_onlineresource" "http://127.0.0.1/cgi-bin/mapserv/geomekong/ogcapi"
              "oga_html_template_directory" "/usr/share/mapserver/ogcapi/templates/html-plain/"
              "oga_max_limit" "10000"
            END
          END
          OUTPUTFORMAT
            NAME "geojson"
            DRIVER "OGR/GEOJSON"
            MIMETYPE "application/geo+json"
            FORMATOPTION "STORAGE=stream"
            FORMATOPTION "FORM=SIMPLE"
            FORMATOPTION "LCO:RFC7946=YES"
          END
          OUTPUTFORMAT
            NAME "mvt"
            DRIVER MVT
            FORMATOPTION "EXTENT=4096"
            FORMATOPTION "EDGE_BUFFER=64"
          END
          LAYER
            NAME "projects"
            TYPE POINT
            STATUS ON
            CONNECTIONTYPE POSTGIS
            CONNECTION "{connection}"
            DATA "{MAPSERVER_SQL}"
            PROJECTION "init=epsg:4326" END
            METADATA
              "wfs_title" "projects"
              "wfs_featureid" "id"
              "gml_include_items" "all"
              "gml_types" "auto"
              "oga_featureid" "id"
            END
            TEMPLATE "ttt"
          END
        END
        """)
    path = WORK / "geomekong.map"
    path.write_text(text)
    config = WORK / "mapserver.conf"
    config.write_text(
        textwrap.dedent(f"""\
        CONFIG
          ENV
            MS_MAP_PATTERN "^{WORK}/"
          END
          MAPS
            geomekong "{path}"
          END
        END
        """)
    )
    return path


def mapserver_cgi(*, query: str, path_info: str = "") -> bytes:
    """One CGI request to mapserv (process start, query, output), as a web server would run it."""
    env = {
        "REQUEST_METHOD": "GET",
        "QUERY_STRING": query,
        "MAPSERVER_CONFIG_FILE": str(WORK / "mapserver.conf"),
        "MS_MAPFILE": str(WORK / "geomekong.map"),
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SCRIPT_NAME": "/cgi-bin/mapserv",
        "PATH": os.environ.get("PATH", ""),
    }
    if path_info:
        env["PATH_INFO"] = path_info
    out = subprocess.run(
        [MAPSERV], env=env, capture_output=True, check=True
    ).stdout
    head, _, body = out.partition(b"\r\n\r\n")
    if (
        b"Status: 5" in head
        or b"Status: 4" in head
        or body.startswith(b"<?xml")
        and b"Exception" in body[:2000]
    ):
        raise RuntimeError(f"mapserv: {out[:500]!r}")
    return body


def ensure_pygeoapi() -> Path:
    """The separate venv with pygeoapi and gunicorn (pinned), made once."""
    python = PYGEOAPI_VENV / "bin" / "python"
    if not (PYGEOAPI_VENV / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PYGEOAPI_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PYGEOAPI_PINS], check=True)
        (PYGEOAPI_VENV / ".installed").touch()
    return python


def pygeoapi_config(dsn: dict, *, port: int) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "pygeoapi.yml"
    path.write_text(
        textwrap.dedent(f"""\
        server:
          bind: {{host: 127.0.0.1, port: {port}}}
          url: http://127.0.0.1:{port}
          mimetype: application/json; charset=UTF-8
          encoding: utf-8
          languages: [en-US]
          limits: {{default_items: 10, max_items: 10000}}
          map: {{url: 'http://127.0.0.1/{{z}}/{{x}}/{{y}}.png', attribution: none}}
        logging: {{level: ERROR}}
        metadata:
          identification:
            title: GeoMekong bench
            description: benchmark peer
            keywords: [bench]
            keywords_type: theme
            terms_of_service: none
            url: http://127.0.0.1
          license: {{name: none, url: http://127.0.0.1}}
          provider: {{name: bench, url: http://127.0.0.1}}
          contact: {{name: bench, position: none, address: none, city: none, stateorprovince: none,
                    postalcode: none, country: none, phone: none, fax: none, email: none, url: none,
                    hours: none, instructions: none, role: pointOfContact}}
        resources:
          projects:
            type: collection
            title: projects
            description: the same projects table
            keywords: [projects]
            links: []
            extents:
              spatial: {{bbox: [92, 8, 110, 24], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}}
            providers:
              - type: feature
                name: PostgreSQL
                data: {{host: {dsn["host"]}, port: {dsn["port"]}, dbname: {dsn["dbname"]},
                        user: {dsn["user"]}, password: '', search_path: [public]}}
                id_field: id
                table: projects_project
                geom_field: geom
        """)
    )
    return path


class Pygeoapi:
    """pygeoapi under gunicorn (2 workers, as the deployment docs suggest for 2 cores)."""

    def __init__(self, dsn: dict, *, port: int):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        python = ensure_pygeoapi()
        config = pygeoapi_config(dsn, port=port)
        openapi = WORK / "pygeoapi-openapi.yml"
        bin_dir = python.parent
        env = {**os.environ, "PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
        with openapi.open("w") as out:
            subprocess.run(
                [str(bin_dir / "pygeoapi"), "openapi", "generate", str(config)],
                env=env,
                stdout=out,
                check=True,
            )
        self.process = subprocess.Popen(
            [
                str(bin_dir / "gunicorn"),
                "pygeoapi.flask_app:APP",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "2",
                "--timeout",
                "900",
                "--control-socket",
                str(WORK / f"gunicorn-{port}.ctl"),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(WORK / "pygeoapi.log").open("w"),
        )
        wait_for_http(f"{self.url}/collections/projects?f=json", seconds=90)

    def stop(self):
        stop_process(self.process)
