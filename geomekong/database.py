"""The database settings: DATABASE_URL when given, else the project-local PostGIS cluster.

Connections are never kept between requests by Django itself (CONN_MAX_AGE = 0): the
development server opens a thread per HTTP connection, and persistent connections there held
one PostgreSQL connection per idle client until the server ran out ("too many clients"). The
production server (`make serve`) sets GEOMEKONG_DB_POOL_SIZE, which gives every process a
psycopg 3 pool of at most that many connections (Django's OPTIONS["pool"]).

DATABASE_REPLICA_URLS (comma-separated postgis:// URLs of streaming replicas) adds the aliases
replica_1, replica_2, ... that geomekong.dbrouter sends the public site's reads to.
"""

from collections.abc import Mapping
from pathlib import Path

import dj_database_url

POSTGIS_ENGINE = "django.contrib.gis.db.backends.postgis"
LOCAL_DB_NAME = "geomekong"
SCHEMES = {"postgis", "postgres", "postgresql", "pgsql"}
# PostgreSQL's JIT compiles our FeatureCollection statements (cost far above jit_above_cost) on
# every request: 0.6 s of 1.0 s for 10,000 OGC items. Off for every connection Django opens.
SESSION_OPTIONS = "-c jit=off"
# A request waits at most this long for a pooled connection; then 503 (the database is down or
# every connection is busy). Only a down database makes anyone wait: the pool has one
# connection per server thread.
POOL_TIMEOUT_S = 3.0
# How long the pool retries a lost connection in the background before giving up on it; the
# next request then starts a new attempt, so a database that comes back is used within seconds
# (psycopg_pool's default, 5 minutes of exponential backoff, could leave it unused for a minute).
POOL_RECONNECT_TIMEOUT_S = 5.0


def _improperly_configured(message: str):
    from django.core.exceptions import ImproperlyConfigured

    return ImproperlyConfigured(message)


def parse_url(url: str, *, variable: str = "DATABASE_URL") -> dict:
    """Django's settings for one postgis:// URL (postgres:// and postgresql:// are accepted)."""
    scheme = url.split("://", 1)[0]
    if scheme not in SCHEMES:
        raise _improperly_configured(
            f"{variable} must be a postgis:// URL (PostGIS is the only database), got scheme {scheme!r}"
        )
    return dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)


def pool_size(environ: Mapping[str, str]) -> int:
    """GEOMEKONG_DB_POOL_SIZE: connections per server process (0 or unset: no pool)."""
    raw = environ.get("GEOMEKONG_DB_POOL_SIZE", "").strip()
    if not raw:
        return 0
    if not raw.isascii() or not raw.isdigit():
        raise _improperly_configured(f"GEOMEKONG_DB_POOL_SIZE must be a whole number, got {raw!r}")
    return int(raw)


def _finish(config: dict, environ: Mapping[str, str], *, alias: str) -> dict:
    config["ENGINE"] = POSTGIS_ENGINE
    config["CONN_MAX_AGE"] = 0
    config["CONN_HEALTH_CHECKS"] = True  # with a pool: every connection is checked when lent
    options = config.setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options", ""), SESSION_OPTIONS]))
    size = pool_size(environ)
    if size:
        options["pool"] = {
            "name": alias,
            "min_size": 1,
            "max_size": size,
            "timeout": POOL_TIMEOUT_S,
            "reconnect_timeout": POOL_RECONNECT_TIMEOUT_S,
            "max_idle": 300,
            "max_lifetime": 3600,
        }
    return config


def database_config(environ: Mapping[str, str], *, base_dir: Path) -> dict:
    """Return Django's DATABASES["default"] for this environment.

    Accepts postgis://, postgres:// and postgresql:// URLs; the engine is always PostGIS,
    the only database GeoMekong runs on.
    """
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        config = parse_url(url)
    else:
        config = {
            "NAME": environ.get("GEOMEKONG_DB_NAME", LOCAL_DB_NAME),
            # The local cluster listens on 127.0.0.1 (and a Unix socket in var/run).
            "HOST": environ.get("GEOMEKONG_PG_HOST", "127.0.0.1"),
            "PORT": environ.get("GEOMEKONG_PG_PORT", "5433"),
            "USER": environ.get("GEOMEKONG_DB_USER", "geomekong"),
            "PASSWORD": "",
        }
    config = _finish(config, environ, alias="default")
    # Separate test databases let several test runs share one cluster.
    test_name = environ.get("GEOMEKONG_TEST_DB")
    if test_name:
        config["TEST"] = {"NAME": test_name}
    return config


def replica_configs(environ: Mapping[str, str]) -> dict[str, dict]:
    """{"replica_1": settings, ...} from DATABASE_REPLICA_URLS (comma-separated), in order."""
    urls = [u.strip() for u in environ.get("DATABASE_REPLICA_URLS", "").split(",") if u.strip()]
    replicas = {}
    for number, url in enumerate(urls, start=1):
        alias = f"replica_{number}"
        config = _finish(parse_url(url, variable="DATABASE_REPLICA_URLS"), environ, alias=alias)
        # The test runner makes no test database on a replica: it mirrors the primary's.
        config["TEST"] = {"MIRROR": "default"}
        replicas[alias] = config
    return replicas
