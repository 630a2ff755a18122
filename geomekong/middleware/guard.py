"""Refuse requests no endpoint can answer before Django parses them: 414 for an overlong address,
413 for a body over the limit, 400 for too many query parameters, bytes that are not UTF-8, or
NUL and other control characters in the path or in any parameter (known or not); and 405 for a
method other than GET, HEAD and OPTIONS on the read-only endpoints (API, OGC, exports, health),
answered here before the CSRF check would turn a POST, QUERY or TRACE into a 403."""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.urls import Resolver404, resolve

from geodata.query_params import CONTROL_RE, shown
from geomekong.errors import error_response, speaks_json

READ_ONLY_ALLOW = "GET, HEAD, OPTIONS"


def _decoded_pairs(query: str) -> list[tuple[str, str]]:
    """The query's (name, value) pairs, percent-decoded and read as UTF-8 (strictly, unlike Django)."""
    pairs = []
    for field in query.encode("latin-1", "replace").split(b"&"):
        if field:
            name, _, value = field.partition(b"=")
            pairs.append(tuple(unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
                               for part in (name, value)))
    return pairs


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refuse(request) or self.get_response(request)

    def refuse(self, request):
        query = request.META.get("QUERY_STRING", "")
        if len(request.META.get("PATH_INFO", "")) + len(query) > settings.GEOMEKONG_MAX_URL_LENGTH:
            return error_response(request, 414, f"The address is longer than "
                                                f"{settings.GEOMEKONG_MAX_URL_LENGTH} characters.")
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return error_response(request, 413, f"The request body is larger than "
                                                f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes.")
        # (Bytes of the path that are not UTF-8 arrive percent-encoded again: no route matches, 404.)
        if CONTROL_RE.search(request.path_info):
            return error_response(request, 400, "The path contains a control character.", parameter="path")
        fields = [part for part in query.split("&") if part]
        if len(fields) > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:
            return error_response(request, 400, f"Too many query parameters: at most "
                                                f"{settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} are allowed.")
        try:
            pairs = _decoded_pairs(query)
        except UnicodeDecodeError:
            return error_response(request, 400, "The query string is not valid UTF-8.")
        for name, value in pairs:
            if CONTROL_RE.search(name):
                return error_response(request, 400, f"The parameter name {shown(name)} contains a "
                                                    f"control character.", parameter=name[:40])
            if CONTROL_RE.search(value):
                return error_response(request, 400, "The value contains a control character.",
                                      parameter=name)
        if request.method not in ("GET", "HEAD", "OPTIONS") and _read_only(request.path_info):
            return error_response(request, 405, f"{request.method[:20]} is not allowed here; allowed: "
                                                f"{READ_ONLY_ALLOW}", headers={"Allow": READ_ONLY_ALLOW})
        return None


def _read_only(path: str) -> bool:
    """The API, OGC, export and health endpoints only read (an unknown address stays a 404)."""
    if not speaks_json(path):
        return False
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
