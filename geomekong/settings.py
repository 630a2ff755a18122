"""GeoMekong settings, read from the environment.

DATABASE_URL (postgis://user:pass@host:port/name) selects the database; without it the
project-local cluster that the Makefile runs under var/ is used (Unix socket in var/,
TCP port GEOMEKONG_PG_PORT, default 5433). DATABASE_REPLICA_URLS adds read replicas.

Two ways to run: development (DEBUG=1, `make run`, and the test suite) and production
(`make serve`: DEBUG off, SECRET_KEY required, static files from whitenoise, pooled database
connections, rate limit on). README's "Production settings" lists the variables.
"""

import os
import subprocess
from pathlib import Path

from geomekong.database import database_config, replica_configs

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isascii() and value.isdigit() else default


def _rate_limit(value: str) -> tuple[int, int]:
    """GEOMEKONG_RATE_LIMIT `requests/seconds` (e.g. 600/60); `0` or `off` turns it off."""
    value = value.strip().lower()
    if value in ("", "0", "off", "none"):
        return 0, 60
    requests, _, seconds = value.partition("/")
    return int(requests), int(seconds or 60)


def _release() -> str:
    """What the ETags say about the code: GEOMEKONG_RELEASE, else the git commit, else 'dev'."""
    if os.environ.get("GEOMEKONG_RELEASE"):
        return os.environ["GEOMEKONG_RELEASE"]
    try:
        return subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=BASE_DIR, capture_output=True,
                              text=True, timeout=5, check=True).stdout.strip() or "dev"
    except (OSError, subprocess.SubprocessError):
        return "dev"


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

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
# Origins (https://map.example.org) whose forms may post to the admin, when served under other names.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

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
    "corsheaders",
    "leaflet",
    "simple_history",  # a version of every curated row on each save (who, when, what changed)
    "geodata",
    "corridors",
    "projects",
    "curation",
]

# Outermost first. Each of ours has one job (geomekong/middleware/).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "geomekong.middleware.methods.HeadOptionsMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "geomekong.middleware.errors.ErrorBodyMiddleware",
    "geomekong.middleware.guard.RequestGuardMiddleware",
    "geomekong.middleware.ratelimit.RateLimitMiddleware",
    "geomekong.middleware.replicas.ReadReplicaMiddleware",
    "geomekong.middleware.conditional.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "geomekong.middleware.csp.ContentSecurityPolicyMiddleware",
    "geomekong.middleware.errors.DatabaseUnavailableMiddleware",
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

DATABASES = {"default": database_config(os.environ, base_dir=BASE_DIR), **replica_configs(os.environ)}
# Reads of the public site go to the replicas (when there are any), writes to the primary.
DATABASE_ROUTERS = ["geomekong.dbrouter.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production: collected files with content hashes in their names, gzip and brotli copies, served
# by whitenoise with a one-year immutable cache. Development and tests read the sources directly.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEVELOPMENT
                    else "geomekong.storage.HashedStaticFiles"},
}
WHITENOISE_MAX_AGE = 300  # files without a hash in their name (the hashed ones: one year)

# ---------------------------------------------------------------------------------------------
# HTTP: limits, caching, CORS, rate limit, security headers (geomekong/middleware/).

GEOMEKONG_RELEASE = _release()
GEOMEKONG_API_MAX_AGE = env_int("GEOMEKONG_API_MAX_AGE", 60)
GEOMEKONG_TILE_MAX_AGE = env_int("GEOMEKONG_TILE_MAX_AGE", 86400)
GEOMEKONG_MAX_URL_LENGTH = 4096  # gunicorn's own limit (8190) is above it, so this 414 is JSON
DATA_UPLOAD_MAX_NUMBER_FIELDS = 100  # query parameters; more is a 400
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # bytes of request body; more is a 413
# Per client IP: requests per window (seconds). On in production; `make load` turns it off.
GEOMEKONG_RATE_LIMIT = _rate_limit(os.environ.get("GEOMEKONG_RATE_LIMIT", "off" if DEVELOPMENT else "600/60"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit",
                  "OPTIONS": {"MAX_ENTRIES": 100_000}},
}

# Read-only CORS for any origin on the data endpoints (no cookies: nothing private there).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|ogc|export|tiles)(/.*)?$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Content-Disposition", "Link", "Retry-After"]
CORS_PREFLIGHT_MAX_AGE = 86400

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto / X-Forwarded-For
# (docs/deployment.md): trust those headers. Never set it without such a proxy in front.
GEOMEKONG_BEHIND_PROXY = env_flag("GEOMEKONG_BEHIND_PROXY")
if GEOMEKONG_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Served over HTTPS (directly or through that proxy): secure cookies, HSTS, redirect http to https.
GEOMEKONG_HTTPS = env_flag("GEOMEKONG_HTTPS")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = GEOMEKONG_HTTPS
SECURE_SSL_REDIRECT = GEOMEKONG_HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's probe speaks plain HTTP
SECURE_HSTS_SECONDS = 31_536_000 if GEOMEKONG_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = GEOMEKONG_HTTPS
SECURE_HSTS_PRELOAD = env_flag("GEOMEKONG_HSTS_PRELOAD")
X_FRAME_OPTIONS = "DENY"  # /embed/ is exempt (its view)

# The Content-Security-Policy of every HTML page; the pages' inline scripts are added by hash
# (geomekong/middleware/csp.py); inline styles are allowed (swatch colours are style attributes).
# OpenStreetMap is the map's optional online layer.
GEOMEKONG_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# GDAL/GEOS come from the system libraries (Debian's libgdal, libgeos-c); these variables
# are only for machines where they live elsewhere.
if os.environ.get("GDAL_LIBRARY_PATH"):
    GDAL_LIBRARY_PATH = os.environ["GDAL_LIBRARY_PATH"]
if os.environ.get("GEOS_LIBRARY_PATH"):
    GEOS_LIBRARY_PATH = os.environ["GEOS_LIBRARY_PATH"]

# Debian bookworm ships GDAL 3.6; the check warns that GDAL < 3.9 cannot block file/network
# access from spatial references. GeoMekong never parses spatial references from users (every
# geometry is WGS84, SRID 4326, set by our code), so the warning does not apply.
SILENCED_SYSTEM_CHECKS = [
    "gis.W001",
    # HSTS preload is the domain owner's decision: GEOMEKONG_HSTS_PRELOAD=1 (docs/deployment.md).
    "security.W021",
]

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
    # Leaflet finds its marker images from its CSS, which fails once their names carry hashes.
    "FORCE_IMAGE_PATH": STATIC_URL + "leaflet/images/",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # The pool retries a lost database every second: one line per attempt is noise.
        "psycopg.pool": {"level": "ERROR"},
    },
}
