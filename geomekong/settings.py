"""GeoMekong settings, read from the environment.

DATABASE_URL (postgis://user:pass@host:port/name) selects the database; without it the
project-local cluster that the Makefile runs under var/ is used (Unix socket in var/,
TCP port GEOMEKONG_PG_PORT, default 5433).
"""

import os
from pathlib import Path

from geomekong.database import database_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG", default=False)
# Development mode: DEBUG on, or running the test suite. Only then is a built-in key allowed.
DEVELOPMENT = DEBUG or env_flag("GEOMEKONG_DEVELOPMENT", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    "django-insecure-geomekong-development-only" if DEVELOPMENT else ""
)
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set SECRET_KEY, or DEBUG=1 for a development server."
    )

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    # The admin is the curators' workplace (staff accounts only); the public site needs no login.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.gis",
    "leaflet",
    "simple_history",  # a version of every curated row on each save (who, when, what changed)
    "geodata",
    "corridors",
    "projects",
    "curation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the admin user on each version simple-history writes.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "geomekong.urls"
WSGI_APPLICATION = "geomekong.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_config(os.environ, base_dir=BASE_DIR)}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

# GDAL/GEOS come from the system libraries (Debian's libgdal, libgeos-c); these variables
# are only for machines where they live elsewhere.
if os.environ.get("GDAL_LIBRARY_PATH"):
    GDAL_LIBRARY_PATH = os.environ["GDAL_LIBRARY_PATH"]
if os.environ.get("GEOS_LIBRARY_PATH"):
    GEOS_LIBRARY_PATH = os.environ["GEOS_LIBRARY_PATH"]

# Debian bookworm ships GDAL 3.6; the check warns that GDAL < 3.9 cannot block file/network
# access from spatial references. GeoMekong never parses spatial references from users (every
# geometry is WGS84, SRID 4326, set by our code), so the warning does not apply.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# The offline basemap is drawn from our own data (geodata/data/basedata), so no tile layer is
# the default; OpenStreetMap is an optional online layer added by the map page.
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (15.5, 102.5),
    "DEFAULT_ZOOM": 5,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 18,
    "TILES": [],
    "SCALE": "metric",
    "RESET_VIEW": False,
    "ATTRIBUTION_PREFIX": "GeoMekong · basemap: Made with Natural Earth",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
