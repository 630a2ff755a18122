"""The map API's query parameters, shared by the project and corridor filters.

Each parser takes the raw string (or None when the parameter is absent) and returns a clean
Python value or raises FilterError naming the parameter, which the views turn into HTTP 400.
At the end: the small ORM expressions both filter lists use.
"""

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields, replace

from django.db.models import CharField, Expression, Func, TextField, Value

from geodata.models import Document, Pillar, Theme

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
MAX_VALUES = 50
MAX_TEXT = 200


class FilterError(ValueError):
    """A bad query parameter: the views answer 400 {"error": message, "parameter": parameter}."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message

    def as_json(self) -> dict:
        return {"error": self.message, "parameter": self.parameter}


class FilterSet:
    """Helpers for the frozen filter dataclasses (ProjectFilters, CorridorFilters)."""

    def without(self, *names: str):
        """The same filters with some cleared (facets count without their own parameter)."""
        defaults = {f.name: f.default for f in fields(self)}
        return replace(self, **{name: defaults[name] for name in names})

    def as_query(self) -> dict[str, str]:
        """The active filters as query parameters, in field order (for links and file names)."""
        query = {}
        for name, value in asdict(self).items():
            if value in (None, "", ()):
                continue
            if isinstance(value, tuple):
                value = ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
            query[name] = str(value)
        return query

    def label(self, *, max_length: int = 80) -> str:
        """A file-name-safe summary such as `sector-road-country-VNM`, or `all`."""
        parts = []
        for name, value in self.as_query().items():
            parts += [name.replace("_", ""), value]
        safe = "".join(ch if ch.isalnum() or ch in "._" else "-" for ch in "-".join(parts))
        while "--" in safe:
            safe = safe.replace("--", "-")
        return safe.strip("-")[:max_length].rstrip("-") or "all"


def raw(query: Mapping[str, str], name: str) -> str | None:
    """The parameter's last value, stripped; None when absent or blank (blank = not given)."""
    value = query.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_list(value: str | None, *, parameter: str, normalise=str) -> tuple[str, ...]:
    """Comma-separated values, normalised (e.g. str.lower), blanks and duplicates dropped, order kept."""
    if value is None:
        return ()
    items = tuple(dict.fromkeys(normalise(item.strip()) for item in value.split(",") if item.strip()))
    if len(items) > MAX_VALUES:
        raise FilterError(parameter, f"at most {MAX_VALUES} values are allowed")
    return items


def parse_codes(value: str | None, *, parameter: str, allowed: Iterable[str]) -> tuple[str, ...]:
    """Codes of a controlled vocabulary (case-insensitive); an unknown code is an error."""
    allowed = list(allowed)
    codes = parse_list(value, parameter=parameter, normalise=str.lower)
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise FilterError(parameter, f"unknown value {unknown[0]!r}; expected one of: {', '.join(allowed)}")
    return codes


def parse_slugs(value: str | None, *, parameter: str) -> tuple[str, ...]:
    """Slugs, lower-cased and checked for shape; whether they exist is checked by check_known."""
    slugs = parse_list(value, parameter=parameter, normalise=str.lower)
    for slug in slugs:
        if not SLUG_RE.match(slug):
            raise FilterError(parameter, f"{slug!r} is not a valid slug")
    return slugs


def parse_countries(value: str | None, *, parameter: str = "country") -> tuple[str, ...]:
    codes = parse_list(value, parameter=parameter, normalise=str.upper)
    for code in codes:
        if not COUNTRY_RE.match(code):
            raise FilterError(parameter, f"{code!r} is not an ISO 3166-1 alpha-3 country code (e.g. VNM)")
    return codes


def parse_int(value: str | None, *, parameter: str, minimum: int, maximum: int) -> int | None:
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise FilterError(parameter, f"{value!r} is not a whole number") from None
    if not minimum <= number <= maximum:
        raise FilterError(parameter, f"must be between {minimum} and {maximum}, got {number}")
    return number


def parse_range(low: int | None, high: int | None, *, parameter: str) -> None:
    """Refuse an empty range (min > max): it can only be a mistake."""
    if low is not None and high is not None and low > high:
        raise FilterError(parameter, f"the minimum ({low}) is greater than the maximum ({high})")


def parse_bbox(value: str | None, *, parameter: str = "bbox") -> tuple[float, float, float, float] | None:
    """minLon,minLat,maxLon,maxLat in WGS84 degrees."""
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise FilterError(parameter, "expected four numbers: minLon,minLat,maxLon,maxLat")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise FilterError(parameter, "expected four numbers: minLon,minLat,maxLon,maxLat") from None
    if not all(math.isfinite(n) for n in numbers):
        raise FilterError(parameter, "coordinates must be finite numbers")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise FilterError(parameter, "longitudes must lie between -180 and 180")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise FilterError(parameter, "latitudes must lie between -90 and 90")
    if min_lon > max_lon or min_lat > max_lat:
        raise FilterError(parameter, "the minimum corner must be south-west of the maximum corner")
    return min_lon, min_lat, max_lon, max_lat


def parse_text(value: str | None, *, parameter: str = "q", max_length: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if len(value) > max_length:
        raise FilterError(parameter, f"at most {max_length} characters are allowed")
    if "\x00" in value:
        raise FilterError(parameter, "the text contains a NUL character")
    return value


def check_known(*, theme: tuple[str, ...] = (), pillar: tuple[str, ...] = (),
                document: tuple[str, ...] = ()) -> None:
    """Refuse theme, pillar and document slugs that are not in the database.

    One query for all three, and none when no slug is given, so plain requests stay at one query.
    """
    if not (theme or pillar or document):
        return
    wanted = [("theme", Theme, theme), ("pillar", Pillar, pillar), ("document", Document, document)]
    parts = [
        model.objects.filter(slug__in=slugs).order_by()
        .annotate(parameter=Value(name, output_field=CharField())).values_list("parameter", "slug")
        for name, model, slugs in wanted if slugs
    ]
    found = set(parts[0].union(*parts[1:], all=True)) if len(parts) > 1 else set(parts[0])
    for name, _model, slugs in wanted:
        for slug in slugs:
            if (name, slug) not in found:
                raise FilterError(name, f"unknown {name} {slug!r}")


def joined(array: Expression) -> Func:
    """A text array as one string (for icontains on aliases). A newline separates the items:
    a search text would need a newline itself to match across two aliases."""
    return Func(array, Value("\n"), function="array_to_string", output_field=TextField())
