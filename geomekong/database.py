"""The database settings: DATABASE_URL when given, else the project-local PostGIS cluster."""

from collections.abc import Mapping
from pathlib import Path

import dj_database_url

POSTGIS_ENGINE = "django.contrib.gis.db.backends.postgis"
LOCAL_DB_NAME = "geomekong"


def database_config(environ: Mapping[str, str], *, base_dir: Path) -> dict:
    """Return Django's DATABASES["default"] for this environment.

    Accepts postgis://, postgres:// and postgresql:// URLs; the engine is always PostGIS,
    the only database GeoMekong runs on.
    """
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        scheme = url.split("://", 1)[0]
        if scheme not in {"postgis", "postgres", "postgresql", "pgsql"}:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                f"DATABASE_URL must be a postgis:// URL (PostGIS is the only database), "
                f"got scheme {scheme!r}"
            )
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {
            "NAME": environ.get("GEOMEKONG_DB_NAME", LOCAL_DB_NAME),
            # The local cluster listens on 127.0.0.1 (and a Unix socket in var/run).
            "HOST": environ.get("GEOMEKONG_PG_HOST", "127.0.0.1"),
            "PORT": environ.get("GEOMEKONG_PG_PORT", "5433"),
            "USER": environ.get("GEOMEKONG_DB_USER", "geomekong"),
            "PASSWORD": "",
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    config["ENGINE"] = POSTGIS_ENGINE
    config.setdefault("OPTIONS", {})
    # Separate test databases let several test runs share one cluster.
    test_name = environ.get("GEOMEKONG_TEST_DB")
    if test_name:
        config["TEST"] = {"NAME": test_name}
    return config
