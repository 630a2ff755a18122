"""The map API's query parameters, shared by the project and corridor filters.

Each parser takes the raw string (or None when the parameter is absent) and returns a clean
Python value or raises FilterError naming the parameter, which the views turn into HTTP 400.
At the end: the small ORM expressions both filter lists use.

Strict on purpose: numbers are plain ASCII (no `1_0`, no Arabic-Indic digits, no `0x10`),
finite and within their limits; NUL and other control characters are refused everywhere; an
error message quotes at most a short prefix of the bad value (`shown`).
"""

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields, replace

from django.db.models import CharField, Expression, Func, TextField, Value

from geodata.countries import basemap_country_names
from geodata.models import Country, Document, Pillar, Theme

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*\Z")
COUNTRY_RE = re.compile(r"^[A-Z]{3}\Z")
# C0 controls (NUL, tab, newline ...), DEL and the C1 controls.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
INTEGER_RE = re.compile(r"^[+-]?[0-9]{1,18}\Z")
# Up to 40 decimals: a shortest float repr such as 0.0010000000000000002 has 19.
DECIMAL_RE = re.compile(r"^[+-]?(?:[0-9]{1,18}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][+-]?[0-9]{1,3})?\Z")
RFC3339_DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
RFC3339_DATETIME_RE = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})\Z"
)
MAX_VALUES = 50
MAX_TEXT = 200
SHOWN_LENGTH = 40


def shown(value: str, *, length: int = SHOWN_LENGTH) -> str:
    """The value quoted for an error message: at most `length` characters of it."""
    value = str(value)
    return repr(value) if len(value) <= length else repr(value[:length]) + f"… ({len(value)} characters)"


class FilterError(ValueError):
    """A bad query parameter: the views answer 400 {"error": message, "parameter": parameter}."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message

    def as_json(self) -> dict:
        return {"error": self.message, "parameter": self.parameter}


class FilterSet:
    """The frozen filters value of a layer, built from its parameter list by
    geodata.parameters.filter_set (ProjectFilters, CorridorFilters)."""

    parameters: tuple = ()
    checks: tuple = ()

    @classmethod
    def from_query(cls, query: Mapping[str, str]):
        """Parse a QueryDict (or any mapping): every parameter in declaration order, then the
        cross-parameter checks; raises FilterError for the first bad parameter."""
        filters = cls(**{p.name: p.parse(raw(query, p.name)) for p in cls.parameters})
        for check in cls.checks:
            filters = check(filters) or filters
        return filters

    def apply(self, queryset):
        """The queryset narrowed by every parameter (each skips itself when not given)."""
        for parameter in self.parameters:
            if parameter.apply is not None:
                queryset = parameter.apply(queryset, self)
        return queryset

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
    """The parameter's last value, stripped; None when absent or empty (`sector=` = not given).

    Only an empty value is "not given": a value of spaces is given, and is "" here, which every
    parser but free text refuses (as the OpenAPI documents say). A value with a control character
    (NUL, newline ...) is refused here, for every parameter."""
    value = query.get(name)
    if value is None or value == "":
        return None
    check_plain(value, parameter=name)
    return value.strip()


def check_plain(value: str, *, parameter: str) -> str:
    """Refuse NUL and other control characters (they are never part of a filter, a slug or a name)."""
    if CONTROL_RE.search(value):
        raise FilterError(parameter, "the value contains a control character")
    return value


def parse_list(value: str | None, *, parameter: str, normalise=str) -> tuple[str, ...]:
    """Comma-separated values, normalised (e.g. str.lower), duplicates dropped, order kept.

    At most MAX_VALUES values as given (duplicates count); an empty value between commas is an error
    (`road,,bridge` is a typo, not a filter)."""
    if value is None:
        return ()
    items = [item.strip() for item in value.split(",")]
    if len(items) > MAX_VALUES:
        raise FilterError(parameter, f"at most {MAX_VALUES} values are allowed")
    if "" in items:
        raise FilterError(parameter, "an empty value in the comma-separated list")
    return tuple(dict.fromkeys(normalise(item) for item in items))


def parse_codes(value: str | None, *, parameter: str, allowed: Iterable[str]) -> tuple[str, ...]:
    """Codes of a controlled vocabulary (case-insensitive); an unknown code is an error."""
    allowed = list(allowed)
    codes = parse_list(value, parameter=parameter, normalise=str.lower)
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise FilterError(parameter,
                          f"unknown value {shown(unknown[0])}; expected one of: {', '.join(allowed)}")
    return codes


def parse_slugs(value: str | None, *, parameter: str) -> tuple[str, ...]:
    """Slugs, lower-cased and checked for shape; whether they exist is checked by check_known."""
    slugs = parse_list(value, parameter=parameter, normalise=str.lower)
    for slug in slugs:
        if not SLUG_RE.match(slug):
            raise FilterError(parameter, f"{shown(slug)} is not a valid slug")
    return slugs


def parse_countries(value: str | None, *, parameter: str = "country") -> tuple[str, ...]:
    codes = parse_list(value, parameter=parameter, normalise=str.upper)
    for code in codes:
        if not COUNTRY_RE.match(code):
            raise FilterError(parameter,
                              f"{shown(code)} is not an ISO 3166-1 alpha-3 country code (e.g. VNM)")
    return codes


def parse_int(value: str | None, *, parameter: str, minimum: int, maximum: int) -> int | None:
    """A whole number in plain ASCII digits (an optional sign), between minimum and maximum."""
    if value is None:
        return None
    if not INTEGER_RE.match(value):
        raise FilterError(parameter, f"{shown(value)} is not a whole number")
    number = int(value)
    if not minimum <= number <= maximum:
        raise FilterError(parameter, f"must be between {minimum} and {maximum}, got {number}")
    return number


def parse_number(value: str | None, *, parameter: str, minimum: float, maximum: float,
                 exclusive_minimum: bool = False, what: str = "a number") -> float | None:
    """A finite decimal number in plain ASCII (`12`, `-0.5`, `1e3`) within [minimum, maximum]
    (above minimum when exclusive_minimum); NaN, Infinity and `1_0` are not numbers here."""
    if value is None:
        return None
    if not DECIMAL_RE.match(value):
        raise FilterError(parameter, f"{shown(value)} is not {what}")
    number = float(value) + 0.0  # -0 is 0
    low_ok = number > minimum if exclusive_minimum else number >= minimum
    if not (math.isfinite(number) and low_ok and number <= maximum):
        low = f"more than {minimum:g}" if exclusive_minimum else f"at least {minimum:g}"
        raise FilterError(parameter, f"must be {low} and at most {maximum:g}, got {shown(value)}")
    return number


TRUE_VALUES = ("1", "true", "yes", "on")
FALSE_VALUES = ("0", "false", "no", "off")


def parse_flag(value: str | None, *, parameter: str) -> bool:
    """A yes/no switch such as download=1: 1/true/yes/on or 0/false/no/off (any case); absent is no."""
    if value is None:
        return False
    lowered = value.lower()
    if lowered not in TRUE_VALUES + FALSE_VALUES:
        raise FilterError(parameter, f"{shown(value)} is not one of {', '.join(TRUE_VALUES + FALSE_VALUES)}")
    return lowered in TRUE_VALUES


def parse_range(low: int | None, high: int | None, *, parameter: str) -> None:
    """Refuse an empty range (min > max): it can only be a mistake."""
    if low is not None and high is not None and low > high:
        raise FilterError(parameter, f"the minimum ({low}) is greater than the maximum ({high})")


def parse_bbox(value: str | None, *, parameter: str = "bbox") -> tuple[float, float, float, float] | None:
    """minLon,minLat,maxLon,maxLat in WGS84 degrees."""
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 4 or not all(DECIMAL_RE.match(part) for part in parts):
        raise FilterError(parameter, "expected four numbers: minLon,minLat,maxLon,maxLat")
    numbers = [float(part) + 0.0 for part in parts]
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
    check_plain(value, parameter=parameter)
    return value


def parse_rfc3339(value: str, *, parameter: str = "datetime") -> dt.date | dt.datetime:
    """An RFC 3339 full-date (`2015-02-28`) or date-time (`2015-02-28T10:00:00Z`), checked for
    real dates and times (`2015-02-31` and `24:00:00` are refused)."""
    date_match = RFC3339_DATE_RE.match(value)
    match = date_match or RFC3339_DATETIME_RE.match(value)
    if match is None:
        raise FilterError(parameter, f"{shown(value)} is not an RFC 3339 date or date-time")
    try:
        year, month, day = (int(g) for g in match.groups()[:3])
        if date_match:
            return dt.date(year, month, day)
        hour, minute, second = (int(g) for g in match.groups()[3:6])
        offset = match.group(8)
        tz = dt.UTC if offset in ("Z", "z") else dt.timezone(
            (1 if offset[0] == "+" else -1) * dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
        # RFC 3339 allows a leap second (60); Python does not: read it as 59.
        return dt.datetime(year, month, day, hour, minute, min(second, 59), tzinfo=tz)
    except ValueError:
        raise FilterError(parameter, f"{shown(value)} is not a valid date") from None


@functools.cache
def known_countries() -> frozenset[str]:
    """The countries of the map: those of the basemap (geodata/data/basedata/countries.geojson)."""
    return frozenset(basemap_country_names())


def check_known(*, theme: tuple[str, ...] = (), pillar: tuple[str, ...] = (),
                document: tuple[str, ...] = (), country: tuple[str, ...] = ()) -> None:
    """Refuse theme, pillar and document slugs that are not in the database, and countries that
    are not on the map, all with the same message (`unknown country 'XXX'`).

    One query for the slugs, and none when no slug is given, so plain requests stay at one query.
    """
    for code in country:
        # The basemap's countries need no query; another code is known if the database has it.
        if code not in known_countries() and not Country.objects.filter(iso_a3=code).exists():
            raise FilterError("country", f"unknown country {shown(code)}; the map's countries are: "
                                         f"{', '.join(sorted(known_countries()))}")
    if not (theme or pillar or document):
        return
    wanted = [("theme", Theme, "slug", theme), ("pillar", Pillar, "slug", pillar),
              ("document", Document, "slug", document)]
    parts = [
        model.objects.filter(**{f"{key}__in": values}).order_by()
        .annotate(parameter=Value(name, output_field=CharField())).values_list("parameter", key)
        for name, model, key, values in wanted if values
    ]
    found = set(parts[0].union(*parts[1:], all=True)) if len(parts) > 1 else set(parts[0])
    for name, _model, _key, values in wanted:
        for value in values:
            if (name, value) not in found:
                raise FilterError(name, f"unknown {name} {shown(value)}")


def joined(array: Expression) -> Func:
    """A text array as one string (for icontains on aliases). A newline separates the items:
    a search text would need a newline itself to match across two aliases."""
    return Func(array, Value("\n"), function="array_to_string", output_field=TextField())
