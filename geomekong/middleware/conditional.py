"""ETag and Last-Modified from the data version, 304 on If-None-Match / If-Modified-Since,
Cache-Control by kind of resource, and Vary where responses vary.

The ETag is computed before the view, from (data version, release, and for /ogc/ the Accept
header that picks HTML or JSON), so a 304 costs one one-row query and no rendering; it is weak
because it names the content, not the bytes (gzip or not). Conditional GET is off with DEBUG
(`make run`), so edited templates show at once.
"""

import hashlib
from email.utils import formatdate

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_vary_headers

from geodata import dataversion
from geomekong import errors

NO_STORE_PREFIXES = ("/healthz", "/admin")
# Files of the code, not of the data: no data version (they set their own Cache-Control).
CODE_PREFIXES = ("/basemap/",)
CORS_PREFIXES = ("/api/", "/ogc", "/export/", "/tiles/")


def cache_control(path: str) -> str:
    if path.startswith("/tiles/"):
        return f"public, max-age={settings.GEOMEKONG_TILE_MAX_AGE}"
    if errors.speaks_json(path) or path.startswith("/export/"):
        return f"public, max-age={settings.GEOMEKONG_API_MAX_AGE}"
    # Pages: always revalidated, which a 304 makes cheap.
    return "public, max-age=0, must-revalidate"


def _etag(version: int, request) -> str:
    parts = [str(version), settings.GEOMEKONG_RELEASE]
    if errors.is_ogc(request.path_info):
        parts.append(request.headers.get("Accept", ""))
    digest = hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]
    return f'W/"{version}-{digest}"'


class ConditionalGetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(NO_STORE_PREFIXES):
            response = self.get_response(request)
            if path.startswith("/healthz"):
                response["Cache-Control"] = "no-store"
            return response
        if request.method not in ("GET", "HEAD") or settings.DEBUG or path.startswith(CODE_PREFIXES):
            return self._vary(path, self.get_response(request))
        try:
            version, changed_at = dataversion.current(using=_read_alias())
        except Exception as exc:  # noqa: BLE001 - a lost database is the view's 503
            if errors.is_database_unavailable(exc):
                return errors.database_unavailable(request, exc)
            raise
        etag = _etag(version, request)
        last_modified = int(changed_at.timestamp())
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        response = not_modified if not_modified is not None else self.get_response(request)
        cacheable = response.status_code in (200, 304) and not response.cookies and \
            "cookie" not in response.get("Vary", "").lower()
        if cacheable:
            response.setdefault("ETag", etag)
            response.setdefault("Last-Modified", formatdate(last_modified, usegmt=True))
            response.setdefault("Cache-Control", cache_control(path))
        return self._vary(path, response)

    @staticmethod
    def _vary(path: str, response):
        if errors.is_ogc(path):
            patch_vary_headers(response, ["Accept"])
        if path.startswith(CORS_PREFIXES):
            # CORS headers are sent only to requests with an Origin: caches must keep both answers.
            patch_vary_headers(response, ["Origin"])
        return response


def _read_alias() -> str:
    from django.db import router

    from geodata.models import DataVersion

    return router.db_for_read(DataVersion)
