"""Every error of /api/ and /ogc/ in JSON, every page error on the designed page, and a lost
database as 503 instead of 500.

Django and its decorators answer some errors themselves with empty or HTML bodies (405 from
require_GET, 400 from a request Django refuses, DEBUG's 404/500 pages); this middleware gives
them the body their path speaks, keeping every header (Allow, Retry-After, CORS).
"""

from django.http import StreamingHttpResponse

from geomekong import errors
from geomekong.middleware.methods import complete_allow

GENERIC = {
    400: "The request could not be understood.",
    403: "Forbidden.",
    404: "Nothing here.",
    413: "The request body is too large.",
    414: "The address is too long.",
    429: "Too many requests.",
    500: "Something went wrong on our side; it has been logged.",
    503: "The service is unavailable; try again in a few seconds.",
}


def _message(request, response) -> str:
    if response.status_code == 405:
        allowed = complete_allow(response.get("Allow", ""))
        return f"{request.method} is not allowed here; allowed: {allowed}" if allowed else \
            f"{request.method} is not allowed here"
    if response.status_code == 404 and errors.speaks_json(request.path_info):
        where = "/ogc/api" if errors.is_ogc(request.path_info) else "/api/openapi.json"
        return f"Nothing here; the endpoints are described at {where}."
    return GENERIC.get(response.status_code, errors.TITLES.get(response.status_code, "Error") + ".")


class ErrorBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 400 or isinstance(response, StreamingHttpResponse):
            return response
        path = request.path_info
        content_type = response.get("Content-Type", "")
        if errors.speaks_json(path):
            if "json" in content_type:
                return response
            return _replace_body(response, errors.error_response(request, response.status_code,
                                                                 _message(request, response)))
        if not response.content:
            return _replace_body(response, errors.error_page(request, response.status_code,
                                                             _message(request, response)))
        return response


def _replace_body(response, replacement):
    """The replacement's body and type with every other header of the original kept."""
    response.content = replacement.content
    response["Content-Type"] = replacement["Content-Type"]
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach PostgreSQL answers 503 with Retry-After (also with DEBUG on)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if errors.is_database_unavailable(exception):
            return errors.database_unavailable(request, exception)
        return None
