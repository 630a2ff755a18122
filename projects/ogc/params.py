"""The OGC API query parameters: paging, bbox, datetime, f, and the standard's error bodies.

The property filters are the map API's own (ProjectFilters / CorridorFilters); this module only
adds what OGC API – Features Part 1 defines and checks that nothing unknown is asked for
(Requirement /req/core/query-param-unknown: an unknown parameter is a 400, unlike the map API).
"""

import re
from collections.abc import Mapping

from geodata.query_params import FilterError, parse_int, parse_rfc3339, shown

DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000
MAX_OFFSET = 10_000_000
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
PAGING = ("limit", "offset")
STANDARD = ("f", "limit", "offset", "bbox", "bbox-crs", "datetime")

YEAR_RE = re.compile(r"^[0-9]{4}\Z")


class OgcError(Exception):
    """An error in the standard's shape: {"code": ..., "description": ...} with an HTTP status."""

    def __init__(self, status: int, code: str, description: str):
        super().__init__(description)
        self.status, self.code, self.description = status, code, description

    def as_json(self) -> dict:
        return {"code": self.code, "description": self.description}


def invalid(parameter: str, message: str) -> OgcError:
    return OgcError(400, "InvalidParameterValue", f"{parameter}: {message}")


def not_found(message: str) -> OgcError:
    return OgcError(404, "NotFound", message)


def check_known(query: Mapping[str, str], *, allowed: set[str]) -> None:
    unknown = sorted(set(query) - allowed)
    if unknown:
        raise OgcError(400, "InvalidParameter",
                       f"unknown parameter {shown(unknown[0])}; "
                       f"this endpoint takes: {', '.join(sorted(allowed))}")


def given(query: Mapping[str, str], name: str) -> str | None:
    """The value stripped; None when absent or empty. Spaces alone are a value (""), which every
    parameter here refuses."""
    value = query.get(name)
    return None if value is None or value == "" else value.strip()


def _integer(query: Mapping[str, str], name: str, *, default: int, minimum: int, maximum: int) -> int:
    raw = given(query, name)
    if raw is None:
        return default
    try:
        return parse_int(raw, parameter=name, minimum=minimum, maximum=maximum)
    except FilterError as error:
        raise invalid(name, error.message) from None


def parse_paging(query: Mapping[str, str]) -> tuple[int, int]:
    """(limit, offset). A limit above the maximum is lowered to it, as the standard asks, not refused."""
    limit = _integer(query, "limit", default=DEFAULT_LIMIT, minimum=1, maximum=2**31 - 1)
    offset = _integer(query, "offset", default=0, minimum=0, maximum=MAX_OFFSET)
    return min(limit, MAX_LIMIT), offset


def bbox_2d(query: Mapping[str, str]) -> str | None:
    """The bbox as the map API's four numbers: a 6-number (3D) box loses its heights; only CRS84."""
    crs = given(query, "bbox-crs")
    if crs is not None and crs != CRS84:
        raise invalid("bbox-crs", f"only {CRS84} is supported")
    raw = given(query, "bbox")
    if raw is None:
        return None
    parts = raw.split(",")
    if len(parts) == 6:
        parts = [parts[0], parts[1], parts[3], parts[4]]
    elif len(parts) != 4:
        raise invalid("bbox", "expected 4 numbers (minLon,minLat,maxLon,maxLat) or 6 with heights")
    return ",".join(parts)


def _year(text: str, *, parameter: str = "datetime") -> int:
    """The year of an RFC 3339 date or date-time, or of a bare year (`2015`: features carry years)."""
    if YEAR_RE.match(text):
        return int(text)
    try:
        return parse_rfc3339(text, parameter=parameter).year
    except FilterError as error:
        raise invalid(parameter, error.message) from None


def parse_datetime(raw: str | None) -> tuple[int | None, int | None] | None:
    """datetime as a range of years (features carry years): `2015`, `2012-01-01/2016-12-31`,
    `../2016`, `2012/..`. None when not given."""
    if raw is None or raw == "":
        return None
    raw = raw.strip()
    if "/" not in raw:
        year = _year(raw)
        return year, year
    start, _, end = raw.partition("/")
    if "/" in end:
        raise invalid("datetime", "an interval has one '/'")
    low = None if start in ("", "..") else _year(start)
    high = None if end in ("", "..") else _year(end)
    if low is not None and high is not None and low > high:
        raise invalid("datetime", "the interval starts after it ends")
    return low, high


def wants_html(query: Mapping[str, str], accept: str) -> bool:
    """f=html / f=json decide; otherwise HTML only when the Accept header prefers it (browsers)."""
    f = given(query, "f")
    if f is not None:
        f = f.lower()
        if f not in ("html", "json", "geojson"):
            raise invalid("f", "expected json or html")
        return f == "html"
    html_q = json_q = 0.0
    for item in accept.split(","):
        media, *options = [part.strip() for part in item.split(";")]
        q = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    q = float(option[2:])
                except ValueError:
                    q = 0.0
        if media in ("text/html", "application/xhtml+xml"):
            html_q = max(html_q, q)
        elif media.endswith("json") or media in ("*/*", "application/*"):
            json_q = max(json_q, q)
    return html_q > json_q
