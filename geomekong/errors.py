"""Error responses in the shape each part of the site speaks, and Django's error handlers.

- /api/...: JSON `{"error": message}`, plus `"parameter"` when one parameter is to blame.
- /ogc/...: the OGC API exception body `{"code": ..., "description": ...}`.
- pages: the designed HTML error page (templates/error.html).

No error response carries a traceback, whatever DEBUG says for pages: the log has it.
"""

import logging
import sys

from django.db import InterfaceError
from django.http import HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger("geomekong.errors")

API_PREFIX = "/api/"
OGC_PREFIX = "/ogc"
RETRY_AFTER_UNAVAILABLE_S = 5

TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Page not found",
    405: "Method not allowed",
    413: "Request too large",
    414: "Address too long",
    429: "Too many requests",
    500: "Server error",
    503: "Service unavailable",
}
# OGC API – Features does not fix the codes; these follow OGC's exception report names.
OGC_CODES = {
    400: "InvalidParameterValue",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "RequestTooLarge",
    414: "RequestTooLarge",
    429: "TooManyRequests",
    500: "ServerError",
    503: "ServiceUnavailable",
}


def is_api(path: str) -> bool:
    return path.startswith(API_PREFIX)


def is_ogc(path: str) -> bool:
    return path == OGC_PREFIX or path.startswith(OGC_PREFIX + "/")


def speaks_json(path: str) -> bool:
    """Machine clients' paths: their errors are JSON (the exports' and the health check's too)."""
    return (is_api(path) or is_ogc(path) or path.startswith(("/export/", "/tiles/"))
            or path == "/healthz")


def json_error_body(path: str, status: int, message: str, parameter: str | None = None) -> dict:
    if is_ogc(path):
        code = OGC_CODES.get(status, TITLES.get(status, "Error").replace(" ", ""))
        description = f"{parameter}: {message}" if parameter and status == 400 else message
        return {"code": code, "description": description}
    body = {"error": message}
    if parameter:
        body["parameter"] = parameter
    return body


def error_page(request, status: int, message: str) -> HttpResponse:
    """The designed HTML page; plain text if even the template fails (a 500 must not raise)."""
    title = TITLES.get(status, "Error")
    try:
        content = loader.render_to_string("error.html", {"status": status, "title": title,
                                                         "message": message}, request=None)
        return HttpResponse(content, status=status)
    except Exception:  # noqa: BLE001 - the error page of last resort
        logger.exception("the error page could not be rendered")
        return HttpResponse(f"{status} {title}: {message}\n", status=status,
                            content_type="text/plain; charset=utf-8")


def error_response(request, status: int, message: str, *, parameter: str | None = None,
                   headers: dict | None = None) -> HttpResponse:
    path = request.path_info if request is not None else "/"
    if speaks_json(path):
        response = JsonResponse(json_error_body(path, status, message, parameter), status=status)
    else:
        response = error_page(request, status, message)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_database_unavailable(exc: BaseException | None) -> bool:
    """Cannot reach PostgreSQL (down, restarting, refusing connections, pool exhausted)?"""
    from django.db import OperationalError

    if exc is None:
        return False
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    try:
        import psycopg
        import psycopg_pool
    except ImportError:  # pragma: no cover - both are dependencies
        return False
    return isinstance(exc, psycopg_pool.PoolTimeout | psycopg.OperationalError | psycopg.InterfaceError)


def database_unavailable(request, exc: BaseException) -> HttpResponse:
    logger.warning("database unavailable for %s: %s", request.path_info if request else "?",
                   str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    return error_response(request, 503, "The database is unavailable; try again in a few seconds.",
                          headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE_S)})


# Django's handlers (wired in geomekong/urls.py).


def bad_request(request, exception=None):
    return error_response(request, 400, "The request could not be understood.")


def permission_denied(request, exception=None):
    return error_response(request, 403, "You may not see this page.")


def page_not_found(request, exception=None):
    path = request.path_info
    if speaks_json(path):
        where = "/ogc/api" if is_ogc(path) else "/api/openapi.json"
        return error_response(request, 404, f"Nothing here; the endpoints are described at {where}.")
    return error_response(request, 404, "There is no page at this address.")


def server_error(request):
    # Called while the exception is being handled: a lost database is a 503, not a 500.
    exc = sys.exc_info()[1]
    if is_database_unavailable(exc):
        return database_unavailable(request, exc)
    return error_response(request, 500, "Something went wrong on our side; it has been logged.")
