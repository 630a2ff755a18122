"""Links of the OGC API responses: absolute URLs, self/alternate pairs and next/prev paging."""

from urllib.parse import urlencode

JSON = "application/json"
GEOJSON = "application/geo+json"
HTML = "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"


def link(href: str, rel: str, media_type: str, title: str = "") -> dict:
    item = {"href": href, "rel": rel, "type": media_type}
    if title:
        item["title"] = title
    return item


def url(request, path: str, **query: object) -> str:
    """The absolute URL of `path` with the given query (None values left out)."""
    query = {k: v for k, v in query.items() if v is not None}
    return request.build_absolute_uri(path + (f"?{urlencode(query)}" if query else ""))


def current(request, **changes: object) -> str:
    """This request's URL with some parameters changed (None removes one), order kept."""
    query = {k: request.GET.get(k) for k in request.GET}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return url(request, request.path, **query)


def self_and_alternate(request, *, media_type: str, html: bool) -> list[dict]:
    """`self` in the format being sent and `alternate` in the other one."""
    as_json = link(current(request, f="json"), "self", media_type, "This document as JSON")
    as_html = link(current(request, f="html"), "self", HTML, "This document as HTML")
    first, other = (as_html, as_json) if html else (as_json, as_html)
    return [first, {**other, "rel": "alternate"}]


def paging(request, *, limit: int, offset: int, returned: int, matched: int, media_type: str) -> list[dict]:
    """next while features remain after this page, prev while this page is not the first."""
    links = []
    if offset + returned < matched:
        links.append(link(current(request, limit=limit, offset=offset + limit), "next", media_type,
                          "Next page"))
    if offset > 0:
        links.append(link(current(request, limit=limit, offset=max(offset - limit, 0)), "prev", media_type,
                          "Previous page"))
    return links
